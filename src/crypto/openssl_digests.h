// OpenSSL's built-in EVP_MD for each hash kstore uses, for the code that
// talks to OpenSSL directly (its backend, the raw KDF loops, their tests).
#pragma once

#include <openssl/evp.h>

#include "crypto/crypto.h"

namespace kstore::crypto {

// Never null: every HashAlg has a built-in OpenSSL digest.
const EVP_MD* openssl_builtin_md(HashAlg alg);

// The digest of the concatenated parts through OpenSSL's stack-allocated
// MD5/SHA contexts: no EVP_MD_CTX to allocate, initialise and free, which
// was two thirds of fingerprinting a certificate. False, with `out`
// untouched, for SHA-512/224 and SHA-512/256, which have no such context.
bool openssl_one_shot_digest(HashAlg alg, std::initializer_list<ByteView> parts, MutableByteView out);

}  // namespace kstore::crypto
