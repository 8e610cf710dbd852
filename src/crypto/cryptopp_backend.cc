// Crypto++ backend: placeholder until the adapter lands.
#include "crypto/crypto.h"

namespace kstore::crypto {
const Backend* cryptopp_backend() { return nullptr; }
}  // namespace kstore::crypto
