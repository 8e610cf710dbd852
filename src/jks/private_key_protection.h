// JKS and JCEKS private keys: an EncryptedPrivateKeyInfo (PKCS#8, RFC 5208 §6)
// whose algorithm is the JKS key protector (1.3.6.1.4.1.42.2.17.1.1) or
// PBEWithMD5AndTripleDES (1.3.6.1.4.1.42.2.19.1).
// sun.security.provider.KeyProtector, com.sun.crypto.provider.KeyProtector;
// docs/formats.md, "JKS: the key protector" and "JCEKS: PBEWithMD5AndTripleDES".
#pragma once

#include "crypto/crypto.h"
#include "kstore/keystore.h"
#include "kstore/sealing.h"

namespace kstore::jks {

// The protection to record for a key entry read from a file. A JKS store
// recovers every key with the JKS protector (so that is what the JDK would
// try, whatever the bytes say); a JCEKS store recovers both kinds and names
// unknown ones after its own algorithm, so unsealing reports the OID.
KeyProtection protection_of_loaded_key(StoreType store_type, ByteView encrypted_private_key_info);

Result<SecretBytes> unseal_private_key_info(const crypto::Backend& backend, const SealedKey& key,
                                            const Password& password, const Limits& limits);
Result<SealedKey> seal_private_key_info(const crypto::Backend& backend, StoreType target, ByteView pkcs8,
                                        const Password& password, const SealParams& params);

}  // namespace kstore::jks
