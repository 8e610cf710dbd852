#!/bin/sh
# Regenerates the JKS/JCEKS fixtures in this directory with the JDK's keytool
# (made with OpenJDK 17.0.15, Debian 12) and records what the JDK KeyStore API
# sees in them (expected.tsv, via DumpKeys.java), so that the tests never need
# a JVM. Run from this directory: ./make.sh. Needs keytool and java on PATH.
# Keys are random, so every run gives different files; commit them together
# with expected.tsv.
set -eu
cd "$(dirname "$0")"
rm -f *.jks *.jceks expected.tsv

KT="keytool -noprompt"
DN='-dname CN=kstore-fixture,O=kstore'
# Most JCEKS fixtures use a small PBE iteration count to keep the tests fast;
# jceks_default_iterations.jceks keeps the JDK 17 default (200000).
FAST=-J-Djdk.jceks.iterationCount=10000

# JKS, one key pair per algorithm; store and key password "changeit".
$KT -genkeypair -keystore rsa2048.jks -storetype JKS -storepass changeit -keypass changeit \
    -alias rsa -keyalg RSA -keysize 2048 $DN -validity 3650
$KT -genkeypair -keystore ec_p256.jks -storetype JKS -storepass changeit -keypass changeit \
    -alias ec -keyalg EC -groupname secp256r1 $DN -validity 3650
$KT -genkeypair -keystore dsa2048.jks -storetype JKS -storepass changeit -keypass changeit \
    -alias dsa -keyalg DSA -keysize 2048 $DN -validity 3650

# A key password that differs from the store password.
$KT -genkeypair -keystore keypass_differs.jks -storetype JKS -storepass storepass1 -keypass keypass22 \
    -alias mykey -keyalg EC -groupname secp256r1 $DN -validity 3650

# A non-ASCII alias (keytool lower-cases it: Locale.ENGLISH).
$KT -genkeypair -keystore non_ascii_alias.jks -storetype JKS -storepass changeit -keypass changeit \
    -alias 'Schlüssel-КЛЮЧ-鍵' -keyalg EC -groupname secp256r1 $DN -validity 3650

# A two-certificate chain (CA-signed leaf) plus the CA as a trusted certificate.
$KT -genkeypair -keystore chain.jks -storetype JKS -storepass changeit -keypass changeit \
    -alias ca -keyalg EC -groupname secp256r1 -dname CN=kstore-ca -ext bc:c -validity 3650
$KT -genkeypair -keystore chain.jks -storetype JKS -storepass changeit -keypass changeit \
    -alias leaf -keyalg EC -groupname secp256r1 -dname CN=kstore-leaf -validity 3650
$KT -certreq -keystore chain.jks -storepass changeit -alias leaf -file leaf.csr
$KT -gencert -keystore chain.jks -storepass changeit -alias ca -infile leaf.csr -outfile leaf.cer -validity 3650
$KT -exportcert -keystore chain.jks -storepass changeit -alias ca -file ca.cer
$KT -importcert -keystore chain.jks -storepass changeit -alias leaf -file leaf.cer
$KT -delete -keystore chain.jks -storepass changeit -alias ca
$KT -importcert -keystore chain.jks -storepass changeit -alias trusted-ca -file ca.cer
rm -f leaf.csr leaf.cer ca.cer

# JCEKS: a private key (PBEWithMD5AndTripleDES) and secret keys of each form
# the JDK serialises: SecretKeySpec (AES, HmacSHA256) and KeyRep (DESede, DES,
# a password from -importpass).
$KT $FAST -genkeypair -keystore mixed.jceks -storetype JCEKS -storepass changeit -keypass changeit \
    -alias rsa -keyalg RSA -keysize 2048 $DN -validity 3650
$KT $FAST -genseckey -keystore mixed.jceks -storetype JCEKS -storepass changeit -keypass changeit \
    -alias aes128 -keyalg AES -keysize 128
$KT $FAST -genseckey -keystore mixed.jceks -storetype JCEKS -storepass changeit -keypass changeit \
    -alias hmac -keyalg HmacSHA256 -keysize 256
$KT $FAST -genseckey -keystore mixed.jceks -storetype JCEKS -storepass changeit -keypass changeit \
    -alias desede -keyalg DESede -keysize 168
$KT $FAST -genseckey -keystore mixed.jceks -storetype JCEKS -storepass changeit -keypass changeit \
    -alias des -keyalg DES -keysize 56
printf 'imported-secret\n' | $KT $FAST -importpass -keystore mixed.jceks -storetype JCEKS \
    -storepass changeit -keypass changeit -alias password
$KT $FAST -importcert -keystore mixed.jceks -storetype JCEKS -storepass changeit \
    -alias cert -file "$(keytool -exportcert -keystore rsa2048.jks -storepass changeit -alias rsa -file rsa.cer >/dev/null && echo rsa.cer)"
rm -f rsa.cer

# JCEKS with per-entry passwords that differ from the store password.
$KT $FAST -genkeypair -keystore keypass_differs.jceks -storetype JCEKS -storepass storepass1 -keypass keypass22 \
    -alias ec -keyalg EC -groupname secp256r1 $DN -validity 3650
$KT $FAST -genseckey -keystore keypass_differs.jceks -storetype JCEKS -storepass storepass1 -keypass secretpass3 \
    -alias aes256 -keyalg AES -keysize 256

# JCEKS with the JDK's default iteration count (200000), one key of each kind.
$KT -genkeypair -keystore jceks_default_iterations.jceks -storetype JCEKS -storepass changeit -keypass changeit \
    -alias ec -keyalg EC -groupname secp256r1 $DN -validity 3650
$KT -genseckey -keystore jceks_default_iterations.jceks -storetype JCEKS -storepass changeit -keypass changeit \
    -alias aes -keyalg AES -keysize 128

# What the JDK sees: alias, entry type, creation time, key algorithm,
# SHA-256 of Key.getEncoded(), certificate SHA-256s (leaf first).
dump() { java DumpKeys.java "$@" >> expected.tsv; }
dump JKS rsa2048.jks changeit changeit
dump JKS ec_p256.jks changeit changeit
dump JKS dsa2048.jks changeit changeit
dump JKS keypass_differs.jks storepass1 keypass22
dump JKS non_ascii_alias.jks changeit changeit
dump JKS chain.jks changeit changeit
dump JCEKS mixed.jceks changeit changeit
dump JCEKS keypass_differs.jceks storepass1 keypass22 secretpass3
dump JCEKS jceks_default_iterations.jceks changeit changeit
