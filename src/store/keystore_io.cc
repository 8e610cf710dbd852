// Format dispatch for load/save and for key sealing, each with the crypto
// backend the caller chose.
#include "crypto/crypto.h"
#include "jks/jks.h"
#include "kstore/keystore.h"
#include "kstore/sealing.h"
#include "pkcs12/pkcs12.h"

namespace kstore {

Result<Keystore> load_keystore(ByteView file, const Password* store_password, const LoadOptions& options) {
  if (file.size() > options.limits.max_file_size)
    return Status::LimitExceeded("keystore of ", file.size(), " bytes is larger than the limit of ",
                                 options.limits.max_file_size);
  const std::optional<StoreType> detected = detect_store_type(file);
  const std::optional<StoreType> reader =
      options.type ? reader_for(keystore_type_of(*options.type), detected) : detected;
  if (!reader) {
    if (!options.type) return Status::UnknownFormat("Unrecognized keystore format");
    return Status::Malformed("Invalid keystore format");
  }
  KS_ASSIGN_OR_RETURN(const crypto::Backend* backend, crypto::backend_for(options.crypto));
  if (*reader == StoreType::kPkcs12) return pkcs12::load(*backend, file, store_password, options.limits);
  return jks::load(*backend, file, *reader, store_password, options.limits);
}

Result<Bytes> save_keystore(const Keystore& store, const Password& store_password, const SaveOptions& options) {
  KS_ASSIGN_OR_RETURN(const crypto::Backend* backend, crypto::backend_for(options.crypto));
  if (store.type() == StoreType::kPkcs12) return pkcs12::save(*backend, store, store_password, options.limits);
  return jks::save(*backend, store, store_password, options.limits);
}

Result<SecretBytes> unseal_private_key(const SealedKey& key, const Password& key_password, const Limits& limits,
                                       CryptoBackend choice) {
  KS_ASSIGN_OR_RETURN(const crypto::Backend* backend, crypto::backend_for(choice));
  switch (key.protection) {
    case KeyProtection::kJksKeyProtector:
    case KeyProtection::kJcePbe:
      return jks::unseal_private_key(*backend, key, key_password, limits);
    case KeyProtection::kPkcs12Shrouded:
    case KeyProtection::kPkcs12Plain:
      return pkcs12::unseal_private_key(*backend, key, key_password, limits);
    case KeyProtection::kJceSealedObject:
      return Status::InvalidArgument("entry holds a secret key, not a private key");
  }
  return Status::Internal("unknown key protection");
}

Result<SecretKeyMaterial> unseal_secret_key(const SealedKey& key, const Password& key_password, const Limits& limits,
                                            CryptoBackend choice) {
  KS_ASSIGN_OR_RETURN(const crypto::Backend* backend, crypto::backend_for(choice));
  switch (key.protection) {
    case KeyProtection::kJceSealedObject:
      return jks::unseal_secret_key(*backend, key, key_password, limits);
    case KeyProtection::kPkcs12Shrouded:
      return pkcs12::unseal_secret_key(*backend, key, key_password, limits);
    default:
      return Status::InvalidArgument("entry holds a private key, not a secret key");
  }
}

Result<SealedKey> seal_private_key(StoreType target, ByteView pkcs8, const Password& key_password,
                                   const SealParams& params, CryptoBackend choice) {
  KS_ASSIGN_OR_RETURN(const crypto::Backend* backend, crypto::backend_for(choice));
  if (target == StoreType::kPkcs12) return pkcs12::seal_private_key(*backend, pkcs8, key_password, params);
  return jks::seal_private_key(*backend, target, pkcs8, key_password, params);
}

Result<SealedKey> seal_secret_key(StoreType target, const SecretKeyMaterial& key, const Password& key_password,
                                  const SealParams& params, CryptoBackend choice) {
  KS_ASSIGN_OR_RETURN(const crypto::Backend* backend, crypto::backend_for(choice));
  switch (target) {
    case StoreType::kJks:
      return Status::Unsupported("Cannot store non-PrivateKeys");
    case StoreType::kJceks:
      return jks::seal_secret_key(*backend, key, key_password, params);
    case StoreType::kPkcs12:
      return pkcs12::seal_secret_key(*backend, key, key_password, params);
  }
  return Status::Internal("unknown store type");
}

}  // namespace kstore
