// Unsealing and resealing keys. Only these calls derive keys from key
// passwords; listing, renaming and deleting never do. Each computes with the
// crypto backend it is given (kstore/crypto_backend.h).
#pragma once

#include <string>

#include "kstore/bytes.h"
#include "kstore/crypto_backend.h"
#include "kstore/keystore.h"
#include "kstore/password.h"
#include "kstore/status.h"

namespace kstore {

// A secret key in clear, as the JDK's SecretKeySpec holds it.
struct SecretKeyMaterial {
  std::string algorithm;  // JCA name: "AES", "HmacSHA256", "DESede", "PBEWithMD5AndDES", …
  SecretBytes key;        // raw key bytes
};

// Parameters for protecting a key in a given format. Defaults are JDK 17's.
struct SealParams {
  // JCEKS: PBEWithMD5AndTripleDES iterations (jdk.jceks.iterationCount).
  uint64_t jceks_iterations = 200000;
  // PKCS#12: how keys are encrypted (pkcs12_seal_params gives a profile's).
  PbeEncryption pkcs12_encryption;
  uint64_t pkcs12_iterations = 10000;
};

// A private key in clear: PKCS#8 PrivateKeyInfo DER. A wrong password is
// kBadPassword; `limits` bound what the sealed bytes may ask for.
Result<SecretBytes> unseal_private_key(const SealedKey& key, const Password& key_password, const Limits& limits = {},
                                       CryptoBackend crypto = CryptoBackend::kDefault);

// A secret key in clear (JCEKS and PKCS#12 secret key entries).
Result<SecretKeyMaterial> unseal_secret_key(const SealedKey& key, const Password& key_password,
                                            const Limits& limits = {}, CryptoBackend crypto = CryptoBackend::kDefault);

// Seals a PKCS#8 PrivateKeyInfo for `target`, with a fresh salt (and IV).
Result<SealedKey> seal_private_key(StoreType target, ByteView pkcs8, const Password& key_password,
                                   const SealParams& params = {}, CryptoBackend crypto = CryptoBackend::kDefault);

// Seals a secret key for JCEKS or PKCS#12 (JKS cannot hold one: kUnsupported).
Result<SealedKey> seal_secret_key(StoreType target, const SecretKeyMaterial& key, const Password& key_password,
                                  const SealParams& params = {}, CryptoBackend crypto = CryptoBackend::kDefault);

}  // namespace kstore
