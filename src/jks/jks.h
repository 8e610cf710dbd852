// JKS and JCEKS: the Sun keystore formats. sun.security.provider.JavaKeyStore,
// com.sun.crypto.provider.JceKeyStore.
#pragma once

#include "crypto/crypto.h"
#include "kstore/keystore.h"
#include "kstore/sealing.h"

namespace kstore::jks {

// Loads a JKS (magic FEEDFEED) or JCEKS (CECECECE) file. `as_type` is the
// type the caller asked for: JCEKS accepts both magics, JKS only its own.
// Every function computes with `backend`, the caller's choice.
Result<Keystore> load(const crypto::Backend& backend, ByteView file, StoreType as_type, const Password* store_password,
                      const Limits& limits);
// Writes store.type() (kJks or kJceks) in the JDK's layout, version 2.
Result<Bytes> save(const crypto::Backend& backend, const Keystore& store, const Password& store_password,
                   const Limits& limits);

Result<SecretBytes> unseal_private_key(const crypto::Backend& backend, const SealedKey& key, const Password& password,
                                       const Limits& limits);
Result<SecretKeyMaterial> unseal_secret_key(const crypto::Backend& backend, const SealedKey& key,
                                            const Password& password, const Limits& limits);
Result<SealedKey> seal_private_key(const crypto::Backend& backend, StoreType target, ByteView pkcs8,
                                   const Password& password, const SealParams& params);
Result<SealedKey> seal_secret_key(const crypto::Backend& backend, const SecretKeyMaterial& key,
                                  const Password& password, const SealParams& params);

}  // namespace kstore::jks
