// Password-based encryption and decryption with any supported
// AlgorithmIdentifier: PKCS#12 PBE, PBES1 and PBES2.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/crypto.h"
#include "kstore/limits.h"
#include "kstore/password.h"
#include "pbe/algorithm_identifier.h"
#include "pbe/password_candidates.h"

namespace kstore::pbe {

// One attempt with already-encoded password bytes. A padding failure is
// kIntegrityFailure; the caller decides what that means.
Result<SecretBytes> pbe_decrypt(const crypto::Backend& backend, const PbeAlgorithm& alg, ByteView password_bytes,
                                ByteView ciphertext);
Result<Bytes> pbe_encrypt(const crypto::Backend& backend, const PbeAlgorithm& alg, ByteView password_bytes,
                          ByteView plaintext);

struct Decryption {
  SecretBytes plaintext;
  std::string encoding;  // label of the password candidate that worked
  bool standard_encoding = true;
};

// Tries each password candidate for the scheme in turn. `plausible` checks
// the plaintext's structure, since a wrong key passes CBC padding 1 time in
// 256 and RC4 has no padding at all. When no candidate works the result is
// kIntegrityFailure naming the algorithm; other failures pass through.
Result<Decryption> decrypt_with_password(const crypto::Backend& backend, const PbeAlgorithm& alg,
                                         const Password& password, ByteView ciphertext,
                                         const std::function<bool(ByteView)>& plausible);

// Encrypts with the password encoded as the newest JDK reads it back.
Result<Bytes> encrypt_with_password(const crypto::Backend& backend, const PbeAlgorithm& alg,
                                    const Password& password, ByteView plaintext);

// Encrypts with the password encoding encrypt_with_password uses, for many
// plaintexts at once: PBES2 items sharing a PRF and iteration count derive
// their keys together through the backend's pbkdf2_many, which may overlap
// them on one core; the others one by one. One result per item, in order.
struct EncryptionJob {
  const PbeAlgorithm* alg;
  const Password* password;
  ByteView plaintext;
};
std::vector<Result<Bytes>> encrypt_many_with_passwords(const crypto::Backend& backend,
                                                       std::span<const EncryptionJob> jobs);

// True when `der` is exactly one SEQUENCE (definite or BER indefinite length).
bool is_single_sequence(ByteView der);

}  // namespace kstore::pbe
