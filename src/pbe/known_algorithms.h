// The password-based schemes, PBES2 ciphers and hashes kstore knows: each
// with its OID, the primitives it runs on, its typed name in the public API
// (kstore/protection.h) and its JDK name. RFC 7292 Appendix C, RFC 8018
// Appendices A and B.
#pragma once

#include <optional>

#include "crypto/crypto.h"
#include "kstore/bytes.h"
#include "kstore/protection.h"

namespace kstore::pbe {

// How a scheme derives its key, and so how it encodes the password.
enum class SchemeFamily : uint8_t {
  kPkcs12,  // pbeWithSHAAnd…: PKCS#12 KDF (SHA-1) over the BMPString password
  kPbes1,   // pbeWithMD5AndDES-CBC and friends: PBKDF1
  kPbes2,   // PBKDF2 + a CBC cipher
};

// The fixed-parameter schemes: PKCS#12 PBE and PBES1.
struct FixedScheme {
  PbeScheme id;
  ByteView oid;
  SchemeFamily family;
  crypto::HashAlg hash;
  crypto::CipherAlg cipher;
  size_t key_len;
  unsigned rc2_bits;
  bool two_key;          // 1.2.840.113549.1.12.1.4: the derived K1 K2 are used as K1 K2 K1
  const char* jdk_name;  // nullptr where the JDK has no cipher for it
};
const FixedScheme* find_fixed_scheme(ByteView oid);
const FixedScheme* find_fixed_scheme(PbeScheme id);  // nullptr for kPbes2

struct Pbes2CipherInfo {
  Pbes2Cipher id;
  ByteView oid;
  crypto::CipherAlg cipher;
  const char* jdk_suffix;  // "AES_256"; nullptr where the JDK cannot use it in PBES2
};
const Pbes2CipherInfo* find_pbes2_cipher(ByteView oid);
const Pbes2CipherInfo* find_pbes2_cipher(Pbes2Cipher id);

// Digest OIDs (as in the classic PKCS#12 MacData) and HMAC OIDs (PBKDF2 PRF, PBMAC1).
std::optional<crypto::HashAlg> hash_for_digest_oid(ByteView oid);
ByteView digest_oid(crypto::HashAlg hash);
std::optional<crypto::HashAlg> hash_for_hmac_oid(ByteView oid);
ByteView hmac_oid(crypto::HashAlg hash);  // empty for MD5
// "SHA1", "SHA256", "SHA512/224": the suffix of the JDK's HmacPBE… and HmacSHA… names.
const char* jdk_hash_name(crypto::HashAlg hash);
// The public name of a hash and back; nullopt for a value outside the enum.
std::optional<crypto::HashAlg> hash_alg(HashAlgorithm hash);
HashAlgorithm hash_algorithm(crypto::HashAlg hash);

}  // namespace kstore::pbe
