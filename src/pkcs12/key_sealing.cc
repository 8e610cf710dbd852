// Unsealing and sealing PKCS#12 keys. The JDK's layout: PKCS12KeyStore
// encryptPrivateKey / engineGetKey (docs/formats.md, "PKCS#12: encryption
// algorithms").
#include "pkcs12/key_sealing.h"

#include "pbe/iterations.h"
#include "pbe/pbe.h"
#include "pbe/pbe_encryption.h"
#include "pbe/pkcs8.h"
#include "pkcs12/pkcs12.h"
#include "pkcs12/secret_key_info.h"

namespace kstore::pkcs12 {
namespace {

constexpr size_t kSaltLength = 20;  // the JDK's SALT_LEN

Result<SealedKey> seal(const crypto::Backend& backend, ByteView plaintext, const Password& password,
                       const SealParams& params) {
  KS_ASSIGN_OR_RETURN(pbe::PbeAlgorithm alg, new_key_seal_algorithm(backend, params));
  return seal_with_algorithm(backend, alg, plaintext, password);
}

}  // namespace

Result<pbe::PbeAlgorithm> new_key_seal_algorithm(const crypto::Backend& backend, const SealParams& params) {
  KS_TRY(pbe::check_iterations_to_write(params.pkcs12_iterations, Limits{}, "key PBE"));
  return pbe::new_pbe_algorithm(backend, params.pkcs12_encryption, params.pkcs12_iterations, kSaltLength);
}

Result<SealedKey> seal_with_algorithm(const crypto::Backend& backend, const pbe::PbeAlgorithm& alg, ByteView plaintext,
                                      const Password& password) {
  const pbe::EncryptionJob job{&alg, &password, plaintext};
  return std::move(seal_many_with_algorithms(backend, std::span<const pbe::EncryptionJob>(&job, 1)).front());
}

std::vector<Result<SealedKey>> seal_many_with_algorithms(const crypto::Backend& backend,
                                                         std::span<const pbe::EncryptionJob> jobs) {
  std::vector<Result<Bytes>> encrypted = pbe::encrypt_many_with_passwords(backend, jobs);
  std::vector<Result<SealedKey>> out;
  out.reserve(jobs.size());
  for (size_t i = 0; i < jobs.size(); ++i) {
    if (!encrypted[i].ok()) {
      out.emplace_back(std::move(encrypted[i]).status());
      continue;
    }
    Result<Bytes> epki = pbe::write_pbe_encrypted_key(*jobs[i].alg, *encrypted[i]);
    if (!epki.ok()) {
      out.emplace_back(std::move(epki).status());
      continue;
    }
    out.emplace_back(SealedKey{KeyProtection::kPkcs12Shrouded, std::move(epki).value()});
  }
  return out;
}

Result<SecretBytes> open_sealed(const crypto::Backend& backend, ByteView epki_der, const Password& password,
                                const Limits& limits) {
  KS_ASSIGN_OR_RETURN(pbe::PbeEncryptedKey epki, pbe::read_pbe_encrypted_key(epki_der));
  KS_TRY(pbe::check_iterations(epki.algorithm.iterations, limits, "key PBE"));
  Result<pbe::Decryption> opened = pbe::decrypt_with_password(backend, epki.algorithm, password, epki.encrypted_data,
                                                              pbe::looks_like_private_key_info);
  if (!opened.ok()) {
    if (opened.status().code() == ErrorCode::kIntegrityFailure) {
      return Status::BadPassword("Cannot recover key: the key password is incorrect (",
                                 pbe::pbe_algorithm_name(epki.algorithm), ")");
    }
    return std::move(opened).status();
  }
  return std::move(opened->plaintext);
}

Result<SecretBytes> unseal_private_key(const crypto::Backend& backend, const SealedKey& key, const Password& password,
                                       const Limits& limits) {
  switch (key.protection) {
    case KeyProtection::kPkcs12Plain:
      if (!pbe::looks_like_private_key_info(key.encoded))
        return Status::Malformed("keyBag does not hold a PrivateKeyInfo");
      return SecretBytes(key.encoded);
    case KeyProtection::kPkcs12Shrouded:
      return open_sealed(backend, key.encoded, password, limits);
    default:
      return Status::InvalidArgument("not a PKCS#12 key");
  }
}

Result<SecretKeyMaterial> unseal_secret_key(const crypto::Backend& backend, const SealedKey& key,
                                            const Password& password, const Limits& limits) {
  if (key.protection != KeyProtection::kPkcs12Shrouded) return Status::InvalidArgument("not a PKCS#12 secret key");
  KS_ASSIGN_OR_RETURN(SecretBytes plain, open_sealed(backend, key.encoded, password, limits));
  return parse_secret_key_info(plain);
}

Result<SealedKey> seal_private_key(const crypto::Backend& backend, ByteView pkcs8, const Password& password,
                                   const SealParams& params) {
  KS_TRY(pbe::check_private_key_info_to_seal(pkcs8));
  return seal(backend, pkcs8, password, params);
}

Result<SealedKey> seal_secret_key(const crypto::Backend& backend, const SecretKeyMaterial& key,
                                  const Password& password, const SealParams& params) {
  // The JDK stores the PBEKey of the empty password as a key of no bytes
  // (docs/secret-keys.md, "Password entries"); any other key has some.
  if (key.key.empty() && !key.algorithm.starts_with("PBE")) return Status::InvalidArgument("empty secret key");
  KS_ASSIGN_OR_RETURN(SecretBytes plain, encode_secret_key_info(key));
  return seal(backend, plain, password, params);
}

}  // namespace kstore::pkcs12
