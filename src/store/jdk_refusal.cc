// Java class names of the JDK's refusals (kstore/jdk_refusal.h).
#include "kstore/jdk_refusal.h"

namespace kstore {

const char* jdk_exception_class(JdkException exception) {
  switch (exception) {
    case JdkException::kNoSuchAlgorithm: return "java.security.NoSuchAlgorithmException";
    case JdkException::kInvalidParameter: return "java.security.InvalidParameterException";
    case JdkException::kIllegalArgument: return "java.lang.IllegalArgumentException";
    case JdkException::kNegativeArraySize: return "java.lang.NegativeArraySizeException";
    case JdkException::kInvalidKeySpec: return "java.security.spec.InvalidKeySpecException";
    case JdkException::kKeyStore: return "java.security.KeyStoreException";
    case JdkException::kIo: return "java.io.IOException";
  }
  return "java.lang.Exception";
}

}  // namespace kstore
