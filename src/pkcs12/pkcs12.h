// PKCS#12 keystores as the JDK, OpenSSL and Windows write them. RFC 7292,
// sun.security.pkcs12.PKCS12KeyStore.
#pragma once

#include "crypto/crypto.h"
#include "kstore/keystore.h"
#include "kstore/sealing.h"

namespace kstore::pkcs12 {

// Every function computes with `backend`, the caller's choice.
Result<Keystore> load(const crypto::Backend& backend, ByteView file, const Password* store_password,
                      const Limits& limits);
Result<Bytes> save(const crypto::Backend& backend, const Keystore& store, const Password& store_password,
                   const Limits& limits);

Result<SecretBytes> unseal_private_key(const crypto::Backend& backend, const SealedKey& key, const Password& password,
                                       const Limits& limits);
Result<SecretKeyMaterial> unseal_secret_key(const crypto::Backend& backend, const SealedKey& key,
                                            const Password& password, const Limits& limits);
Result<SealedKey> seal_private_key(const crypto::Backend& backend, ByteView pkcs8, const Password& password,
                                   const SealParams& params);
Result<SealedKey> seal_secret_key(const crypto::Backend& backend, const SecretKeyMaterial& key,
                                  const Password& password, const SealParams& params);

}  // namespace kstore::pkcs12
