// Which backend runs: the build's default, or the one a caller chose.
#include "crypto/crypto.h"

namespace kstore::crypto {

const Backend& default_backend() {
  static const Backend* chosen = [] {
#if defined(KSTORE_DEFAULT_BACKEND_CRYPTOPP)
    if (cryptopp_backend()) return cryptopp_backend();
#endif
    if (mixed_backend()) return mixed_backend();
    return &openssl_backend();
  }();
  return *chosen;
}

Result<const Backend*> backend_for(CryptoBackend choice) {
  switch (choice) {
    case CryptoBackend::kDefault: return &default_backend();
    case CryptoBackend::kOpenssl: return &openssl_backend();
    case CryptoBackend::kCryptopp:
      if (cryptopp_backend() == nullptr) return Status::Unsupported("kstore was built without Crypto++");
      return cryptopp_backend();
  }
  return Status::InvalidArgument("unknown crypto backend ", static_cast<int>(choice));
}

}  // namespace kstore::crypto

namespace kstore {

std::optional<CryptoBackend> parse_crypto_backend(std::string_view name) {
  if (name == "openssl") return CryptoBackend::kOpenssl;
  if (name == "cryptopp") return CryptoBackend::kCryptopp;
  return std::nullopt;
}

bool crypto_backend_available(CryptoBackend backend) { return crypto::backend_for(backend).ok(); }

}  // namespace kstore
