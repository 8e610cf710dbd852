// Placeholder until the PKCS#12 codec lands; every call reports kUnsupported.
#include "pkcs12/pkcs12.h"

namespace kstore::pkcs12 {
Result<Keystore> load(ByteView, const Password*, const Limits&) { return Status::Unsupported("PKCS12 not built yet"); }
Result<Bytes> save(const Keystore&, const Password&, const Limits&) { return Status::Unsupported("PKCS12 not built yet"); }
Result<SecretBytes> unseal_private_key(const SealedKey&, const Password&, const Limits&) { return Status::Unsupported("PKCS12"); }
Result<SecretKeyMaterial> unseal_secret_key(const SealedKey&, const Password&, const Limits&) { return Status::Unsupported("PKCS12"); }
Result<SealedKey> seal_private_key(ByteView, const Password&, const SealParams&) { return Status::Unsupported("PKCS12"); }
Result<SealedKey> seal_secret_key(const SecretKeyMaterial&, const Password&, const SealParams&) { return Status::Unsupported("PKCS12"); }
}  // namespace kstore::pkcs12
