// PBES2 key derivation: PBKDF2 with the stated PRF. RFC 8018 §6.2.
#pragma once

#include "crypto/crypto.h"
#include "pbe/algorithm_identifier.h"
#include "pbe/pbe_key.h"

namespace kstore::pbe {

// `password` is the octet string PBKDF2 takes (UTF-8 for the JDK and OpenSSL).
// The IV is the one stated in the parameters. Callers check Limits first.
Result<CipherKey> pbes2_key(const crypto::Backend& backend, const PbeAlgorithm& alg, ByteView password);

}  // namespace kstore::pbe
