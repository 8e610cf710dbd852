// PBKDF2 (RFC 8018 §5.2), the KDF of PBES2 and PBMAC1.
#pragma once

#include <cstdint>

#include "crypto/crypto.h"

namespace kstore::pbe {

// HMAC-`prf` PBKDF2. `password` is already encoded (UTF-8 for PBES2, see
// Password). iterations must be >= 1; callers check Limits first.
Result<SecretBytes> pbkdf2(const crypto::Backend& backend, crypto::HashAlg prf, ByteView password, ByteView salt,
                           uint64_t iterations, size_t out_len);

}  // namespace kstore::pbe
