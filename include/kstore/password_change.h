// Changing a store password as keytool -storepasswd does
// (docs/secret-keys.md, "Changing the store password").
#pragma once

#include <cstdint>
#include <optional>

#include "kstore/crypto_backend.h"
#include "kstore/jdk_refusal.h"
#include "kstore/keystore.h"
#include "kstore/password.h"
#include "kstore/sealing.h"
#include "kstore/status.h"

namespace kstore {

// Prepares `store` to be saved under `new_password`.
//  - JKS, JCEKS: nothing changes here; the store password keys only the
//    digest, which save_keystore computes with the new password. Every key
//    keeps its own password.
//  - PKCS#12: every key the JDK sees is unsealed with `old_password` and
//    sealed again under `new_password` with `params` (keytool re-adds each
//    entry with its configured key protection, see pkcs12_seal_params);
//    each becomes a new entry dated `now_ms`, the keys in store order one
//    millisecond apart so that their localKeyIds stay distinct. The
//    certificates and the MAC keep the algorithms of store.pkcs12_protection(),
//    which save_keystore applies with the new password. Keys the JDK does
//    not see (unencrypted key bags) stay as they are.
// Runs the key derivations with `crypto` on worker_count(workers) threads.
// On failure (a key the old password does not open: kBadPassword) `store`
// is unchanged.
Status change_store_password(Keystore& store, const Password& old_password, const Password& new_password,
                             const SealParams& params, int64_t now_ms, CryptoBackend crypto = CryptoBackend::kDefault,
                             unsigned workers = 0);

// JDK 17 keys every PKCS#12 cipher and MAC through a PBEKey, which takes
// only chars 0x20..0x7E: it cannot write a PKCS#12 store under any other
// password (docs/secret-keys.md, "PKCS#12 passwords JDK 17 cannot write").
// The refusal its PKCS12KeyStore gives when `store` gets `password`: from
// sealing a key when a key is being added (`adding_key`) or the store has
// keys (-storepasswd re-adds them), else from encrypting the certificates,
// else from the MAC. nullopt when JDK 17 writes it (not PKCS#12, a password
// it takes, nothing keyed by the password).
std::optional<JdkRefusal> jdk17_pkcs12_password_refusal(const Keystore& store, const Password& password,
                                                        bool adding_key);

}  // namespace kstore
