// Typed password-based encryption choices and the algorithms they stand for.
#include "pbe/pbe_encryption.h"

#include "pbe/pbe_oids.h"

namespace kstore::pbe {
namespace {

Result<PbeAlgorithm> new_fixed_algorithm(const crypto::Backend& backend, PbeScheme scheme, size_t salt_len) {
  const FixedScheme* fixed = find_fixed_scheme(scheme);
  if (fixed == nullptr) return Status::Unsupported("password-based encryption scheme ", static_cast<int>(scheme));
  const FixedScheme& s = *fixed;
  PbeAlgorithm alg;
  alg.oid = to_bytes(s.oid);
  alg.family = s.family;
  alg.kdf_hash = s.hash;
  alg.cipher = s.cipher;
  alg.key_len = s.key_len;
  alg.rc2_effective_bits = s.rc2_bits;
  alg.two_key_3des = s.two_key;
  // PBES1 defines an 8-byte salt; the JDK shortens its salt to 8 for PBEWithMD5AndDES too.
  alg.salt.resize(s.family == SchemeFamily::kPbes1 ? 8 : salt_len);
  KS_TRY(backend.random(alg.salt));
  return alg;
}

Result<PbeAlgorithm> new_pbes2_algorithm(const crypto::Backend& backend, const PbeEncryption& e, size_t salt_len) {
  const std::optional<crypto::HashAlg> prf = hash_alg(e.prf);
  if (!prf || hmac_oid(*prf).empty()) return Status::Unsupported("PBKDF2 pseudo-random function for writing");
  const Pbes2CipherInfo* c = find_pbes2_cipher(e.cipher);
  if (c == nullptr || c->cipher == crypto::CipherAlg::kRc2Cbc)
    return Status::Unsupported("PBES2 encryption scheme ", c ? der::oid_to_string(c->oid) : "?", " for writing");
  PbeAlgorithm alg;
  alg.oid = to_bytes(oid::kPbes2);
  alg.family = SchemeFamily::kPbes2;
  alg.prf_oid = to_bytes(hmac_oid(*prf));
  alg.kdf_hash = *prf;
  alg.cipher_oid = to_bytes(c->oid);
  alg.cipher = c->cipher;
  alg.key_len = crypto::cipher_key_size(c->cipher);
  alg.key_length_present = true;  // as the JDK writes it
  alg.salt.resize(salt_len);
  KS_TRY(backend.random(alg.salt));
  alg.iv.resize(crypto::cipher_iv_size(c->cipher));
  KS_TRY(backend.random(alg.iv));
  return alg;
}

}  // namespace

Result<PbeAlgorithm> new_pbe_algorithm(const crypto::Backend& backend, const PbeEncryption& encryption,
                                       uint64_t iterations, size_t salt_len) {
  Result<PbeAlgorithm> alg = encryption.scheme == PbeScheme::kPbes2
                                 ? new_pbes2_algorithm(backend, encryption, salt_len)
                                 : new_fixed_algorithm(backend, encryption.scheme, salt_len);
  if (alg.ok()) alg->iterations = iterations;
  return alg;
}

PbeEncryption encryption_of(const PbeAlgorithm& alg) {
  PbeEncryption out;
  if (alg.family != SchemeFamily::kPbes2) {
    if (const FixedScheme* s = find_fixed_scheme(alg.oid)) out.scheme = s->id;
    return out;
  }
  out.prf = hash_algorithm(alg.kdf_hash);  // kSha1 when the file states no PRF
  if (const Pbes2CipherInfo* c = find_pbes2_cipher(alg.cipher_oid)) out.cipher = c->id;
  return out;
}

std::string pbe_algorithm_name(const PbeEncryption& encryption) {
  if (const FixedScheme* s = find_fixed_scheme(encryption.scheme)) {
    const std::string dotted = der::oid_to_string(s->oid);
    if (s->jdk_name) return s->jdk_name;
    if (s->two_key) return "PBEWithSHA1AndDESede2Key (" + dotted + ")";
    return std::string(s->family == SchemeFamily::kPbes1 ? "PBES1 " : "PKCS#12 PBE ") + dotted;
  }
  const std::optional<crypto::HashAlg> prf = hash_alg(encryption.prf);
  const Pbes2CipherInfo* c = find_pbes2_cipher(encryption.cipher);
  if (!prf || !c) return "PBES2";
  if (c->jdk_suffix) return std::string("PBEWithHmac") + jdk_hash_name(*prf) + "And" + c->jdk_suffix;
  return std::string("PBES2 (PBKDF2-Hmac") + jdk_hash_name(*prf) + ", " + crypto::cipher_name(c->cipher) + ")";
}

std::string pbe_algorithm_name(const PbeAlgorithm& alg) { return pbe_algorithm_name(encryption_of(alg)); }

}  // namespace kstore::pbe
