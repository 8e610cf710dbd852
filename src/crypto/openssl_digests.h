// OpenSSL's built-in EVP_MD for each hash kstore uses, for the code that
// talks to OpenSSL directly (its backend, the raw KDF loops, their tests).
#pragma once

#include <openssl/evp.h>

#include "crypto/crypto.h"

namespace kstore::crypto {

// Never null: every HashAlg has a built-in OpenSSL digest.
const EVP_MD* openssl_builtin_md(HashAlg alg);

}  // namespace kstore::crypto
