// The JKS/JCEKS entry points for unsealing and sealing keys (jks.h).
#include "jks/jks.h"
#include "jks/private_key_protection.h"
#include "jks/sealed_object.h"

namespace kstore::jks {

Result<SecretBytes> unseal_private_key(const crypto::Backend& backend, const SealedKey& key, const Password& password,
                                       const Limits& limits) {
  return unseal_private_key_info(backend, key, password, limits);
}

Result<SecretKeyMaterial> unseal_secret_key(const crypto::Backend& backend, const SealedKey& key,
                                            const Password& password, const Limits& limits) {
  if (key.protection != KeyProtection::kJceSealedObject) return Status::InvalidArgument("not a JCEKS secret key");
  return unseal_secret_key_object(backend, key.encoded, password, limits);
}

Result<SealedKey> seal_private_key(const crypto::Backend& backend, StoreType target, ByteView pkcs8,
                                   const Password& password, const SealParams& params) {
  return seal_private_key_info(backend, target, pkcs8, password, params);
}

Result<SealedKey> seal_secret_key(const crypto::Backend& backend, const SecretKeyMaterial& key,
                                  const Password& password, const SealParams& params) {
  KS_ASSIGN_OR_RETURN(Bytes sealed, seal_secret_key_object(backend, key, password, params.jceks_iterations));
  return SealedKey{KeyProtection::kJceSealedObject, std::move(sealed)};
}

}  // namespace kstore::jks
