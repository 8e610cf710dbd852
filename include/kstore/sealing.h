// Unsealing and resealing keys. Only these calls derive keys from key
// passwords; listing, renaming and deleting never do.
#pragma once

#include <string>

#include "kstore/bytes.h"
#include "kstore/keystore.h"
#include "kstore/password.h"
#include "kstore/status.h"

namespace kstore {

// A private key in clear: PKCS#8 PrivateKeyInfo DER.
Result<SecretBytes> unseal_private_key(const SealedKey& key, const Password& key_password, const Limits& limits = {});

struct SecretKeyMaterial {
  std::string algorithm;  // JCA name: "AES", "HmacSHA256", "DESede", "PBEWithMD5AndDES", …
  SecretBytes key;        // raw key bytes
};
Result<SecretKeyMaterial> unseal_secret_key(const SealedKey& key, const Password& key_password,
                                            const Limits& limits = {});

// Parameters for protecting a key in a given format. Defaults are JDK 17's.
struct SealParams {
  // JCEKS: PBEWithMD5AndTripleDES iterations (jdk.jceks.iterationCount).
  uint64_t jceks_iterations = 200000;
  // PKCS#12: how keys are encrypted (pkcs12_seal_params gives a profile's).
  PbeEncryption pkcs12_encryption;
  uint64_t pkcs12_iterations = 10000;
};

Result<SealedKey> seal_private_key(StoreType target, ByteView pkcs8, const Password& key_password,
                                   const SealParams& params = {});
Result<SealedKey> seal_secret_key(StoreType target, const SecretKeyMaterial& key, const Password& key_password,
                                  const SealParams& params = {});

}  // namespace kstore
