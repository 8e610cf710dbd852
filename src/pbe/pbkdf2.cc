// PBKDF2 (RFC 8018 §5.2), the KDF of PBES2 and PBMAC1.
#include "pbe/pbkdf2.h"

namespace kstore::pbe {

Result<SecretBytes> pbkdf2(const crypto::Backend& backend, crypto::HashAlg prf, ByteView password, ByteView salt,
                           uint64_t iterations, size_t out_len) {
  // RFC 8018 §5.2: c is a positive integer.
  if (iterations == 0) return Status::InvalidArgument("PBKDF2 iteration count 0");
  // An own loop over the raw compression function, if bench/ shows it pays, would replace this call.
  return backend.pbkdf2(prf, password, salt, iterations, out_len);
}

}  // namespace kstore::pbe
