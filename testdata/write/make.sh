#!/usr/bin/env bash
# Records what JDK 17 keytool does for the write commands kstool implements
# (-delete, -changealias, -importkeystore), for tests/unit/kstool_write_test.cc;
# see ../record_cases.sh and README.md. Needs JDK 17 keytool (KEYTOOL=...).
exec "$(dirname "$0")/../record_cases.sh" "$(dirname "$0")" \
  mixed.jks mixed.jceks mixed.p12 basic.jks trust.jks many.jks empty.jks zero.bin garbage.bin weak.jks \
  passwordless.p12
