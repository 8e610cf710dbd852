// JKS/JCEKS private-key EncryptedPrivateKeyInfo. sun.security.provider.KeyProtector
// (JKS), com.sun.crypto.provider.KeyProtector (JCEKS: recover accepts both
// OIDs); docs/formats.md, "JKS: the key protector" and "JCEKS:
// PBEWithMD5AndTripleDES".
#include "jks/private_key_protection.h"

#include <optional>

#include "crypto/crypto.h"
#include "der/reader.h"
#include "der/writer.h"
#include "pbe/jce_pbe.h"
#include "pbe/jks_key_protector.h"

namespace kstore::jks {
namespace {

// EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm AlgorithmIdentifier,
//                                        encryptedData OCTET STRING }
struct EncryptedKeyInfo {
  ByteView oid;
  std::optional<ByteView> parameters;  // whole TLV; absent in JDK 25 JKS output, NULL in JDK 17's
  ByteView encrypted_data;
};

Result<EncryptedKeyInfo> parse_encrypted_key_info(ByteView der) {
  der::Reader top(der, der::Mode::kDer, 0, "EncryptedPrivateKeyInfo");
  KS_ASSIGN_OR_RETURN(der::Reader info, top.read_sequence());
  info.named("EncryptedPrivateKeyInfo");
  KS_TRY(top.expect_end());
  KS_ASSIGN_OR_RETURN(der::Reader alg, info.read_sequence());
  alg.named("AlgorithmIdentifier");
  EncryptedKeyInfo out;
  KS_ASSIGN_OR_RETURN(out.oid, alg.read_oid());
  if (!alg.empty()) {
    KS_ASSIGN_OR_RETURN(der::Element params, alg.read_element());
    out.parameters = params.encoding;
  }
  KS_TRY(alg.expect_end());
  KS_ASSIGN_OR_RETURN(out.encrypted_data, info.read_octet_string());
  KS_TRY(info.expect_end());
  return out;
}

bool is_jks_protector(ByteView oid) { return equal_bytes(oid, pbe::kJksKeyProtectorOid); }
bool is_jce_pbe(ByteView oid) { return equal_bytes(oid, pbe::kPbeWithMd5AndTripleDesOid); }

// PrivateKeyInfo ::= SEQUENCE { version INTEGER, privateKeyAlgorithm AlgorithmIdentifier,
//                               privateKey OCTET STRING, ... } (RFC 5208 §5, RFC 5958 §2).
bool looks_like_pkcs8(ByteView der) {
  der::Reader top(der);
  auto info = top.read_sequence();
  if (!info.ok() || !top.empty()) return false;
  return info->read_integer_bytes().ok() && info->read_sequence().ok() && info->read_octet_string().ok();
}

Result<SecretBytes> recover_jks(const EncryptedKeyInfo& info, const Password& password) {
  KS_ASSIGN_OR_RETURN(SecretBytes pw, password.encode(PasswordEncoding::kUtf16Be));
  KS_ASSIGN_OR_RETURN(SecretBytes plain,
                      pbe::jks_recover_key(crypto::default_backend(), pw, info.encrypted_data));
  // The check digest matched, so these are the bytes that were protected;
  // they are just not a private key (openjdk SecretKeyKS.jks holds a secret key).
  if (!looks_like_pkcs8(plain))
    return Status::Malformed("corrupt private key: the recovered bytes are not a PKCS#8 PrivateKeyInfo");
  return plain;
}

Result<SecretBytes> recover_jce_pbe(const EncryptedKeyInfo& info, const Password& password, const Limits& limits) {
  if (!info.parameters) return Status::Malformed("PBEWithMD5AndTripleDES without parameters");
  KS_ASSIGN_OR_RETURN(pbe::JcePbeParams params, pbe::parse_jce_pbe_params(*info.parameters, limits));
  KS_ASSIGN_OR_RETURN(SecretBytes plain, pbe::jce_pbe_decrypt(crypto::default_backend(), password, params,
                                                              info.encrypted_data, limits));
  // No check digest here: a wrong password that happens to leave valid
  // padding shows as plaintext that does not parse.
  if (!looks_like_pkcs8(plain)) return Status::BadPassword("Cannot recover key");
  return plain;
}

Result<Bytes> encode_encrypted_key_info(ByteView oid, ByteView parameters, ByteView encrypted_data) {
  der::Writer out;
  out.sequence([&](der::Writer& info) {
    info.sequence([&](der::Writer& alg) {
      alg.oid(oid);
      alg.raw(parameters);
    });
    info.octet_string(encrypted_data);
  });
  return std::move(out).finish();
}

}  // namespace

KeyProtection protection_of_loaded_key(StoreType store_type, ByteView encrypted_private_key_info) {
  if (store_type == StoreType::kJks) return KeyProtection::kJksKeyProtector;
  Result<EncryptedKeyInfo> info = parse_encrypted_key_info(encrypted_private_key_info);
  if (info.ok() && is_jks_protector(info->oid)) return KeyProtection::kJksKeyProtector;
  return KeyProtection::kJcePbe;
}

Result<SecretBytes> unseal_private_key_info(const SealedKey& key, const Password& password, const Limits& limits) {
  if (key.protection != KeyProtection::kJksKeyProtector && key.protection != KeyProtection::kJcePbe)
    return Status::InvalidArgument("not a JKS or JCEKS private key");
  KS_ASSIGN_OR_RETURN(EncryptedKeyInfo info, parse_encrypted_key_info(key.encoded));
  if (is_jks_protector(info.oid)) return recover_jks(info, password);
  if (is_jce_pbe(info.oid) && key.protection == KeyProtection::kJcePbe)
    return recover_jce_pbe(info, password, limits);
  return Status::Unsupported("Unsupported key protection algorithm ", der::oid_to_string(info.oid));
}

Result<SealedKey> seal_private_key_info(StoreType target, ByteView pkcs8, const Password& password,
                                        const SealParams& params) {
  if (!looks_like_pkcs8(pkcs8)) return Status::InvalidArgument("the key is not a PKCS#8 PrivateKeyInfo");
  const crypto::Backend& backend = crypto::default_backend();
  if (target == StoreType::kJks) {
    Bytes salt(pbe::kJksSaltSize);
    KS_TRY(backend.random(salt));
    KS_ASSIGN_OR_RETURN(SecretBytes pw, password.encode(PasswordEncoding::kUtf16Be));
    KS_ASSIGN_OR_RETURN(Bytes protected_key, pbe::jks_protect_key(backend, pw, pkcs8, salt));
    // JDK 17 writes the AlgorithmIdentifier with NULL parameters (JDK 25 omits them).
    static constexpr uint8_t kDerNull[] = {0x05, 0x00};
    KS_ASSIGN_OR_RETURN(Bytes encoded, encode_encrypted_key_info(pbe::kJksKeyProtectorOid, kDerNull, protected_key));
    return SealedKey{KeyProtection::kJksKeyProtector, std::move(encoded)};
  }
  if (target == StoreType::kJceks) {
    if (params.jceks_iterations == 0 || params.jceks_iterations > Limits{}.max_kdf_iterations)
      return Status::InvalidArgument("JCEKS iteration count ", params.jceks_iterations,
                                     " is outside 1..5000000, which the JDK reads");
    KS_ASSIGN_OR_RETURN(pbe::JcePbeParams pbe_params, pbe::new_jce_pbe_params(backend, params.jceks_iterations));
    KS_ASSIGN_OR_RETURN(Bytes encrypted, pbe::jce_pbe_encrypt(backend, password, pbe_params, pkcs8));
    KS_ASSIGN_OR_RETURN(Bytes encoded, encode_encrypted_key_info(pbe::kPbeWithMd5AndTripleDesOid,
                                                                 pbe::encode_jce_pbe_params(pbe_params), encrypted));
    return SealedKey{KeyProtection::kJcePbe, std::move(encoded)};
  }
  return Status::InvalidArgument("not a JKS or JCEKS target");
}

}  // namespace kstore::jks
