// The JDK's refusals: when a JDK API refuses a request kstore reproduces
// (an unknown algorithm, a key size a generator does not take, a key a
// keystore cannot hold), which exception it throws and with which message,
// so that a caller can answer exactly as the JDK would.
#pragma once

#include <cstdint>
#include <string>

namespace kstore {

enum class JdkException : uint8_t {
  kNoSuchAlgorithm,     // java.security.NoSuchAlgorithmException
  kInvalidParameter,    // java.security.InvalidParameterException
  kIllegalArgument,     // java.lang.IllegalArgumentException
  kNegativeArraySize,   // java.lang.NegativeArraySizeException
  kInvalidKeySpec,      // java.security.spec.InvalidKeySpecException
  kKeyStore,            // java.security.KeyStoreException
  kIo,                  // java.io.IOException
};

// The exception's fully qualified class name, "java.security.KeyStoreException".
const char* jdk_exception_class(JdkException exception);

struct JdkRefusal {
  JdkException exception;
  std::string message;  // the JDK's message, word for word
};

}  // namespace kstore
