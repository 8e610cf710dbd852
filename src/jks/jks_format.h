// Constants and the integrity digest shared by the JKS/JCEKS reader and
// writer. sun.security.provider.JavaKeyStore, com.sun.crypto.provider.JceKeyStore;
// docs/formats.md, "JKS/JCEKS: file layout" and "JKS/JCEKS: the store digest".
#pragma once

#include <cstdint>

#include "crypto/crypto.h"
#include "kstore/bytes.h"
#include "kstore/password.h"
#include "kstore/status.h"

namespace kstore::jks {

inline constexpr uint32_t kJksMagic = 0xfeedfeed;
inline constexpr uint32_t kJceksMagic = 0xcececece;
// Version 1 files carry no certificate type strings; the JDK writes version 2.
inline constexpr uint32_t kVersion1 = 1;
inline constexpr uint32_t kVersion2 = 2;

inline constexpr uint32_t kPrivateKeyTag = 1;
inline constexpr uint32_t kTrustedCertTag = 2;
inline constexpr uint32_t kSecretKeyTag = 3;  // JCEKS only

inline constexpr size_t kHeaderSize = 12;  // magic, version, count
inline constexpr size_t kDigestSize = 20;  // SHA-1

// SHA1(UTF-16BE password || "Mighty Aphrodite" || body), where body runs from
// the magic to the end of the last entry. JavaKeyStore.getPreKeyedHash.
Result<Bytes> store_digest(const crypto::Backend& backend, const Password& password, ByteView body);

}  // namespace kstore::jks
