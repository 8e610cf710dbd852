// The PKCS#12 key derivation function. RFC 7292 Appendix B.2.
#pragma once

#include <cstdint>

#include "crypto/crypto.h"

namespace kstore::pbe {

// Purpose byte ("ID") of RFC 7292 B.3.
enum class Pkcs12KeyPurpose : uint8_t { kCipherKey = 1, kIv = 2, kMacKey = 3 };

// `password` is already encoded (BMPString with terminator, see Password).
// iterations must be >= 1; callers check Limits first.
Result<SecretBytes> pkcs12_kdf(const crypto::Backend& backend, crypto::HashAlg hash, ByteView password,
                               ByteView salt, uint64_t iterations, Pkcs12KeyPurpose purpose, size_t out_len);

}  // namespace kstore::pbe
