// The inner loops of the password-based KDFs, run over OpenSSL's raw
// compression functions instead of EVP. Each iteration of PBKDF2 is then
// exactly two compressions (the HMAC pads are hashed once), and each
// iteration of the PKCS#12 KDF, PBKDF1 and the JCE MD5 PBE exactly one.
// EVP spends about as long again on per-call dispatch (bench/RESULTS.md).
#pragma once

#include <cstdint>
#include <span>

#include "crypto/crypto.h"

namespace kstore::crypto::openssl_loops {

// x <- H(x || suffix), `count` times; x is one digest of `alg`. Returns false,
// leaving x untouched, when x || suffix and H's padding do not fit in one
// compression block (the caller then loops over a Hasher).
bool iterate_digest(HashAlg alg, MutableByteView x, ByteView suffix, uint64_t count);

// PBKDF2 with HMAC-`alg` (RFC 8018 §5.2); iterations >= 1.
void pbkdf2_hmac(HashAlg alg, ByteView password, ByteView salt, uint64_t iterations, MutableByteView out);
// The same for several jobs, two at a time where their output lengths match,
// with the two jobs' compressions interleaved.
void pbkdf2_hmac(HashAlg alg, std::span<const Pbkdf2Job> jobs, uint64_t iterations);

}  // namespace kstore::crypto::openssl_loops
