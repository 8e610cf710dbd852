#!/bin/bash
# Regenerates the PKCS#12 fixtures in this directory and, next to each one,
# <name>.ref.json: the reference views the tests compare kstore against.
#
#   * "jdk": the JDK KeyStore API's view, printed by the corpus helper
#     /work/shared/interop-corpus/tools/KeyStoreDump.java run with JDK 17, or
#     with JDK 25 when JDK 17 cannot open the file (non-ASCII passwords);
#     null when neither can.
#   * "openssl": every certificate and key OpenSSL 3.0 extracts (SHA-256 of
#     the certificate DER and of the PKCS#8 DER it prints); null when OpenSSL
#     cannot open the file.
#
# Needs openssl 3.0 (with the legacy provider), JDK 17 (keytool, java) and
# Temurin 25 (keytool, java). The tests never run this; they only read the
# committed output. Run from anywhere: ./testdata/pkcs12/make.sh
set -euo pipefail
export LC_ALL=C.UTF-8

OUT=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

J17=${JDK17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
J25=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
DUMP=${KEYSTORE_DUMP:-/work/shared/interop-corpus/tools/KeyStoreDump.java}
K17="$J17/bin/keytool"
K25="$J25/bin/keytool"
PW=changeit
NONASCII='pässwörd€'

# ---- key material -----------------------------------------------------------
openssl ecparam -name prime256v1 -genkey -noout -out ca.key
openssl req -new -x509 -key ca.key -out ca.pem -days 36500 -subj "/CN=kstore Test CA/O=kstore" \
  -addext basicConstraints=critical,CA:true
openssl genrsa -out leaf.key 2048 2>/dev/null
openssl req -new -key leaf.key -subj "/CN=leaf.kstore.test" -out leaf.csr
openssl x509 -req -in leaf.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 36500 -out leaf.pem 2>/dev/null
openssl req -new -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout other.key -out other.pem \
  -days 36500 -subj "/CN=Other Root" 2>/dev/null

ossl() {  # ossl <name> <password> <extra pkcs12 -export options...>
  local name=$1 pass=$2
  shift 2
  openssl pkcs12 -export -inkey leaf.key -in leaf.pem -passout "pass:$pass" -out "$OUT/$name.p12" "$@"
}

# ---- OpenSSL 3.0 --------------------------------------------------------------
ossl ossl_modern "$PW" -certfile ca.pem -name "My Leaf"            # PBES2 AES-256, SHA-256 MAC, CA without attributes
ossl ossl_legacy "$PW" -legacy -certfile ca.pem -name "My Leaf"    # RC2-40 certs, 3DES key, SHA-1 MAC
ossl ossl_noname "$PW" -certfile ca.pem                            # no friendlyName: the JDK calls it "1"
ossl ossl_nonascii "$NONASCII" -name nonascii                      # UTF-8 PBKDF2, BMPString MAC
ossl ossl_nonascii_legacy "$NONASCII" -legacy -name nonascii       # BMPString PKCS#12 KDF: JDK 25 cannot open it
ossl ossl_empty "" -name empty                                     # empty password, MAC over 00 00
ossl ossl_empty_legacy "" -legacy -name empty
ossl ossl_sha512mac "$PW" -macalg sha512 -name sha512
ossl ossl_pbes2_3des "$PW" -keypbe des-ede3-cbc -certpbe des-ede3-cbc -name pbes2-3des  # JDK cannot decrypt PBES2 3DES
ossl ossl_aes128_sha1prf "$PW" -keypbe aes-128-cbc -certpbe aes-192-cbc -name aes -macalg sha1
ossl ossl_2des_rc4 "$PW" -legacy -keypbe PBE-SHA1-2DES -certpbe PBE-SHA1-RC4-128 -name rc4
ossl ossl_rc2_128_rc4_40 "$PW" -legacy -keypbe PBE-SHA1-RC2-128 -certpbe PBE-SHA1-RC4-40 -name rc2
ossl ossl_plain "$PW" -keypbe NONE -certpbe NONE -nomac -name plain      # keyBag in clear: the JDK sees 0 entries
openssl pkcs12 -export -nokeys -in ca.pem -certfile other.pem -passout "pass:$PW" \
  -out "$OUT/ossl_nokeys.p12"                                     # truststore without the JDK's attribute: 0 entries

# ---- JDK 17 keytool ---------------------------------------------------------
"$K17" -genkeypair -keystore kca.p12 -storepass "$PW" -alias ca -keyalg EC -groupname secp256r1 \
  -dname "CN=kstore JDK CA,O=kstore" -ext bc:c -validity 36500
"$K17" -exportcert -keystore kca.p12 -storepass "$PW" -alias ca -rfc -file kca.pem
J=$OUT/jdk17_modern.p12
rm -f "$J"
"$K17" -genkeypair -keystore "$J" -storepass "$PW" -alias server -keyalg RSA -keysize 2048 \
  -dname "CN=server.kstore.test" -validity 36500
"$K17" -importcert -noprompt -keystore "$J" -storepass "$PW" -alias "Root CA" -file kca.pem   # friendlyName keeps case
"$K17" -certreq -keystore "$J" -storepass "$PW" -alias server |
  "$K17" -gencert -keystore kca.p12 -storepass "$PW" -alias ca -rfc -validity 36500 >server.pem
"$K17" -importcert -noprompt -keystore "$J" -storepass "$PW" -alias server -file server.pem
"$K17" -genseckey -keystore "$J" -storepass "$PW" -alias aes128 -keyalg AES -keysize 128
"$K17" -genseckey -keystore "$J" -storepass "$PW" -alias hmac -keyalg HmacSHA256 -keysize 256
"$K17" -genseckey -keystore "$J" -storepass "$PW" -alias desede -keyalg DESede

copy() {  # copy <keytool> <dest> <dest password> <-J options...>
  local kt=$1 dest=$OUT/$2 pass=$3
  shift 3
  rm -f "$dest"
  "$kt" "$@" -importkeystore -srckeystore "$J" -srcstorepass "$PW" -destkeystore "$dest" \
    -deststoretype PKCS12 -deststorepass "$pass" </dev/null
}
copy "$K17" jdk17_legacy.p12 "$PW" -J-Dkeystore.pkcs12.legacy
copy "$K17" jdk17_passwordless.p12 "$PW" -J-Dkeystore.pkcs12.certProtectionAlgorithm=NONE \
  -J-Dkeystore.pkcs12.macAlgorithm=NONE
rm -f "$OUT/jdk17_truststore.p12"
"$K17" -importcert -noprompt -keystore "$OUT/jdk17_truststore.p12" -storepass "$PW" -alias "Test CA" -file ca.pem
"$K17" -importcert -noprompt -keystore "$OUT/jdk17_truststore.p12" -storepass "$PW" -alias other -file other.pem

# ---- JDK 25 keytool ---------------------------------------------------------
copy "$K25" jdk25_modern.p12 "$PW"
copy "$K25" jdk25_nonascii.p12 "$NONASCII"                        # JDK 17 cannot open it at all
copy "$K25" jdk25_nonascii_legacy.p12 "$NONASCII" -J-Dkeystore.pkcs12.legacy  # ciphers keyed with 7-bit-masked UTF-8

# ---- KeyStore.store(stream, null) -------------------------------------------
# JDK 17 encrypts the certificates and keys its MAC with the empty password;
# JDK 25 writes the certificates in clear and no MAC (docs/formats.md,
# "PKCS#12: password-less stores").
cat >StoreNull.java <<'JAVA'
import java.io.*;
import java.security.KeyStore;

// Loads a PKCS12 keystore with its password and stores it with a null one.
public class StoreNull {
  public static void main(String[] args) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(args[0])) { ks.load(in, args[1].toCharArray()); }
    try (OutputStream out = new FileOutputStream(args[2])) { ks.store(out, null); }
  }
}
JAVA
"$J17/bin/java" StoreNull.java "$J" "$PW" "$OUT/jdk17_store_null.p12"
"$J25/bin/java" StoreNull.java "$J" "$PW" "$OUT/jdk25_store_null.p12"

# ---- EncryptedPrivateKeyInfo for every PBE scheme (openssl pkcs8) ------------
# pkcs8/plain.der is the PrivateKeyInfo; pkcs8/<scheme>.der its encryption
# under the password "kstore-pbe" (PBES2 with 2048 iterations, PBES1 2048).
mkdir -p "$OUT/pkcs8"
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:prime256v1 |
  openssl pkcs8 -topk8 -nocrypt -outform DER -out "$OUT/pkcs8/plain.der"
epki() {  # epki <name> <openssl pkcs8 options...>
  local name=$1
  shift
  openssl pkcs8 -topk8 -inform DER -outform DER -in "$OUT/pkcs8/plain.der" -passout pass:kstore-pbe \
    -provider legacy -provider default -out "$OUT/pkcs8/$name.der" "$@"
}
for v1 in PBE-SHA1-RC4-128 PBE-SHA1-RC4-40 PBE-SHA1-3DES PBE-SHA1-2DES PBE-SHA1-RC2-128 PBE-SHA1-RC2-40 \
  PBE-MD5-DES PBE-SHA1-DES PBE-MD5-RC2-64 PBE-SHA1-RC2-64; do
  epki "$v1" -v1 "$v1"
done
for cipher in aes-128-cbc aes-192-cbc aes-256-cbc des-ede3-cbc des-cbc rc2-cbc; do
  epki "pbes2-$cipher" -v2 "$cipher"
done
for prf in hmacWithSHA1 hmacWithSHA224 hmacWithSHA384 hmacWithSHA512 hmacWithSHA512-224 hmacWithSHA512-256; do
  epki "pbes2-aes-256-cbc-$prf" -v2 aes-256-cbc -v2prf "$prf"
done

# ---- reference views --------------------------------------------------------
pem_hashes() {  # SHA-256 of each PEM block of type $1 on stdin, as a JSON array
  awk -v type="$1" '
    $0 == "-----BEGIN " type "-----" { inblock = 1; b64 = ""; next }
    $0 == "-----END " type "-----" { inblock = 0; print b64; next }
    inblock { b64 = b64 $0 }' |
    while read -r b64; do printf %s "$b64" | base64 -d | sha256sum | cut -d' ' -f1; done |
    awk 'BEGIN { printf "[" } { printf "%s\"%s\"", (NR > 1 ? "," : ""), $0 } END { printf "]" }'
}

openssl_view() {  # openssl_view <file> <password>
  local f=$1 pass=$2 certs keys
  if ! certs=$(openssl pkcs12 -legacy -in "$f" -passin "pass:$pass" -nokeys 2>/dev/null | pem_hashes CERTIFICATE); then
    printf null
    return
  fi
  keys=$(openssl pkcs12 -legacy -in "$f" -passin "pass:$pass" -nocerts -nodes 2>/dev/null | pem_hashes "PRIVATE KEY") ||
    keys=null
  printf '{"certs":%s,"keys":%s}' "$certs" "$keys"
}

jdk_view() {  # jdk_view <file> <password> <key password>: JDK 17's KeyStore view, else JDK 25's, else null
  local f=$1 pass=$2 keypass=$3 out java
  for java in "$J17/bin/java" "$J25/bin/java"; do
    out=$(SP_B64=$(printf %s "$pass" | base64 -w0) KP_B64=$(printf %s "$keypass" | base64 -w0) \
      "$java" "$DUMP" PKCS12 "$f" 2>/dev/null || true)
    if printf %s "$out" | grep -q '"load":"ok"'; then
      printf %s "$out"
      return
    fi
  done
  printf null
}

for f in "$OUT"/*.p12; do
  name=$(basename "$f" .p12)
  case $name in
    *nonascii*) pass=$NONASCII ;;
    *empty* | *store_null*) pass= ;;
    *) pass=$PW ;;
  esac
  keypass=$pass
  case $name in *store_null*) keypass=$PW ;; esac  # store(null) keeps the keys as they were
  printf '{"password":"%s","keyPassword":"%s","jdk":%s,"openssl":%s}\n' "$pass" "$keypass" \
    "$(jdk_view "$f" "$pass" "$keypass")" "$(openssl_view "$f" "$pass")" >"$OUT/$name.ref.json"
done
echo "fixtures written to $OUT"
