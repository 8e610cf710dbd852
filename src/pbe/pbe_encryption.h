// The public, typed choice of a password-based encryption (PbeEncryption in
// kstore/protection.h) and the algorithms it stands for: a fresh algorithm
// to encrypt with, the choice a parsed algorithm amounts to, and names.
#pragma once

#include <string>

#include "crypto/crypto.h"
#include "kstore/protection.h"
#include "kstore/status.h"
#include "pbe/algorithm_identifier.h"

namespace kstore::pbe {

// An algorithm to encrypt with, with a fresh salt (and IV) of the JDK's
// sizes. The caller has checked `iterations` (pbe::check_iterations_to_write).
// kUnsupported for what kstore does not write (PBES2 with RC2 or an MD5 PRF).
Result<PbeAlgorithm> new_pbe_algorithm(const crypto::Backend& backend, const PbeEncryption& encryption,
                                       uint64_t iterations, size_t salt_len);

// What a parsed algorithm is, as a typed choice. PBES2 without a PRF means
// hmacWithSHA1 (RFC 8018 A.2).
PbeEncryption encryption_of(const PbeAlgorithm& alg);

// The JDK's name where it has one ("PBEWithSHA1AndDESede",
// "PBEWithHmacSHA256AndAES_256"), otherwise a descriptive one
// ("PBES2 (PBKDF2-HmacSHA1, DES-EDE3-CBC)"). For messages and -v output.
std::string pbe_algorithm_name(const PbeEncryption& encryption);
std::string pbe_algorithm_name(const PbeAlgorithm& alg);

}  // namespace kstore::pbe
