// PBEWithMD5AndTripleDES, Sun's proprietary password-based cipher used by
// JCEKS for private keys and sealed secret keys.
// com.sun.crypto.provider.PBES1Core (the DESede branch of deriveCipherKey),
// com.sun.crypto.provider.KeyProtector; docs/formats.md, "JCEKS:
// PBEWithMD5AndTripleDES".
#pragma once

#include <cstdint>

#include "crypto/crypto.h"
#include "kstore/bytes.h"
#include "kstore/limits.h"
#include "kstore/password.h"
#include "kstore/status.h"

namespace kstore::pbe {

// 1.3.6.1.4.1.42.2.19.1, the AlgorithmIdentifier of JCEKS-protected private keys.
inline constexpr uint8_t kPbeWithMd5AndTripleDesOid[] = {0x2b, 0x06, 0x01, 0x04, 0x01, 0x2a, 0x02, 0x13, 0x01};
inline constexpr char kPbeWithMd5AndTripleDesName[] = "PBEWithMD5AndTripleDES";
inline constexpr size_t kJcePbeSaltSize = 8;
// What the JDK 17 and 25 JCEKS KeyProtector writes (jdk.jceks.iterationCount default).
inline constexpr uint64_t kJceksDefaultIterations = 200000;

struct JcePbeParams {
  Bytes salt;  // 8 bytes
  uint64_t iterations = kJceksDefaultIterations;
};

// PBEParameter ::= SEQUENCE { salt OCTET STRING, iterationCount INTEGER } (PKCS#5 v1.5 §8.1),
// as javax.crypto AlgorithmParameters("PBEWithMD5AndTripleDES") encodes it.
// The salt must be 8 bytes and the count in 1..limits.max_kdf_iterations;
// a larger count is kLimitExceeded and nothing is derived.
Result<JcePbeParams> parse_jce_pbe_params(ByteView der, const Limits& limits);
Bytes encode_jce_pbe_params(const JcePbeParams& params);

// Fresh parameters for writing: a random salt whose halves differ. PBES1Core
// reverses the first half when the halves are equal, and when that half is a
// palindrome both halves still derive the same bytes, leaving K1 == K3; a
// salt with distinct halves never meets either case.
Result<JcePbeParams> new_jce_pbe_params(const crypto::Backend& backend, uint64_t iterations);

// Decrypts with the password as JDK 17 encodes it (printable ASCII) or, when
// it is not ASCII, as JDK 25 does (UTF-8; PBEUtil.encodePassword). For an
// ASCII password the two are the same bytes, so one attempt covers both.
// A padding failure is kBadPassword ("Cannot recover key"): the cipher has no
// other integrity, so callers that can check the plaintext further should.
Result<SecretBytes> jce_pbe_decrypt(const crypto::Backend& backend, const Password& password,
                                    const JcePbeParams& params, ByteView ciphertext, const Limits& limits);

// Encrypts as JDK 17 does: a password with characters outside 0x20..0x7E is
// refused ("Password is not ASCII") so that every JDK can read the result.
Result<Bytes> jce_pbe_encrypt(const crypto::Backend& backend, const Password& password, const JcePbeParams& params,
                              ByteView plaintext);

// The 3DES key (24 bytes) followed by the IV (8 bytes), for known-answer tests.
Result<SecretBytes> jce_pbe_derive(const crypto::Backend& backend, ByteView password_bytes, ByteView salt,
                                   uint64_t iterations);

}  // namespace kstore::pbe
