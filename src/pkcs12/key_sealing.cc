// Unsealing and sealing PKCS#12 keys. The JDK's layout: PKCS12KeyStore
// encryptPrivateKey / engineGetKey (docs/formats.md, "PKCS#12: encryption
// algorithms").
#include "pkcs12/key_sealing.h"

#include "der/reader.h"
#include "der/writer.h"
#include "pbe/pbe.h"
#include "pbe/pbe_oids.h"
#include "pkcs12/pkcs12.h"
#include "pkcs12/secret_key_info.h"

namespace kstore::pkcs12 {
namespace {

constexpr size_t kSaltLength = 20;  // the JDK's SALT_LEN

Result<SealedKey> seal(ByteView plaintext, const Password& password, const SealParams& params) {
  KS_ASSIGN_OR_RETURN(pbe::PbeAlgorithm alg, new_key_seal_algorithm(params));
  return seal_with_algorithm(alg, plaintext, password);
}

}  // namespace

Result<pbe::PbeAlgorithm> new_key_seal_algorithm(const SealParams& params) {
  const ByteView scheme = params.pkcs12_key_algorithm.empty() ? ByteView(pbe::oid::kPbes2)
                                                              : ByteView(params.pkcs12_key_algorithm);
  return pbe::new_pbe_algorithm(crypto::default_backend(), scheme, params.pkcs12_pbes2_prf,
                                params.pkcs12_pbes2_cipher, params.pkcs12_iterations, kSaltLength);
}

Result<SealedKey> seal_with_algorithm(const pbe::PbeAlgorithm& alg, ByteView plaintext, const Password& password) {
  const pbe::EncryptionJob job{&alg, &password, plaintext};
  return std::move(seal_many_with_algorithms(std::span<const pbe::EncryptionJob>(&job, 1)).front());
}

std::vector<Result<SealedKey>> seal_many_with_algorithms(std::span<const pbe::EncryptionJob> jobs) {
  std::vector<Result<Bytes>> encrypted = pbe::encrypt_many_with_passwords(crypto::default_backend(), jobs);
  std::vector<Result<SealedKey>> out;
  out.reserve(jobs.size());
  for (size_t i = 0; i < jobs.size(); ++i) {
    if (!encrypted[i].ok()) {
      out.emplace_back(std::move(encrypted[i]).status());
      continue;
    }
    Result<Bytes> epki = write_encrypted_private_key_info(*jobs[i].alg, *encrypted[i]);
    if (!epki.ok()) {
      out.emplace_back(std::move(epki).status());
      continue;
    }
    out.emplace_back(SealedKey{KeyProtection::kPkcs12Shrouded, std::move(epki).value()});
  }
  return out;
}

Result<EncryptedPrivateKeyInfo> read_encrypted_private_key_info(ByteView der) {
  der::Reader outer(der, der::Mode::kBer, 0, "EncryptedPrivateKeyInfo");
  KS_ASSIGN_OR_RETURN(der::Reader epki, outer.read_sequence());
  KS_TRY(outer.expect_end());
  KS_ASSIGN_OR_RETURN(der::Element ai, epki.read_element(der::kSequence));
  EncryptedPrivateKeyInfo out;
  KS_ASSIGN_OR_RETURN(out.algorithm, pbe::parse_pbe_algorithm(ai.encoding));
  Bytes storage;
  KS_ASSIGN_OR_RETURN(ByteView data, epki.read_octet_string(&storage));
  out.encrypted_data = to_bytes(data);
  KS_TRY(epki.expect_end());
  return out;
}

Result<Bytes> write_encrypted_private_key_info(const pbe::PbeAlgorithm& algorithm, ByteView encrypted_data) {
  der::Writer out;
  out.sequence([&](der::Writer& epki) {
    pbe::write_pbe_algorithm(epki, algorithm);
    epki.octet_string(encrypted_data);
  });
  return std::move(out).finish();
}

bool looks_like_private_key_info(ByteView der) {
  der::Reader outer(der, der::Mode::kBer);
  auto info = outer.read_sequence();
  if (!info.ok() || !outer.empty()) return false;
  return info->read_element(der::kInteger).ok() && info->read_element(der::kSequence).ok() &&
         info->read_element(der::kOctetString).ok();
}

Result<SecretBytes> open_sealed(const crypto::Backend& backend, ByteView epki_der, const Password& password,
                                const Limits& limits) {
  KS_ASSIGN_OR_RETURN(EncryptedPrivateKeyInfo epki, read_encrypted_private_key_info(epki_der));
  KS_TRY(pbe::check_iterations(epki.algorithm.iterations, limits, "key PBE"));
  Result<pbe::Decryption> opened = pbe::decrypt_with_password(backend, epki.algorithm, password, epki.encrypted_data,
                                                              looks_like_private_key_info);
  if (!opened.ok()) {
    if (opened.status().code() == ErrorCode::kIntegrityFailure) {
      return Status::BadPassword("Cannot recover key: the key password is incorrect (",
                                 pbe::pbe_algorithm_name(epki.algorithm), ")");
    }
    return std::move(opened).status();
  }
  return std::move(opened->plaintext);
}

Result<SecretBytes> unseal_private_key(const SealedKey& key, const Password& password, const Limits& limits) {
  switch (key.protection) {
    case KeyProtection::kPkcs12Plain:
      if (!looks_like_private_key_info(key.encoded)) return Status::Malformed("keyBag does not hold a PrivateKeyInfo");
      return SecretBytes(key.encoded);
    case KeyProtection::kPkcs12Shrouded:
      return open_sealed(crypto::default_backend(), key.encoded, password, limits);
    default:
      return Status::InvalidArgument("not a PKCS#12 key");
  }
}

Result<SecretKeyMaterial> unseal_secret_key(const SealedKey& key, const Password& password, const Limits& limits) {
  if (key.protection != KeyProtection::kPkcs12Shrouded) return Status::InvalidArgument("not a PKCS#12 secret key");
  KS_ASSIGN_OR_RETURN(SecretBytes plain, open_sealed(crypto::default_backend(), key.encoded, password, limits));
  return parse_secret_key_info(plain);
}

Result<SealedKey> seal_private_key(ByteView pkcs8, const Password& password, const SealParams& params) {
  if (!looks_like_private_key_info(pkcs8)) return Status::InvalidArgument("not a PKCS#8 PrivateKeyInfo");
  return seal(pkcs8, password, params);
}

Result<SealedKey> seal_secret_key(const SecretKeyMaterial& key, const Password& password, const SealParams& params) {
  // The JDK stores the PBEKey of the empty password as a key of no bytes
  // (docs/secret-keys.md, "Password entries"); any other key has some.
  if (key.key.empty() && !key.algorithm.starts_with("PBE")) return Status::InvalidArgument("empty secret key");
  KS_ASSIGN_OR_RETURN(SecretBytes plain, encode_secret_key_info(key));
  return seal(plain, password, params);
}

}  // namespace kstore::pkcs12
