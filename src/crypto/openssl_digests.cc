#include "crypto/openssl_digests.h"

// The MD5/SHA*_Init/Update/Final functions are deprecated in OpenSSL 3 in
// favour of EVP, whose per-call allocation is what they are used to avoid.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <openssl/md5.h>
#include <openssl/sha.h>

namespace kstore::crypto {
namespace {

template <typename Ctx, int (*Init)(Ctx*), int (*Update)(Ctx*, const void*, size_t),
          int (*Final)(unsigned char*, Ctx*)>
bool one_shot(std::initializer_list<ByteView> parts, MutableByteView out) {
  Ctx ctx;
  Init(&ctx);
  for (ByteView p : parts) Update(&ctx, p.data(), p.size());
  Final(out.data(), &ctx);
  OPENSSL_cleanse(&ctx, sizeof ctx);
  return true;
}

}  // namespace

bool openssl_one_shot_digest(HashAlg alg, std::initializer_list<ByteView> parts, MutableByteView out) {
  if (out.size() < digest_size(alg)) return false;
  switch (alg) {
    case HashAlg::kMd5: return one_shot<MD5_CTX, MD5_Init, MD5_Update, MD5_Final>(parts, out);
    case HashAlg::kSha1: return one_shot<SHA_CTX, SHA1_Init, SHA1_Update, SHA1_Final>(parts, out);
    case HashAlg::kSha224: return one_shot<SHA256_CTX, SHA224_Init, SHA224_Update, SHA224_Final>(parts, out);
    case HashAlg::kSha256: return one_shot<SHA256_CTX, SHA256_Init, SHA256_Update, SHA256_Final>(parts, out);
    case HashAlg::kSha384: return one_shot<SHA512_CTX, SHA384_Init, SHA384_Update, SHA384_Final>(parts, out);
    case HashAlg::kSha512: return one_shot<SHA512_CTX, SHA512_Init, SHA512_Update, SHA512_Final>(parts, out);
    case HashAlg::kSha512_224:
    case HashAlg::kSha512_256: return false;
  }
  return false;
}

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

#pragma GCC diagnostic pop
