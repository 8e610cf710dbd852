// Key derivation of the fixed-parameter PBE schemes: the PKCS#12 PBE ciphers
// (RFC 7292 Appendix C, KDF of Appendix B.2) and PBES1 (RFC 8018 §6.1, PBKDF1).
#pragma once

#include "crypto/crypto.h"
#include "pbe/algorithm_identifier.h"
#include "pbe/pbe_key.h"

namespace kstore::pbe {

// `bmp_password` is the BMPString form (with terminator) the PKCS#12 KDF takes.
// Two-key 3DES comes back expanded to K1 K2 K1. Callers check Limits first.
Result<CipherKey> pkcs12_pbe_key(const crypto::Backend& backend, const PbeAlgorithm& alg, ByteView bmp_password);

// PBKDF1: T = H^c(P || S); key = T[0..7], IV = T[8..15].
Result<CipherKey> pbes1_key(const crypto::Backend& backend, const PbeAlgorithm& alg, ByteView password);

}  // namespace kstore::pbe
