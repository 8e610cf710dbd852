// JKS/JCEKS private-key EncryptedPrivateKeyInfo. sun.security.provider.KeyProtector
// (JKS), com.sun.crypto.provider.KeyProtector (JCEKS: recover accepts both
// OIDs); docs/formats.md, "JKS: the key protector" and "JCEKS:
// PBEWithMD5AndTripleDES".
#include "jks/private_key_protection.h"

#include "crypto/crypto.h"
#include "der/reader.h"
#include "pbe/jce_pbe.h"
#include "pbe/jks_key_protector.h"
#include "pbe/pkcs8.h"

namespace kstore::jks {
namespace {

bool is_jks_protector(ByteView oid) { return equal_bytes(oid, pbe::kJksKeyProtectorOid); }
bool is_jce_pbe(ByteView oid) { return equal_bytes(oid, pbe::kPbeWithMd5AndTripleDesOid); }

Result<SecretBytes> recover_jks(const crypto::Backend& backend, const pbe::EncryptedPrivateKeyInfo& info,
                                const Password& password) {
  KS_ASSIGN_OR_RETURN(SecretBytes pw, password.encode(PasswordEncoding::kUtf16Be));
  KS_ASSIGN_OR_RETURN(SecretBytes plain, pbe::jks_recover_key(backend, pw, info.encrypted_data));
  // The check digest matched, so these are the bytes that were protected;
  // they are just not a private key (openjdk SecretKeyKS.jks holds a secret key).
  if (!pbe::looks_like_private_key_info(plain))
    return Status::Malformed("corrupt private key: the recovered bytes are not a PKCS#8 PrivateKeyInfo");
  return plain;
}

Result<SecretBytes> recover_jce_pbe(const crypto::Backend& backend, const pbe::EncryptedPrivateKeyInfo& info,
                                    const Password& password, const Limits& limits) {
  if (!info.algorithm_parameters) return Status::Malformed("PBEWithMD5AndTripleDES without parameters");
  KS_ASSIGN_OR_RETURN(pbe::JcePbeParams params, pbe::parse_jce_pbe_params(*info.algorithm_parameters, limits));
  KS_ASSIGN_OR_RETURN(SecretBytes plain,
                      pbe::jce_pbe_decrypt(backend, password, params, info.encrypted_data, limits));
  // No check digest here: a wrong password that happens to leave valid
  // padding shows as plaintext that does not parse.
  if (!pbe::looks_like_private_key_info(plain)) return Status::BadPassword("Cannot recover key");
  return plain;
}

// AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL }, for the JDK's two Sun OIDs.
Result<Bytes> encode_sealed_key(ByteView oid, ByteView parameters, ByteView encrypted_data) {
  return pbe::write_encrypted_private_key_info(
      [&](der::Writer& out) {
        out.sequence([&](der::Writer& alg) {
          alg.oid(oid);
          alg.raw(parameters);
        });
      },
      encrypted_data);
}

}  // namespace

KeyProtection protection_of_loaded_key(StoreType store_type, ByteView encrypted_private_key_info) {
  if (store_type == StoreType::kJks) return KeyProtection::kJksKeyProtector;
  Result<pbe::EncryptedPrivateKeyInfo> info = pbe::read_encrypted_private_key_info(encrypted_private_key_info);
  if (info.ok() && is_jks_protector(info->algorithm_oid)) return KeyProtection::kJksKeyProtector;
  return KeyProtection::kJcePbe;
}

Result<SecretBytes> unseal_private_key_info(const crypto::Backend& backend, const SealedKey& key,
                                            const Password& password, const Limits& limits) {
  if (key.protection != KeyProtection::kJksKeyProtector && key.protection != KeyProtection::kJcePbe)
    return Status::InvalidArgument("not a JKS or JCEKS private key");
  KS_ASSIGN_OR_RETURN(pbe::EncryptedPrivateKeyInfo info, pbe::read_encrypted_private_key_info(key.encoded));
  if (is_jks_protector(info.algorithm_oid)) return recover_jks(backend, info, password);
  if (is_jce_pbe(info.algorithm_oid) && key.protection == KeyProtection::kJcePbe)
    return recover_jce_pbe(backend, info, password, limits);
  return Status::Unsupported("Unsupported key protection algorithm ", der::oid_to_string(info.algorithm_oid));
}

Result<SealedKey> seal_private_key_info(const crypto::Backend& backend, StoreType target, ByteView pkcs8,
                                        const Password& password, const SealParams& params) {
  KS_TRY(pbe::check_private_key_info_to_seal(pkcs8));
  if (target == StoreType::kJks) {
    Bytes salt(pbe::kJksSaltSize);
    KS_TRY(backend.random(salt));
    KS_ASSIGN_OR_RETURN(SecretBytes pw, password.encode(PasswordEncoding::kUtf16Be));
    KS_ASSIGN_OR_RETURN(Bytes protected_key, pbe::jks_protect_key(backend, pw, pkcs8, salt));
    // JDK 17 writes the AlgorithmIdentifier with NULL parameters (JDK 25 omits them).
    static constexpr uint8_t kDerNull[] = {0x05, 0x00};
    KS_ASSIGN_OR_RETURN(Bytes encoded, encode_sealed_key(pbe::kJksKeyProtectorOid, kDerNull, protected_key));
    return SealedKey{KeyProtection::kJksKeyProtector, std::move(encoded)};
  }
  if (target == StoreType::kJceks) {
    KS_ASSIGN_OR_RETURN(pbe::JcePbeParams pbe_params, pbe::new_jce_pbe_params(backend, params.jceks_iterations));
    KS_ASSIGN_OR_RETURN(Bytes encrypted, pbe::jce_pbe_encrypt(backend, password, pbe_params, pkcs8));
    KS_ASSIGN_OR_RETURN(Bytes encoded, encode_sealed_key(pbe::kPbeWithMd5AndTripleDesOid,
                                                         pbe::encode_jce_pbe_params(pbe_params), encrypted));
    return SealedKey{KeyProtection::kJcePbe, std::move(encoded)};
  }
  return Status::InvalidArgument("not a JKS or JCEKS target");
}

}  // namespace kstore::jks
