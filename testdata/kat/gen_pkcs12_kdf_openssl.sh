#!/bin/sh
# Regenerates the "computed with OpenSSL" part of pkcs12_kdf.vec.
# Needs OpenSSL >= 3.0, whose `openssl kdf ... PKCS12KDF` takes the password
# bytes as given (hexpass), so the BMPString encoding is done here by hand.
set -eu

kdf() {  # hash id password-hex salt-hex iterations length
  out=$(openssl kdf -keylen "$6" -kdfopt "digest:$1" -kdfopt "hexpass:$3" -kdfopt "hexsalt:$4" \
        -kdfopt "iter:$5" -kdfopt "id:$2" PKCS12KDF | tr -d ':\n' | tr 'A-F' 'a-f')
  printf 'Id = %s\nPassword = %s\nSalt = %s\nIterations = %s\nOutput = %s\n\n' "$2" "$3" "$4" "$5" "$out"
}

# "changeit" as BMPString with the 00 00 terminator (RFC 7292 B.1).
CHANGEIT=006300680061006e0067006500690074 CHANGEIT="${CHANGEIT}0000"
# 40 chars, so P spans more than one 64-byte block.
LONG=$(printf '%s' 'The quick brown fox jumps over the lazy d' | od -An -tx1 -v | tr -d ' \n' |
       sed 's/\(..\)/00\1/g')0000
SALT8=0a58cf64530d823f
SALT20=000102030405060708090a0b0c0d0e0f10111213

for h in MD5 SHA1 SHA224 SHA256 SHA384 SHA512 SHA512-224 SHA512-256; do
  case "$h" in
    MD5) name=MD5 ;;
    SHA512-224) name=SHA-512/224 ;;
    SHA512-256) name=SHA-512/256 ;;
    *) name="SHA-${h#SHA}" ;;
  esac
  echo "[$name]"
  echo
  kdf "$h" 1 "$CHANGEIT" "$SALT8" 1 24
  kdf "$h" 2 "$CHANGEIT" "$SALT8" 1000 16
  kdf "$h" 3 "$CHANGEIT" "$SALT20" 2048 64
  kdf "$h" 1 0000 "$SALT8" 3 100
  kdf "$h" 3 "" "$SALT20" 7 32
  kdf "$h" 1 "$LONG" "" 2 40
done
