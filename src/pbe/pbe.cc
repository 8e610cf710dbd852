// PBE dispatch: derive with the scheme's KDF, then run the backend's cipher.
#include "pbe/pbe.h"

#include "der/reader.h"
#include "pbe/pbes1.h"
#include "pbe/pbes2.h"

namespace kstore::pbe {
namespace {

Result<CipherKey> derive(const crypto::Backend& backend, const PbeAlgorithm& alg, ByteView password_bytes) {
  if (alg.iterations == 0) return Status::Malformed("PBE iteration count 0");
  switch (alg.scheme) {
    case PbeScheme::kPkcs12: return pkcs12_pbe_key(backend, alg, password_bytes);
    case PbeScheme::kPbes1: return pbes1_key(backend, alg, password_bytes);
    case PbeScheme::kPbes2: return pbes2_key(backend, alg, password_bytes);
  }
  return Status::Internal("unknown PBE scheme");
}

}  // namespace

Status check_iterations(uint64_t iterations, const Limits& limits, std::string_view what) {
  if (iterations == 0) return Status::Malformed(what, " iteration count 0");
  if (iterations > limits.max_kdf_iterations)
    return Status::LimitExceeded(what, " iteration count too large: ", iterations, " (the limit is ",
                                 limits.max_kdf_iterations, ", as in the JDK)");
  return Status::Ok();
}

Result<SecretBytes> pbe_decrypt(const crypto::Backend& backend, const PbeAlgorithm& alg, ByteView password_bytes,
                                ByteView ciphertext) {
  KS_ASSIGN_OR_RETURN(CipherKey k, derive(backend, alg, password_bytes));
  return backend.decrypt(alg.cipher, k.key, k.iv, ciphertext, alg.rc2_effective_bits);
}

Result<Bytes> pbe_encrypt(const crypto::Backend& backend, const PbeAlgorithm& alg, ByteView password_bytes,
                          ByteView plaintext) {
  KS_ASSIGN_OR_RETURN(CipherKey k, derive(backend, alg, password_bytes));
  return backend.encrypt(alg.cipher, k.key, k.iv, plaintext, alg.rc2_effective_bits);
}

Result<Decryption> decrypt_with_password(const crypto::Backend& backend, const PbeAlgorithm& alg,
                                         const Password& password, ByteView ciphertext,
                                         const std::function<bool(ByteView)>& plausible) {
  KS_ASSIGN_OR_RETURN(std::vector<PasswordCandidate> candidates,
                      password_candidates(password_use_for(alg.scheme), password));
  for (PasswordCandidate& c : candidates) {
    Result<SecretBytes> plain = pbe_decrypt(backend, alg, c.bytes, ciphertext);
    if (!plain.ok()) {
      if (plain.status().code() == ErrorCode::kIntegrityFailure) continue;  // bad padding: wrong key
      return std::move(plain).status();
    }
    if (!plausible(plain->view())) continue;
    return Decryption{std::move(plain).value(), std::move(c.label), c.standard};
  }
  return Status::IntegrityFailure("cannot decrypt with ", pbe_algorithm_name(alg), ": wrong password");
}

Result<Bytes> encrypt_with_password(const crypto::Backend& backend, const PbeAlgorithm& alg,
                                    const Password& password, ByteView plaintext) {
  KS_ASSIGN_OR_RETURN(SecretBytes pw, password_for_writing(password_use_for(alg.scheme), password));
  return pbe_encrypt(backend, alg, pw, plaintext);
}

bool is_single_sequence(ByteView der) {
  der::Reader r(der, der::Mode::kBer);
  auto e = r.read_element(der::kSequence);
  return e.ok() && r.empty();
}

}  // namespace kstore::pbe
