// Which implementation of the cryptographic primitives kstore runs on. Every
// load, save, seal and unseal takes the choice in its options; the library
// reads no environment variable for it.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace kstore {

enum class CryptoBackend : uint8_t {
  // The build's choice (KSTORE_DEFAULT_BACKEND): with OpenSSL chosen and
  // Crypto++ built in, OpenSSL with RC2, single DES and RC4 on Crypto++.
  kDefault,
  kOpenssl,   // OpenSSL 3 alone (the legacy ciphers through its legacy provider)
  kCryptopp,  // Crypto++ alone; kUnsupported in a build without Crypto++
};

// "openssl" or "cryptopp", as a tool's setting names one; nullopt otherwise.
std::optional<CryptoBackend> parse_crypto_backend(std::string_view name);

// False for kCryptopp in a build without Crypto++.
bool crypto_backend_available(CryptoBackend backend);

}  // namespace kstore
