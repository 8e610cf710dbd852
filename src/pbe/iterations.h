// The one check of a key derivation's iteration count against
// Limits::max_kdf_iterations, for every scheme and format. The default limit
// is the JDK's own cap (5,000,000: PKCS12KeyStore, JceKeyStore), so a count
// within it is one every JDK reads.
#pragma once

#include <cstdint>
#include <string_view>

#include "kstore/limits.h"
#include "kstore/status.h"

namespace kstore::pbe {

// A count read from a file, refused before anything is derived: 0 is
// kMalformed, more than limits.max_kdf_iterations kLimitExceeded. `what`
// names the use ("key PBE", "cert PBE", "MAC") as the JDK's messages do.
Status check_iterations(uint64_t iterations, const Limits& limits, std::string_view what);

// A count a caller chose for a file it writes: outside 1..limits.max_kdf_iterations
// it is the caller's mistake, kInvalidArgument.
Status check_iterations_to_write(uint64_t iterations, const Limits& limits, std::string_view what);

}  // namespace kstore::pbe
