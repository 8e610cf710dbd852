// Rewrites a PFX's MAC value in place so that it verifies with a given
// password: the fuzz targets' way past the integrity check, so that mutated
// authSafes reach the SafeContents parsers when loaded with a password.
#pragma once

#include "kstore/bytes.h"
#include "kstore/limits.h"
#include "kstore/password.h"

namespace kstore::fuzz {

// True when `pfx` has a readable MacData whose value is a primitive OCTET
// STRING of the MAC's size and whose iteration count is within `limits`,
// and that value now holds the correct MAC (classic PKCS#12 KDF or PBMAC1)
// over the authSafe for `password`. Everything else in the file is kept
// byte for byte. False, with `pfx` unchanged, otherwise.
bool recompute_pkcs12_mac(Bytes& pfx, const Password& password, const Limits& limits);

}  // namespace kstore::fuzz
