// The JKS private-key protector, "JavaSoft JDK key protector":
// sun.security.provider.KeyProtector; docs/formats.md, "JKS: the key protector".
//
// protected = salt(20) || (key XOR keystream) || SHA1(P || key), where the
// keystream is d1 || d2 || … with d0 = salt and d_i = SHA1(P || d_{i-1}), and
// P is the password in UTF-16BE. The trailing digest is what tells a wrong
// password apart: the scheme has no other integrity.
#pragma once

#include <cstdint>

#include "crypto/crypto.h"
#include "kstore/bytes.h"
#include "kstore/status.h"

namespace kstore::pbe {

// 1.3.6.1.4.1.42.2.17.1.1, the AlgorithmIdentifier of JKS-protected keys.
inline constexpr uint8_t kJksKeyProtectorOid[] = {0x2b, 0x06, 0x01, 0x04, 0x01, 0x2a, 0x02, 0x11, 0x01, 0x01};
inline constexpr size_t kJksSaltSize = 20;
inline constexpr size_t kJksCheckSize = 20;

// `password_utf16be` is Password::encode(kUtf16Be). `protected_key` is the
// contents of the EncryptedPrivateKeyInfo's OCTET STRING. A check digest that
// does not match is kBadPassword ("Cannot recover key").
Result<SecretBytes> jks_recover_key(const crypto::Backend& backend, ByteView password_utf16be,
                                    ByteView protected_key);

// The inverse, with a caller-chosen 20-byte salt (random in production).
Result<Bytes> jks_protect_key(const crypto::Backend& backend, ByteView password_utf16be, ByteView plain_key,
                              ByteView salt);

}  // namespace kstore::pbe
