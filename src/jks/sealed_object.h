// JCEKS secret-key entries: a serialized com.sun.crypto.provider.SealedObjectForKeyProtector
// (a javax.crypto.SealedObject) whose encryptedContent is another
// serialization stream holding a javax.crypto.spec.SecretKeySpec or a
// java.security.KeyRep. com.sun.crypto.provider.JceKeyStore (engineLoad,
// engineSetKeyEntry), KeyProtector (seal/unseal), SealedObjectForKeyProtector;
// docs/formats.md, "JCEKS: sealed secret keys".
#pragma once

#include <optional>
#include <string>

#include "crypto/crypto.h"
#include "kstore/bytes.h"
#include "kstore/limits.h"
#include "kstore/password.h"
#include "kstore/sealing.h"
#include "kstore/status.h"

namespace kstore::jks {

// The SealedObject fields; null fields are nullopt. Views borrow from the stream bytes.
struct SealedObjectFields {
  std::optional<ByteView> encoded_params;
  std::optional<ByteView> encrypted_content;
  std::optional<std::string> params_alg;
  std::optional<std::string> seal_alg;
  size_t stream_size = 0;  // bytes the serialization stream occupied
};

// Reads the stream at the start of `bytes` (it is not length-prefixed in the
// file; stream_size tells where it ended) and checks what the JDK's load-time
// filter checks: the object is a SealedObjectForKeyProtector with the
// SealedObject fields, and nothing else. Anything else is kMalformed
// "Invalid secret key format", as JceKeyStore reports it.
Result<SealedObjectFields> read_sealed_object(ByteView bytes, const Limits& limits, bool to_end_of_file = false);

// The stream ObjectOutputStream writes for a SealedObjectForKeyProtector with
// these fields, paramsAlg and sealAlg both "PBEWithMD5AndTripleDES".
Result<Bytes> write_sealed_object(ByteView encoded_params, ByteView encrypted_content);

// The serialized key object that the JDK seals for `key`: a KeyRep for the
// classes that replace themselves with one (DESKey, DESedeKey, PBEKey,
// PBKDF2KeyImpl), a SecretKeySpec otherwise.
Result<SecretBytes> write_secret_key_object(const SecretKeyMaterial& key);
// Reads what write_secret_key_object writes (either form, as any JDK wrote it).
Result<SecretKeyMaterial> read_secret_key_object(ByteView stream, const Limits& limits);

// Decrypts a sealed object with the key password and reads the key inside.
Result<SecretKeyMaterial> unseal_secret_key_object(const crypto::Backend& backend, ByteView stream,
                                                   const Password& password, const Limits& limits);
// Seals as JDK 17's KeyProtector.seal does: fresh salt, `iterations`
// (jdk.jceks.iterationCount, 200000 by default), ASCII password.
Result<Bytes> seal_secret_key_object(const crypto::Backend& backend, const SecretKeyMaterial& key,
                                     const Password& password, uint64_t iterations);

}  // namespace kstore::jks
