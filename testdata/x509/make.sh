#!/bin/bash
# Regenerates the X.509 fixtures: certificates made with OpenSSL 3 (and
# rawcert.py for hand-made encodings) and, beside each X.pem, the output of
# JDK 17 `keytool -printcert -file X.pem` as X.printcert.txt (TZ=UTC,
# LC_ALL=C.UTF-8). Private keys live in a temporary directory and are
# thrown away. Run from anywhere: testdata/x509/make.sh
set -euo pipefail
cd "$(dirname "$0")"
OUT=$PWD
KEYTOOL=${KEYTOOL:-/usr/lib/jvm/java-17-openjdk-amd64/bin/keytool}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
export TZ=UTC LC_ALL=C.UTF-8

rm -f ./*.pem ./*.printcert.txt names.tsv

key() {  # key NAME OPENSSL-GENPKEY-ARGS...
  local n=$1; shift
  [ -f "$W/$n.key" ] || openssl genpkey "$@" -out "$W/$n.key" 2>/dev/null
}
key rsa512 -algorithm RSA -pkeyopt rsa_keygen_bits:512
key rsa1024 -algorithm RSA -pkeyopt rsa_keygen_bits:1024
key rsa2048 -algorithm RSA -pkeyopt rsa_keygen_bits:2048
key rsa4096 -algorithm RSA -pkeyopt rsa_keygen_bits:4096
key rsapss -algorithm RSA-PSS -pkeyopt rsa_keygen_bits:2048
key rsapss_params -algorithm RSA-PSS -pkeyopt rsa_keygen_bits:2048 -pkeyopt rsa_pss_keygen_md:sha384 \
  -pkeyopt rsa_pss_keygen_mgf1_md:sha384 -pkeyopt rsa_pss_keygen_saltlen:48
key p256 -algorithm EC -pkeyopt ec_paramgen_curve:P-256
key p384 -algorithm EC -pkeyopt ec_paramgen_curve:P-384
key p521 -algorithm EC -pkeyopt ec_paramgen_curve:P-521
key secp256k1 -algorithm EC -pkeyopt ec_paramgen_curve:secp256k1
key brainpool -algorithm EC -pkeyopt ec_paramgen_curve:brainpoolP256r1
openssl genpkey -genparam -algorithm DSA -pkeyopt dsa_paramgen_bits:1024 -pkeyopt dsa_paramgen_q_bits:160 -out "$W/dsa1024.param" 2>/dev/null
key dsa1024 -paramfile "$W/dsa1024.param"
openssl genpkey -genparam -algorithm DSA -pkeyopt dsa_paramgen_bits:2048 -out "$W/dsa2048.param" 2>/dev/null
key dsa2048 -paramfile "$W/dsa2048.param"
key p192 -algorithm EC -pkeyopt ec_paramgen_curve:P-192
key p224 -algorithm EC -pkeyopt ec_paramgen_curve:P-224
key x25519 -algorithm X25519
key x448 -algorithm X448
key ed25519 -algorithm ED25519
key ed448 -algorithm ED448

cat > "$W/ext.cnf" <<'CNF'
[req]
distinguished_name = dn
[dn]
[none]
[basic]
basicConstraints = critical, CA:true, pathlen:3
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[leafsome]
basicConstraints = CA:false
keyUsage = digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:leaf.example.com, DNS:*.leaf.example.com
subjectKeyIdentifier = hash
[eku_code]
extendedKeyUsage = codeSigning
[eku_tsa]
extendedKeyUsage = timeStamping
[eku_server_code]
extendedKeyUsage = serverAuth, codeSigning
[eku_client_tsa]
extendedKeyUsage = clientAuth, timeStamping
[eku_server_tsa]
extendedKeyUsage = serverAuth, timeStamping
[eku_any]
extendedKeyUsage = anyExtendedKeyUsage
[bc_nolimit]
basicConstraints = critical, CA:true
[bc_false]
basicConstraints = CA:false
[bc_zero]
basicConstraints = CA:true, pathlen:0
[ku_all]
keyUsage = digitalSignature, nonRepudiation, keyEncipherment, dataEncipherment, keyAgreement, keyCertSign, cRLSign, encipherOnly, decipherOnly
[ku_agree]
keyUsage = critical, keyAgreement, decipherOnly
[eku]
extendedKeyUsage = critical, serverAuth, clientAuth, codeSigning, emailProtection, timeStamping, OCSPSigning, ipsecEndSystem, ipsecTunnel, ipsecUser, anyExtendedKeyUsage, msSGC, nsSGC, 1.3.6.1.5.5.7.3.17, 1.2.3.4.5, msCodeInd
[san]
subjectAltName = @san_list
[san_list]
DNS.1 = example.com
DNS.2 = *.wild.example.com
IP.1 = 192.0.2.1
IP.2 = 2001:db8::1
IP.3 = ::ffff:198.51.100.7
IP.4 = fe80::abcd:0:12:3
IP.5 = ::
email.1 = someone@example.com
URI.1 = https://example.com/path?q=1#frag
URI.2 = urn:isbn:0451450523
RID.1 = 1.2.3.4.5.6
dirName.1 = dir_sect
otherName.1 = 1.3.6.1.4.1.311.20.2.3;UTF8:user@example.com
otherName.2 = 1.2.3.4;IA5STRING:other
[dir_sect]
C = DE
O = Dir Org, Inc.
CN = Directory Name
[ian]
issuerAltName = email:ca@example.com, URI:http://ca.example.com/, DNS:ca.example.com, IP:10.1.2.3
[ski_only]
subjectKeyIdentifier = hash
[ski_custom]
subjectKeyIdentifier = 0102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F2021
[crldp]
crlDistributionPoints = URI:http://crl.example.com/a.crl, URI:ldap://ldap.example.com/cn=CA?certificateRevocationList
[crldp_full]
crlDistributionPoints = crldp1, crldp2, crldp3
[crldp1]
fullname = URI:http://crl1.example.com/c.crl, URI:http://crl1b.example.com/c.crl
reasons = keyCompromise, CACompromise, affiliationChanged, superseded, cessationOfOperation, certificateHold, privilegeWithdrawn, AACompromise
CRLissuer = dirName:dir_sect
[crldp2]
relativename = rdn_sect
[rdn_sect]
CN = relative crl
[crldp3]
fullname = dirName:dir_sect
reasons = superseded
[freshest]
freshestCRL = URI:http://delta.example.com/delta.crl
[aia]
authorityInfoAccess = OCSP;URI:http://ocsp.example.com/, caIssuers;URI:http://ca.example.com/ca.cer, 1.3.6.1.5.5.7.48.5;URI:http://repo.example.com/, 1.2.3.4;email:aia@example.com
[sia]
subjectInfoAccess = caRepository;URI:http://repo.example.com/, 1.3.6.1.5.5.7.48.3;URI:http://tsa.example.com/, 1.2.3.4.5;DNS:sia.example.com
[policies]
certificatePolicies = ia5org, 1.2.3.4, @pol1, @pol2, 2.5.29.32.0
[pol1]
policyIdentifier = 1.3.6.1.4.1.99999.1
CPS.1 = http://cps.example.com/cps
CPS.2 = http://cps.example.com/cps2
userNotice.1 = @notice1
[pol2]
policyIdentifier = 1.3.6.1.4.1.99999.2
userNotice.1 = @notice2
[notice1]
explicitText = "Explicit notice text"
organization = "Example Org"
noticeNumbers = 1, 2, 3
[notice2]
explicitText = UTF8:Only explicit text, ünïcode
[nscert]
nsCertType = client, server, email, objsign, reserved, sslCA, emailCA, objCA
[nscert_some]
nsCertType = server, sslCA
nsComment = "OpenSSL Generated Certificate"
[nc]
nameConstraints = critical, permitted;DNS:.example.com, permitted;IP:192.168.0.0/255.255.0.0, permitted;IP:2001:db8::/ffff:ffff::, permitted;email:.example.com, permitted;URI:.example.com, excluded;DNS:bad.example.com, excluded;dirName:dir_sect, excluded;IP:0.0.0.0/0.0.0.0
[pc]
policyConstraints = critical, requireExplicitPolicy:1, inhibitPolicyMapping:2
[pc_req]
policyConstraints = requireExplicitPolicy:0
[pc_inh]
policyConstraints = inhibitPolicyMapping:5
[iap]
inhibitAnyPolicy = critical, 0
[iap5]
inhibitAnyPolicy = 5
[pm]
policyMappings = critical, 1.2.3.4:1.2.3.5, 1.2.3.6:2.5.29.32.0
[tlsfeature]
tlsfeature = status_request
[ocspnocheck]
noCheck = ignored
[unknown]
1.2.3.4.5.6.7 = critical, DER:0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f
1.3.6.1.4.1.11129.2.4.2 = ASN1:UTF8String:This looks like an SCT list but is not one
2.5.29.9 = DER:3000
[mixed]
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
basicConstraints = critical, CA:true
keyUsage = critical, digitalSignature, keyCertSign
extendedKeyUsage = serverAuth
subjectAltName = DNS:mixed.example.com
issuerAltName = DNS:issuer.example.com
crlDistributionPoints = URI:http://crl.example.com/m.crl
authorityInfoAccess = OCSP;URI:http://ocsp.example.com/
certificatePolicies = 2.23.140.1.2.1
nsCertType = server
nsComment = "comment"
1.3.6.1.4.1.11129.2.4.3 = critical, DER:0500
inhibitAnyPolicy = 1
policyConstraints = requireExplicitPolicy:3
nameConstraints = permitted;DNS:example.com
subjectInfoAccess = caRepository;URI:http://repo.example.com/
2.5.29.99 = DER:020101
[leaf_of_ca]
authorityKeyIdentifier = keyid:always, issuer:always
subjectKeyIdentifier = hash
[aki_issuer_only]
authorityKeyIdentifier = issuer:always
CNF

printcert() {  # printcert NAME: expected output beside NAME.pem
  "$KEYTOOL" -printcert -file "$OUT/$1.pem" > "$OUT/$1.printcert.txt" 2>/dev/null || {
    echo "keytool failed on $1" >&2
    cat "$OUT/$1.printcert.txt" >&2
    exit 1
  }
}

self() {  # self NAME KEY SUBJECT EXT-SECTION [extra openssl req args...]
  local n=$1 k=$2 subj=$3 sect=$4; shift 4
  openssl req -x509 -new -key "$W/$k.key" -subj "$subj" -config "$W/ext.cnf" -extensions "$sect" \
    -days 3650 -out "$OUT/$n.pem" "$@" 2>/dev/null
  printcert "$n"
}

# --- CA and leaf used by the summary tests --------------------------------
self ca rsa2048 "/C=US/O=Kstore Test/CN=Kstore Test CA" basic -set_serial 0x3a
openssl req -new -key "$W/p256.key" -subj "/CN=leaf.example" -out "$W/leaf.csr"
openssl x509 -req -in "$W/leaf.csr" -CA ca.pem -CAkey "$W/rsa2048.key" -set_serial 0xff01 -days 365 \
  -extfile "$W/ext.cnf" -extensions leaf_of_ca -out leaf.pem 2>/dev/null
printcert leaf

# --- key and signature algorithms -----------------------------------------
self rsa512_sha256 rsa512 "/CN=RSA 512" basic
self rsa1024_sha1 rsa1024 "/CN=RSA 1024 SHA-1" basic -sha1
self rsa1024_md5 rsa1024 "/CN=RSA 1024 MD5" none -md5
self rsa2048_sha256 rsa2048 "/CN=RSA 2048/O=Kstore/C=US" leafsome
self rsa2048_sha224 rsa2048 "/CN=RSA 2048 SHA-224" none -sha224
self rsa2048_sha3 rsa2048 "/CN=RSA 2048 SHA3-256" none -sha3-256
self rsa4096_sha512 rsa4096 "/CN=RSA 4096" basic -sha512
self rsa2048_pss_sig rsa2048 "/CN=RSA key PSS signature" none -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32
self rsapss_key rsapss "/CN=RSASSA-PSS key" basic
self rsapss_key_params rsapss_params "/CN=RSASSA-PSS key with parameters" none -sha384
self ec256_sha256 p256 "/CN=EC P-256" leafsome
self ec256_sha1 p256 "/CN=EC P-256 SHA-1" none -sha1
self ec384_sha384 p384 "/CN=EC P-384" basic -sha384
self ec521_sha512 p521 "/CN=EC P-521" basic -sha512
self ec_secp256k1 secp256k1 "/CN=EC secp256k1" none
self ec_brainpool brainpool "/CN=EC brainpoolP256r1" none
self dsa1024_sha1 dsa1024 "/CN=DSA 1024" none -sha1
self dsa2048_sha256 dsa2048 "/CN=DSA 2048" basic -sha256
self ec192 p192 "/CN=EC P-192" none
self ec224 p224 "/CN=EC P-224" none
self ed25519 ed25519 "/CN=Ed25519" basic
for k in x25519 x448; do  # key-agreement keys cannot sign: certify them with the RSA CA key
  openssl pkey -in "$W/$k.key" -pubout -out "$W/$k.pub"
  openssl req -new -key "$W/rsa2048.key" -subj "/CN=$k key" -out "$W/$k.csr"
  openssl x509 -req -in "$W/$k.csr" -signkey "$W/rsa2048.key" -force_pubkey "$W/$k.pub" -days 365 \
    -out "$OUT/$k.pem" 2>/dev/null
  printcert "$k"
done
# SHA-1 is "weak", but "disabled" for code signing and time stamping
# (keytool picks the validator variant from the extended key usages).
for e in eku_code eku_tsa eku_server_code eku_client_tsa eku_server_tsa eku_any; do
  self "sha1_$e" rsa2048 "/CN=SHA-1 $e" "$e" -sha1
done
self dsa1024_sha256 dsa1024 "/CN=DSA 1024 SHA-256" eku_code -sha256
self ed448 ed448 "/CN=Ed448" basic

# --- extensions -------------------------------------------------------------
for s in bc_nolimit bc_false bc_zero ku_all ku_agree eku san ian ski_only ski_custom crldp crldp_full \
         freshest aia sia policies nscert nscert_some nc pc pc_req pc_inh iap iap5 pm tlsfeature \
         ocspnocheck unknown mixed aki_issuer_only; do
  self "ext_$s" p256 "/CN=ext $s" "$s"
done
openssl req -new -key "$W/rsa1024.key" -subj "/CN=leaf with full AKI" -out "$W/leaf2.csr"
openssl x509 -req -in "$W/leaf2.csr" -CA ca.pem -CAkey "$W/rsa2048.key" -set_serial 0x0102030405060708090a0b0c0d \
  -days 30 -extfile "$W/ext.cnf" -extensions leaf_of_ca -out ext_aki_full.pem 2>/dev/null
printcert ext_aki_full

# --- names --------------------------------------------------------------------
self name_multivalued p256 "/C=US/O=Multi+OU=Valued/CN=one+UID=two+emailAddress=three@example.com" none -multivalue-rdn
self name_escapes p256 '/CN=a\,b/OU=plus\+sign/O=quote"in"/L=back\\slash/ST=semi;colon/STREET=<angle>/title=eq=ual' none
self name_spaces p256 '/CN= leading/OU=trailing /O=two  spaces/L=#hash/ST=ends#/title="quoted"' none
self name_keywords p256 "/C=CH/ST=Zug/L=Baar/O=Org/OU=Unit/CN=Common/STREET=1 Main St/DC=example/DC=com/UID=jdoe/emailAddress=jdoe@example.com/serialNumber=1234/title=Dr/SN=Doe/GN=John/initials=JD/generationQualifier=III/dnQualifier=qual/pseudonym=pseudo/businessCategory=biz/postalCode=6340/jurisdictionC=CH/unstructuredName=unstructured/2.5.4.97=VATCH-123" none
self name_utf8 p256 "/CN=Jürgen Größe/O=日本語の組織/OU=emoji 😀 here/L=Zürich" none -utf8
self name_empty_value p256 "/CN=/O=empty CN" none
python3 rawcert.py --key "$W/rsa2048.key" --serial 05 --not-before utc:200101000000Z --not-after utc:300101000000Z \
  --issuer '[[["2.5.4.6","printable","FR"]],[["2.5.4.10","t61","Soci\u00e9t\u00e9 T61"]],[["2.5.4.11","bmp","BMP \u00e9\u4e2d"]],[["2.5.4.3","univ","Universal \u00fc\ud83d\ude00"]],[["2.5.4.7","ia5","ia5 locality"]],[["1.2.3.4.5","printable","unknown printable"]],[["1.2.3.4.6","hex","020105"]],[["2.5.4.3","hex","0403616263"]],[["2.5.4.12","utf8","bad \"quote\" \\\\ back"]]]' \
  --out name_string_types.pem
printcert name_string_types
python3 rawcert.py --key "$W/rsa2048.key" --serial 06 --not-before utc:200101000000Z --not-after utc:300101000000Z \
  --issuer '[[["2.5.4.3","printable","Issuer of an empty subject"]]]' --subject '[]' \
  --ext '[["2.5.29.17",true,"300f820d656d7074792e6578616d706c65"]]' --out name_empty_subject.pem
printcert name_empty_subject
python3 rawcert.py --key "$W/rsa2048.key" --serial 07 --not-before utc:200101000000Z --not-after utc:300101000000Z \
  --issuer '[[["2.5.4.3","utf8","\"already quoted\""]],[["2.5.4.10","utf8","new\nline"]],[["2.5.4.11","utf8","tab\there"]],[["2.5.4.7","utf8","nul\u0000char"]],[["2.5.4.8","utf8","{braces}|~"]],[["2.5.4.9","utf8"," "]],[["2.5.4.3","utf8",""]]]' \
  --out name_odd_chars.pem
printcert name_odd_chars

# --- serial numbers, versions, times ----------------------------------------
self serial_zero p256 "/CN=serial zero" none -set_serial 0
self serial_small p256 "/CN=serial 127" none -set_serial 127
self serial_highbit p256 "/CN=serial 0x80" none -set_serial 0x80
self serial_long p256 "/CN=serial 20 bytes" none -set_serial 0x7fffffffffffffffffffffffffffffffffffff01
raw() {  # raw NAME rawcert-args...
  local n=$1; shift
  python3 rawcert.py --key "$W/rsa2048.key" "$@" --out "$n.pem"
  printcert "$n"
}
raw serial_negative --serial ff01 --issuer '[[["2.5.4.3","utf8","negative serial"]]]' \
  --not-before utc:200101000000Z --not-after utc:300101000000Z
raw serial_leading_zero --serial 00ff --issuer '[[["2.5.4.3","utf8","serial 00ff"]]]' \
  --not-before utc:200101000000Z --not-after utc:300101000000Z
raw version1 --version 1 --serial 0a --issuer '[[["2.5.4.3","utf8","v1 cert"]]]' \
  --not-before utc:200101000000Z --not-after utc:300101000000Z
raw version2_uids --version 2 --serial 0b --issuer '[[["2.5.4.3","utf8","v2 cert"]]]' \
  --not-before utc:200101000000Z --not-after utc:300101000000Z --issuer-uid 00a1b2 --subject-uid 04c0
raw ber_lengths --ber --serial 16 --issuer '[[["2.5.4.3","utf8","BER lengths"]]]' \
  --not-before utc:200101000000Z --not-after utc:300101000000Z
raw time_1950_2049 --serial 0c --issuer '[[["2.5.4.3","utf8","UTCTime range"]]]' \
  --not-before utc:500101000000Z --not-after utc:491231235959Z
raw time_pre1970 --serial 0d --issuer '[[["2.5.4.3","utf8","before the epoch"]]]' \
  --not-before utc:690720201800Z --not-after gen:20500101000000Z
raw time_generalized --serial 0e --issuer '[[["2.5.4.3","utf8","GeneralizedTime"]]]' \
  --not-before gen:19000101000000Z --not-after gen:99991231235959Z
raw time_offsets --serial 0f --issuer '[[["2.5.4.3","utf8","zone offsets"]]]' \
  --not-before utc:200101000000+0130 --not-after gen:20300615120000.123-0800
raw time_julian --serial 17 --issuer '[[["2.5.4.3","utf8","Julian calendar"]]]' \
  --not-before gen:15821014235959Z --not-after gen:18500701000000Z
raw time_no_seconds --serial 15 --issuer '[[["2.5.4.3","utf8","no seconds"]]]' \
  --not-before utc:2001010000Z --not-after gen:203006151200Z
raw ext_private_key_usage --serial 10 --issuer '[[["2.5.4.3","utf8","PrivateKeyUsage"]]]' \
  --not-before utc:200101000000Z --not-after utc:300101000000Z \
  --ext '[["2.5.29.16",false,"3022800f32303230303130313030303030305a810f32303235303130313030303030305a"]]'
raw ext_private_key_usage_from --serial 11 --issuer '[[["2.5.4.3","utf8","PrivateKeyUsage from only"]]]' \
  --not-before utc:200101000000Z --not-after utc:300101000000Z \
  --ext '[["2.5.29.16",false,"3011800f32303230303130313030303030305a"]]'
raw ext_unparseable --serial 12 --issuer '[[["2.5.4.3","utf8","unparseable extensions"]]]' \
  --not-before utc:200101000000Z --not-after utc:300101000000Z \
  --ext '[["2.5.29.15",false,"0400"],["2.5.29.19",false,"02"],["2.5.29.14",false,"05"],["1.2.3.99",false,""]]'
raw ext_bc_pathlen_only --serial 13 --issuer '[[["2.5.4.3","utf8","pathlen without CA"]]]' \
  --not-before utc:200101000000Z --not-after utc:300101000000Z \
  --ext '[["2.5.29.19",false,"3003020105"],["2.5.29.15",false,"03020780"],["2.5.29.15.99",false,"0101ff"]]'
raw ext_aki_serial_only --serial 14 --issuer '[[["2.5.4.3","utf8","AKI serial only"]]]' \
  --not-before utc:200101000000Z --not-after utc:300101000000Z \
  --ext '[["2.5.29.35",false,"3005820300ff01"],["2.5.29.17",false,"3012a010060a2b060104018237140203a0020500"]]'


# --- extension values the JDK rejects or reads oddly (non-critical, so keytool
# prints them as "Unparseable … extension due to" with the exception text) ---
while read -r n oid hex; do
  [ -n "$n" ] || continue
  python3 rawcert.py --key "$W/p256.key" --sigalg ecdsaWithSHA256 --serial 01 \
    --issuer "[[[\"2.5.4.3\",\"utf8\",\"$n\"]]]" --not-before utc:200101000000Z --not-after utc:300101000000Z \
    --ext "[[\"$oid\",false,\"$hex\"]]" --out "bad_$n.pem"
  printcert "bad_$n"
done <<'TABLE'
san_empty 2.5.29.17 3000
san_uri_space 2.5.29.17 300c860a687474703a2f2f612062
san_trailing 2.5.29.17 30078705010203040506
san_ip_5 2.5.29.17 300787050102030405
san_ipv6_prefix 2.5.29.17 3022872020010db8000000000000000000000001ffffffff000000000000000000000000
san_rfc822_empty 2.5.29.17 30028100
san_uri_noscheme 2.5.29.17 30098607666f6f2f626172
san_dns_nonascii 2.5.29.17 30068204c3a92e78
san_x400 2.5.29.17 3004a3023000
san_edi_constructed 2.5.29.17 3009a507a1050c03616263
san_edi_primitive 2.5.29.17 3010a50e8005130361736781050c03616263
san_unknown_tag 2.5.29.17 3003890100
san_othername_short 2.5.29.17 3007a0050603550403
san_othername_notag 2.5.29.17 300ba009060355040304020000
san_dirname_implicit 2.5.29.17 300fa40d310b300906035504030c024142
san_dirname_null 2.5.29.17 3004a4020500
san_oidname_unended 2.5.29.17 300488022a80
eku_not_seq 2.5.29.37 0603550403
eku_not_oid 2.5.29.37 3003020101
eku_empty 2.5.29.37 3000
aki_bad_tag 2.5.29.35 3003830100
aki_dup_id 2.5.29.35 3006800101800102
bc_pathlen_octets 2.5.29.19 30060101ff040100
bc_bool_len2 2.5.29.19 30040102ffff
bc_pathlen_huge 2.5.29.19 300a0101ff020500ffffffff
bc_pathlen_negative 2.5.29.19 30060101ff0201ff
bc_trailing 2.5.29.19 30090101ff020500ffffffff
pol_empty_qualifiers 2.5.29.32 3007300506012a3000
pol_not_seq 2.5.29.32 0500
pol_qualifier_notseq 2.5.29.32 3009300706012a30020500
nc_bad_tag 2.5.29.30 3004a2023000
nc_ip_badmask 2.5.29.30 3026a0243022872020010db8000000000000000000000001ff00ff00000000000000000000000000
nc_minmax 2.5.29.30 3015a11330118209782e6578616d706c65800101810105
pc_dup 2.5.29.36 3006800101800102
pc_empty 2.5.29.36 3000
crldp_empty_dp 2.5.29.31 30023000
crldp_bad_name 2.5.29.31 30063004a0028200
crldp_reason_unknown 2.5.29.31 30153013a00ca00a8608687474703a2f2f788103068040
aia_unknown_gn 1.3.6.1.5.5.7.1.1 300e300c06082b060105050730018900
ku_trailing 2.5.29.15 0302078000
ku_wrapped 2.5.29.15 040403020780
ski_eof 2.5.29.14 04050102
ski_not_octets 2.5.29.14 020101
nscert_badpad 2.16.840.1.113730.1.1 03020880
pku_short_time 2.5.29.16 300e800c3230323030313031303030305a
pku_dup 2.5.29.16 3022800f32303230303130313030303030305a800f32303230303130313030303030305a
iap_noncritical 2.5.29.54 020100
pm_short 2.5.29.33 30053003060155
sia_not_seq 1.3.6.1.5.5.7.1.11 0500
freshest_bad 2.5.29.46 0500
ocspnocheck_junk 1.3.6.1.5.5.7.48.1.5 ffff
TABLE

# X500Principal.getName() and toString() of every subject, for the summary tests.
"$(dirname "$KEYTOOL")/java" PrintNames.java ./*.pem > names.tsv

echo "made $(ls ./*.pem | wc -l) certificates"
