// PKCS#12 PBE key/IV derivation (RFC 7292 Appendix C with the Appendix B.2
// KDF) and PBES1 / PBKDF1 (RFC 8018 §5.1, §6.1).
#include "pbe/pbes1.h"

#include "pbe/pkcs12_kdf.h"

namespace kstore::pbe {

Result<CipherKey> pkcs12_pbe_key(const crypto::Backend& backend, const PbeAlgorithm& alg, ByteView bmp_password) {
  CipherKey out;
  KS_ASSIGN_OR_RETURN(out.key, pkcs12_kdf(backend, alg.kdf_hash, bmp_password, alg.salt, alg.iterations,
                                          Pkcs12KeyPurpose::kCipherKey, alg.key_len));
  if (alg.two_key_3des) {
    // pbeWithSHAAnd2-KeyTripleDES-CBC derives 16 bytes, K1 K2; the cipher runs as K1 K2 K1.
    out.key.append(out.key.view().first(8));
  }
  const size_t iv_len = crypto::cipher_iv_size(alg.cipher);
  if (iv_len > 0) {
    KS_ASSIGN_OR_RETURN(out.iv, pkcs12_kdf(backend, alg.kdf_hash, bmp_password, alg.salt, alg.iterations,
                                           Pkcs12KeyPurpose::kIv, iv_len));
  }
  return out;
}

Result<CipherKey> pbes1_key(const crypto::Backend& backend, const PbeAlgorithm& alg, ByteView password) {
  if (crypto::digest_size(alg.kdf_hash) < 16) return Status::Internal("PBKDF1 hash too short");
  std::unique_ptr<crypto::Hasher> h = backend.new_hasher(alg.kdf_hash);
  SecretBytes t(crypto::digest_size(alg.kdf_hash));
  h->update(password);
  h->update(alg.salt);
  h->finish(t.mutable_view());
  if (!backend.iterate_digest(alg.kdf_hash, t.mutable_view(), {}, alg.iterations - 1)) {
    for (uint64_t i = 1; i < alg.iterations; ++i) {
      h->update(t);
      h->finish(t.mutable_view());
    }
  }
  CipherKey out;
  out.key = SecretBytes(t.view().first(8));
  out.iv = SecretBytes(t.view().subspan(8, 8));
  return out;
}

}  // namespace kstore::pbe
