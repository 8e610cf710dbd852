// Algorithm facts, and what every backend shares.
#include "crypto/crypto.h"

#include <algorithm>
#include <vector>

namespace kstore::crypto {

size_t digest_size(HashAlg alg) {
  switch (alg) {
    case HashAlg::kMd5: return 16;
    case HashAlg::kSha1: return 20;
    case HashAlg::kSha224: return 28;
    case HashAlg::kSha256: return 32;
    case HashAlg::kSha384: return 48;
    case HashAlg::kSha512: return 64;
    case HashAlg::kSha512_224: return 28;
    case HashAlg::kSha512_256: return 32;
  }
  return 0;
}

size_t block_size(HashAlg alg) {
  switch (alg) {
    case HashAlg::kSha384:
    case HashAlg::kSha512:
    case HashAlg::kSha512_224:
    case HashAlg::kSha512_256: return 128;
    default: return 64;
  }
}

const char* hash_name(HashAlg alg) {
  switch (alg) {
    case HashAlg::kMd5: return "MD5";
    case HashAlg::kSha1: return "SHA-1";
    case HashAlg::kSha224: return "SHA-224";
    case HashAlg::kSha256: return "SHA-256";
    case HashAlg::kSha384: return "SHA-384";
    case HashAlg::kSha512: return "SHA-512";
    case HashAlg::kSha512_224: return "SHA-512/224";
    case HashAlg::kSha512_256: return "SHA-512/256";
  }
  return "?";
}

size_t cipher_key_size(CipherAlg alg) {
  switch (alg) {
    case CipherAlg::kDesCbc: return 8;
    case CipherAlg::kDesEde3Cbc: return 24;
    case CipherAlg::kAes128Cbc: return 16;
    case CipherAlg::kAes192Cbc: return 24;
    case CipherAlg::kAes256Cbc: return 32;
    case CipherAlg::kRc2Cbc:
    case CipherAlg::kRc4: return 0;
  }
  return 0;
}

size_t cipher_iv_size(CipherAlg alg) {
  switch (alg) {
    case CipherAlg::kAes128Cbc:
    case CipherAlg::kAes192Cbc:
    case CipherAlg::kAes256Cbc: return 16;
    case CipherAlg::kRc4: return 0;
    default: return 8;
  }
}

size_t cipher_block_size(CipherAlg alg) {
  if (alg == CipherAlg::kRc4) return 1;
  return cipher_iv_size(alg);
}

const char* cipher_name(CipherAlg alg) {
  switch (alg) {
    case CipherAlg::kDesCbc: return "DES-CBC";
    case CipherAlg::kDesEde3Cbc: return "DES-EDE3-CBC";
    case CipherAlg::kAes128Cbc: return "AES-128-CBC";
    case CipherAlg::kAes192Cbc: return "AES-192-CBC";
    case CipherAlg::kAes256Cbc: return "AES-256-CBC";
    case CipherAlg::kRc2Cbc: return "RC2-CBC";
    case CipherAlg::kRc4: return "RC4";
  }
  return "?";
}

Status check_cipher_params(CipherAlg alg, ByteView key, ByteView iv, unsigned rc2_effective_bits) {
  const size_t fixed = cipher_key_size(alg);
  if (fixed && key.size() != fixed) return Status::InvalidArgument(cipher_name(alg), " key of ", key.size(), " bytes");
  if (alg == CipherAlg::kRc2Cbc && (key.empty() || key.size() > 128))
    return Status::InvalidArgument(cipher_name(alg), " key of ", key.size(), " bytes");
  if (alg == CipherAlg::kRc4 && (key.empty() || key.size() > 256))
    return Status::InvalidArgument(cipher_name(alg), " key of ", key.size(), " bytes");
  if (alg == CipherAlg::kRc2Cbc && (rc2_effective_bits == 0 || rc2_effective_bits > 1024))
    return Status::InvalidArgument(cipher_name(alg), " effective key bits ", rc2_effective_bits);
  if (iv.size() != cipher_iv_size(alg)) return Status::InvalidArgument(cipher_name(alg), " IV of ", iv.size(), " bytes");
  return Status::Ok();
}

Status check_ciphertext_length(CipherAlg alg, size_t len) {
  const size_t block = cipher_block_size(alg);
  if (block > 1 && (len == 0 || len % block != 0))
    return Status::IntegrityFailure("ciphertext length ", len, " is not a multiple of the block size");
  return Status::Ok();
}

#ifndef KSTORE_WITH_CRYPTOPP
const Backend* cryptopp_backend() { return nullptr; }
#endif


Status Backend::pbkdf2_many(HashAlg prf, uint64_t iterations, std::span<const Pbkdf2Job> jobs) const {
  std::vector<SecretBytes> keys;
  keys.reserve(jobs.size());
  for (const Pbkdf2Job& job : jobs) {
    KS_ASSIGN_OR_RETURN(SecretBytes key, pbkdf2(prf, job.password, job.salt, iterations, job.out.size()));
    keys.push_back(std::move(key));
  }
  for (size_t i = 0; i < jobs.size(); ++i) std::copy_n(keys[i].data(), keys[i].size(), jobs[i].out.data());
  return Status::Ok();
}

Bytes digest(const Backend& backend, HashAlg alg, std::initializer_list<ByteView> parts) {
  Bytes out(digest_size(alg));
  backend.digest(alg, parts, out);
  return out;
}

Bytes digest(HashAlg alg, ByteView data) { return digest(default_backend(), alg, {data}); }

}  // namespace kstore::crypto
