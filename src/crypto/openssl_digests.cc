#include "crypto/openssl_digests.h"

namespace kstore::crypto {

const EVP_MD* openssl_builtin_md(HashAlg alg) {
  switch (alg) {
    case HashAlg::kMd5: return EVP_md5();
    case HashAlg::kSha1: return EVP_sha1();
    case HashAlg::kSha224: return EVP_sha224();
    case HashAlg::kSha256: return EVP_sha256();
    case HashAlg::kSha384: return EVP_sha384();
    case HashAlg::kSha512: return EVP_sha512();
    case HashAlg::kSha512_224: return EVP_sha512_224();
    case HashAlg::kSha512_256: return EVP_sha512_256();
  }
  return EVP_sha256();  // unreachable: the switch covers the enum
}

}  // namespace kstore::crypto
