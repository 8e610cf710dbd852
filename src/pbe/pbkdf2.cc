// PBKDF2 (RFC 8018 §5.2), the KDF of PBES2 and PBMAC1.
#include "pbe/pbkdf2.h"

namespace kstore::pbe {

Result<SecretBytes> pbkdf2(const crypto::Backend& backend, crypto::HashAlg prf, ByteView password, ByteView salt,
                           uint64_t iterations, size_t out_len) {
  // RFC 8018 §5.2: c is a positive integer.
  if (iterations == 0) return Status::InvalidArgument("PBKDF2 iteration count 0");
  // The OpenSSL backend runs its own loop over the bare compression function
  // (crypto/openssl_kdf_loops.h); Crypto++ runs its PKCS5_PBKDF2_HMAC.
  return backend.pbkdf2(prf, password, salt, iterations, out_len);
}

}  // namespace kstore::pbe
