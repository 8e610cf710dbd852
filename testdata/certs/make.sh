#!/usr/bin/env bash
# Records what JDK 17 keytool does for the certificate commands kstool
# implements (-exportcert), for tests/unit/kstool_certs_test.cc; see
# ../record_cases.sh and README.md. Needs JDK 17 keytool (KEYTOOL=...).
exec "$(dirname "$0")/../record_cases.sh" "$(dirname "$0")" \
  mixed.jks mixed.jceks mixed.p12 basic.jks weak.jks passwordless.p12 garbage.bin
