#!/usr/bin/env bash
# Records what JDK 17 keytool does for -genseckey, -importpass, -storepasswd
# and -keypasswd, for tests/unit/kstool_secret_test.cc; see
# ../record_cases.sh and README.md. Needs JDK 17 keytool (KEYTOOL=...).
exec "$(dirname "$0")/../record_cases.sh" "$(dirname "$0")" \
  mixed.jks mixed.jceks mixed.p12 legacy.p12 openssl_aes.p12 openssl_legacy.p12 openssl_nokeys.p12 \
  openssl_nomac.p12 empty.p12 zero.bin garbage.bin
