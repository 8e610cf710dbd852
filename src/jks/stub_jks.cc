// Placeholder until the JKS/JCEKS codec lands; every call reports kUnsupported.
#include "jks/jks.h"

namespace kstore::jks {
Result<Keystore> load(ByteView, StoreType, const Password*, const Limits&) { return Status::Unsupported("JKS not built yet"); }
Result<Bytes> save(const Keystore&, const Password&, const Limits&) { return Status::Unsupported("JKS not built yet"); }
Result<SecretBytes> unseal_private_key(const SealedKey&, const Password&, const Limits&) { return Status::Unsupported("JKS"); }
Result<SecretKeyMaterial> unseal_secret_key(const SealedKey&, const Password&, const Limits&) { return Status::Unsupported("JKS"); }
Result<SealedKey> seal_private_key(StoreType, ByteView, const Password&, const SealParams&) { return Status::Unsupported("JKS"); }
Result<SealedKey> seal_secret_key(const SecretKeyMaterial&, const Password&, const SealParams&) { return Status::Unsupported("JKS"); }
}  // namespace kstore::jks
