#!/usr/bin/env bash
# Regenerates the bundled sample keystore used by the README quick start.
# Needs JDK keytool; kstore itself never does.
set -euo pipefail
cd "$(dirname "$0")"
rm -f sample.jks ca.jks ca.pem server.csr server.pem
export TZ=UTC
pw=changeit
keytool -genkeypair -keystore ca.jks -storetype JKS -storepass $pw -keypass $pw -alias ca -keyalg RSA -keysize 2048 \
  -dname "CN=Sample Root CA, O=kstore, C=US" -ext bc:c=ca:true -validity 7300 >/dev/null 2>&1
keytool -exportcert -rfc -keystore ca.jks -storepass $pw -alias ca -file ca.pem >/dev/null 2>&1
keytool -genkeypair -keystore sample.jks -storetype JKS -storepass $pw -keypass $pw -alias server -keyalg EC \
  -groupname secp256r1 -dname "CN=server.example.com, O=kstore, C=US" -validity 3650 >/dev/null 2>&1
keytool -certreq -keystore sample.jks -storepass $pw -alias server -file server.csr
keytool -gencert -keystore ca.jks -storepass $pw -alias ca -infile server.csr -outfile server.pem -rfc \
  -ext san=dns:server.example.com,ip:127.0.0.1 -ext eku=serverAuth -validity 3650
keytool -importcert -noprompt -keystore sample.jks -storepass $pw -alias sample-root-ca -file ca.pem >/dev/null 2>&1
keytool -importcert -keystore sample.jks -storepass $pw -alias server -file server.pem >/dev/null 2>&1
rm -f ca.jks server.csr server.pem ca.pem
keytool -list -keystore sample.jks -storepass $pw > sample.jks.list.txt 2>/dev/null
