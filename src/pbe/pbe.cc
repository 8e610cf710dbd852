// PBE dispatch: derive with the scheme's KDF, then run the backend's cipher.
#include "pbe/pbe.h"

#include <optional>

#include "der/reader.h"
#include "pbe/pbe_encryption.h"
#include "pbe/pbes1.h"
#include "pbe/pbes2.h"

namespace kstore::pbe {
namespace {

Result<CipherKey> derive(const crypto::Backend& backend, const PbeAlgorithm& alg, ByteView password_bytes) {
  if (alg.iterations == 0) return Status::Malformed("PBE iteration count 0");
  switch (alg.family) {
    case SchemeFamily::kPkcs12: return pkcs12_pbe_key(backend, alg, password_bytes);
    case SchemeFamily::kPbes1: return pbes1_key(backend, alg, password_bytes);
    case SchemeFamily::kPbes2: return pbes2_key(backend, alg, password_bytes);
  }
  return Status::Internal("unknown PBE scheme");
}

}  // namespace

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
                      password_candidates(password_use_for(alg.family), password));
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
  KS_ASSIGN_OR_RETURN(SecretBytes pw, password_for_writing(password_use_for(alg.family), password));
  return pbe_encrypt(backend, alg, pw, plaintext);
}

std::vector<Result<Bytes>> encrypt_many_with_passwords(const crypto::Backend& backend,
                                                       std::span<const EncryptionJob> jobs) {
  std::vector<std::optional<Result<Bytes>>> results(jobs.size());
  std::vector<SecretBytes> passwords(jobs.size());
  for (size_t i = 0; i < jobs.size(); ++i) {
    Result<SecretBytes> pw = password_for_writing(password_use_for(jobs[i].alg->family), *jobs[i].password);
    if (pw.ok()) {
      passwords[i] = std::move(pw).value();
    } else {
      results[i].emplace(std::move(pw).status());
    }
  }
  // PBES2 items that can share one pbkdf2_many call with the first of them.
  std::vector<size_t> shared;
  for (size_t i = 0; i < jobs.size(); ++i) {
    const PbeAlgorithm& a = *jobs[i].alg;
    if (results[i] || a.family != SchemeFamily::kPbes2 || a.iterations == 0) continue;
    const PbeAlgorithm* first = shared.empty() ? &a : jobs[shared.front()].alg;
    if (a.kdf_hash == first->kdf_hash && a.iterations == first->iterations) shared.push_back(i);
  }
  if (shared.size() > 1) {
    std::vector<SecretBytes> keys;
    std::vector<crypto::Pbkdf2Job> kdf_jobs;
    keys.reserve(shared.size());
    for (size_t i : shared) {
      keys.emplace_back(jobs[i].alg->key_len);
      kdf_jobs.push_back({passwords[i], jobs[i].alg->salt, keys.back().mutable_view()});
    }
    const PbeAlgorithm& first = *jobs[shared.front()].alg;
    if (Status s = backend.pbkdf2_many(first.kdf_hash, first.iterations, kdf_jobs); s.ok()) {
      for (size_t k = 0; k < shared.size(); ++k) {
        const EncryptionJob& job = jobs[shared[k]];
        const PbeAlgorithm& a = *job.alg;
        results[shared[k]].emplace(backend.encrypt(a.cipher, keys[k], a.iv, job.plaintext, a.rc2_effective_bits));
      }
    }
  }
  std::vector<Result<Bytes>> out;
  out.reserve(jobs.size());
  for (size_t i = 0; i < jobs.size(); ++i) {
    if (!results[i]) results[i].emplace(pbe_encrypt(backend, *jobs[i].alg, passwords[i], jobs[i].plaintext));
    out.push_back(std::move(*results[i]));
  }
  return out;
}

bool is_single_sequence(ByteView der) {
  der::Reader r(der, der::Mode::kBer);
  auto e = r.read_element(der::kSequence);
  return e.ok() && r.empty();
}

}  // namespace kstore::pbe
