// Resealing many keys at once, as a conversion to another keystore type
// needs: the per-key password derivations (10000 PBKDF2 iterations per key
// for JDK 17 PKCS#12) run on several cores.
#pragma once

#include <span>
#include <vector>

#include "kstore/crypto_backend.h"
#include "kstore/keystore.h"
#include "kstore/sealing.h"

namespace kstore {

// A sealed key to open with its source password and seal for `target`.
struct ResealRequest {
  const SealedKey* key = nullptr;  // as loaded
  EntryType type = EntryType::kPrivateKey;  // kPrivateKey or kSecretKey
  const Password* source_password = nullptr;
  StoreType target = StoreType::kPkcs12;
  const Password* target_password = nullptr;
  SealParams params;
};

// A key already in clear, to be sealed for `target`.
struct SealRequest {
  const SecretBytes* private_key = nullptr;         // PKCS#8 PrivateKeyInfo, or
  const SecretKeyMaterial* secret_key = nullptr;    // a secret key
  StoreType target = StoreType::kPkcs12;
  const Password* password = nullptr;
  SealParams params;
};

// How a batch runs.
struct BatchOptions {
  Limits limits;  // for the keys a reseal opens
  CryptoBackend crypto = CryptoBackend::kDefault;
  unsigned workers = 0;  // threads; 0: worker_count(0)
};

// `workers` when nonzero, else std::thread::hardware_concurrency() (at least 1).
unsigned worker_count(unsigned workers = 0);

// seal_private_key / seal_secret_key for each request, on
// worker_count(options.workers) threads. Results come in request order. For
// a PKCS#12 target the salts and IVs are drawn in request order before
// anything runs in parallel, so the bytes do not depend on the number of
// workers.
std::vector<Result<SealedKey>> seal_keys(std::span<const SealRequest> requests, const BatchOptions& options = {});

// Unseals each key with its source password and seals it for its target, as
// seal_keys does.
std::vector<Result<SealedKey>> reseal_keys(std::span<const ResealRequest> requests, const BatchOptions& options = {});

}  // namespace kstore
