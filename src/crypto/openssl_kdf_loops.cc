// KDF inner loops over OpenSSL's bare compression functions. The padding of
// the one final block each iteration hashes is laid out once (FIPS 180-4
// §5.1, RFC 1321 §3.1-3.2); only the digest at its front changes.
#include "crypto/openssl_kdf_loops.h"
#include "crypto/openssl_digests.h"

// SHA*_Transform and MD5_Transform are deprecated in OpenSSL 3, but they are
// its only public way to run one compression on a chaining state. EVP has no
// equivalent, and its per-call overhead is what this file exists to avoid.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/md5.h>
#include <openssl/sha.h>

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <cstring>

namespace kstore::crypto::openssl_loops {
namespace {

// Serialises the first n bytes of the chaining words, as the digest is.
template <typename Word, bool kBigEndian>
void store_words(const Word* words, uint8_t* out, size_t n) {
  constexpr bool kSwap = kBigEndian != (std::endian::native == std::endian::big);
  size_t i = 0;
  for (; i + sizeof(Word) <= n; i += sizeof(Word)) {
    Word w = words[i / sizeof(Word)];
    if constexpr (kSwap) {
      if constexpr (sizeof(Word) == 4) w = __builtin_bswap32(w);
      else w = __builtin_bswap64(w);
    }
    std::memcpy(out + i, &w, sizeof w);
  }
  for (; i < n; ++i) {  // SHA-512/224 ends in half a word
    const size_t k = i % sizeof(Word);
    const size_t shift = 8 * (kBigEndian ? sizeof(Word) - 1 - k : k);
    out[i] = static_cast<uint8_t>(words[i / sizeof(Word)] >> shift);
  }
}

struct Md5 {
  using Ctx = MD5_CTX;
  static constexpr size_t kBlock = 64;
  static constexpr size_t kLengthBytes = 8;
  static constexpr bool kBigEndian = false;
  static void init(Ctx& c, HashAlg) { MD5_Init(&c); }
  static void compress(Ctx& c, const uint8_t* block) { MD5_Transform(&c, block); }
  static void store(const Ctx& c, uint8_t* out, size_t n) {
    const uint32_t w[4] = {c.A, c.B, c.C, c.D};
    store_words<uint32_t, false>(w, out, n);
  }
};

struct Sha1 {
  using Ctx = SHA_CTX;
  static constexpr size_t kBlock = 64;
  static constexpr size_t kLengthBytes = 8;
  static constexpr bool kBigEndian = true;
  static void init(Ctx& c, HashAlg) { SHA1_Init(&c); }
  static void compress(Ctx& c, const uint8_t* block) { SHA1_Transform(&c, block); }
  static void store(const Ctx& c, uint8_t* out, size_t n) {
    const uint32_t w[5] = {c.h0, c.h1, c.h2, c.h3, c.h4};
    store_words<uint32_t, true>(w, out, n);
  }
};

struct Sha256 {  // and SHA-224, which differs in the initial value and the truncation
  using Ctx = SHA256_CTX;
  static constexpr size_t kBlock = 64;
  static constexpr size_t kLengthBytes = 8;
  static constexpr bool kBigEndian = true;
  static void init(Ctx& c, HashAlg alg) { alg == HashAlg::kSha224 ? SHA224_Init(&c) : SHA256_Init(&c); }
  static void compress(Ctx& c, const uint8_t* block) { SHA256_Transform(&c, block); }
  static void store(const Ctx& c, uint8_t* out, size_t n) {
    uint32_t w[8];
    std::copy_n(c.h, 8, w);
    store_words<uint32_t, true>(w, out, n);
  }
};

// SHA-512/t initial values, FIPS 180-4 §5.3.6.1 and §5.3.6.2. OpenSSL 3 has
// no public low-level init for them.
constexpr uint64_t kSha512_224Iv[8] = {0x8C3D37C819544DA2, 0x73E1996689DCD4D6, 0x1DFAB7AE32FF9C82,
                                       0x679DD514582F9FCF, 0x0F6D2B697BD44DA8, 0x77E36F7304C48942,
                                       0x3F9D85A86A1D36C8, 0x1112E6AD91D692A1};
constexpr uint64_t kSha512_256Iv[8] = {0x22312194FC2BF72C, 0x9F555FA3C84C64C2, 0x2393B86B6F53B151,
                                       0x963877195940EABD, 0x96283EE2A88EFFE3, 0xBE5E1E2553863992,
                                       0x2B0199FC2C85B8AA, 0x0EB72DDC81C52CA2};

struct Sha512 {  // and SHA-384, SHA-512/224, SHA-512/256
  using Ctx = SHA512_CTX;
  static constexpr size_t kBlock = 128;
  static constexpr size_t kLengthBytes = 16;
  static constexpr bool kBigEndian = true;
  static void init(Ctx& c, HashAlg alg) {
    if (alg == HashAlg::kSha384) {
      SHA384_Init(&c);
      return;
    }
    SHA512_Init(&c);
    if (alg == HashAlg::kSha512_224) std::copy_n(kSha512_224Iv, 8, c.h);
    if (alg == HashAlg::kSha512_256) std::copy_n(kSha512_256Iv, 8, c.h);
  }
  static void compress(Ctx& c, const uint8_t* block) { SHA512_Transform(&c, block); }
  static void store(const Ctx& c, uint8_t* out, size_t n) {
    uint64_t w[8];
    std::copy_n(c.h, 8, w);
    store_words<uint64_t, true>(w, out, n);
  }
};

// Pads a final block whose first `used` bytes end a message of `total` bytes.
// The length field sits in the last 8 bytes (the high half of SHA-512's
// 16-byte field stays zero: no message here is 2^61 bytes long).
template <class H>
void pad_block(uint8_t* block, size_t used, uint64_t total) {
  std::memset(block + used, 0, H::kBlock - used);
  block[used] = 0x80;
  const uint64_t bits = total * 8;
  for (size_t k = 0; k < 8; ++k) {
    const size_t shift = 8 * (H::kBigEndian ? 7 - k : k);
    block[H::kBlock - 8 + k] = static_cast<uint8_t>(bits >> shift);
  }
}

template <class H>
constexpr bool fits_one_block(size_t message) {
  return message + 1 + H::kLengthBytes <= H::kBlock;
}

template <class H>
bool iterate(HashAlg alg, MutableByteView x, ByteView suffix, uint64_t count) {
  const size_t d = x.size();
  const size_t used = d + suffix.size();
  if (!fits_one_block<H>(used)) return false;
  alignas(16) uint8_t block[H::kBlock];
  std::memcpy(block, x.data(), d);
  if (!suffix.empty()) std::memcpy(block + d, suffix.data(), suffix.size());
  pad_block<H>(block, used, used);
  typename H::Ctx initial;
  H::init(initial, alg);
  typename H::Ctx ctx;
  for (uint64_t i = 0; i < count; ++i) {
    ctx = initial;
    H::compress(ctx, block);
    H::store(ctx, block, d);
  }
  std::memcpy(x.data(), block, d);
  OPENSSL_cleanse(block, sizeof block);
  OPENSSL_cleanse(&ctx, sizeof ctx);
  return true;
}

// One PBKDF2 computation: its HMAC pad states and working blocks.
template <class H>
struct Pbkdf2Lane {
  typename H::Ctx inner_start, outer_start, ctx;
  // Both HMAC halves hash one pad block plus one digest: u carries U_j into
  // the inner hash, v carries the inner digest into the outer one.
  alignas(16) uint8_t u[H::kBlock];
  alignas(16) uint8_t v[H::kBlock];
  uint8_t t[64];
  Bytes salt_index;

  void start(HashAlg alg, const EVP_MD* md, ByteView password, ByteView salt, size_t d) {
    // The HMAC key block (RFC 2104 §2): the password, or its digest when it
    // is longer than a block, zero-padded. Its two pads are compressed once.
    alignas(16) uint8_t key[H::kBlock] = {};
    if (password.size() > H::kBlock) {
      unsigned len = 0;
      if (EVP_Digest(password.data(), password.size(), key, &len, md, nullptr) != 1) std::abort();
    } else if (!password.empty()) {
      std::memcpy(key, password.data(), password.size());
    }
    H::init(inner_start, alg);
    H::init(outer_start, alg);
    alignas(16) uint8_t pad[H::kBlock];
    for (size_t k = 0; k < H::kBlock; ++k) pad[k] = key[k] ^ 0x36;
    H::compress(inner_start, pad);
    for (size_t k = 0; k < H::kBlock; ++k) pad[k] = key[k] ^ 0x5c;
    H::compress(outer_start, pad);
    OPENSSL_cleanse(key, sizeof key);
    OPENSSL_cleanse(pad, sizeof pad);
    pad_block<H>(u, d, H::kBlock + d);
    pad_block<H>(v, d, H::kBlock + d);
    salt_index.assign(salt.size() + 4, 0);
    if (!salt.empty()) std::memcpy(salt_index.data(), salt.data(), salt.size());
  }

  // U_1 = PRF(P, S || INT(i)) once per output block, through OpenSSL's HMAC.
  void first_round(const EVP_MD* md, ByteView password, size_t salt_size, uint32_t index, size_t d) {
    for (size_t k = 0; k < 4; ++k) salt_index[salt_size + k] = static_cast<uint8_t>(index >> (24 - 8 * k));
    static const uint8_t kEmpty = 0;
    unsigned len = 0;
    if (!HMAC(md, password.empty() ? &kEmpty : password.data(), static_cast<int>(password.size()),
              salt_index.data(), salt_index.size(), u, &len)) {
      std::abort();  // only on allocation failure
    }
    std::memcpy(t, u, d);
  }

  void wipe() {
    OPENSSL_cleanse(u, sizeof u);
    OPENSSL_cleanse(v, sizeof v);
    OPENSSL_cleanse(t, sizeof t);
    OPENSSL_cleanse(&ctx, sizeof ctx);
    OPENSSL_cleanse(&inner_start, sizeof inner_start);
    OPENSSL_cleanse(&outer_start, sizeof outer_start);
  }
};

// PBKDF2 for L jobs with the same output length, their iterations
// interleaved: each compression depends on the one before it in its own
// job only, so the core overlaps the compressions of two jobs, and two jobs
// take about 1.6 times as long as one rather than twice (bench/RESULTS.md).
template <class H, size_t L>
void pbkdf2_lanes(HashAlg alg, const Pbkdf2Job* jobs, uint64_t iterations) {
  const size_t d = digest_size(alg);
  const EVP_MD* md = openssl_builtin_md(alg);
  const size_t out_len = jobs[0].out.size();
  Pbkdf2Lane<H> lane[L];
  for (size_t l = 0; l < L; ++l) lane[l].start(alg, md, jobs[l].password, jobs[l].salt, d);

  uint32_t index = 1;
  for (size_t done = 0; done < out_len; ++index) {
    for (size_t l = 0; l < L; ++l) lane[l].first_round(md, jobs[l].password, jobs[l].salt.size(), index, d);
    for (uint64_t j = 1; j < iterations; ++j) {
      for (Pbkdf2Lane<H>& x : lane) {
        x.ctx = x.inner_start;
        H::compress(x.ctx, x.u);
      }
      for (Pbkdf2Lane<H>& x : lane) H::store(x.ctx, x.v, d);
      for (Pbkdf2Lane<H>& x : lane) {
        x.ctx = x.outer_start;
        H::compress(x.ctx, x.v);
      }
      for (Pbkdf2Lane<H>& x : lane) {
        H::store(x.ctx, x.u, d);
        for (size_t k = 0; k < d; ++k) x.t[k] ^= x.u[k];
      }
    }
    const size_t take = std::min(d, out_len - done);
    for (size_t l = 0; l < L; ++l) std::memcpy(jobs[l].out.data() + done, lane[l].t, take);
    done += take;
  }
  for (Pbkdf2Lane<H>& x : lane) x.wipe();
}

template <class H>
void pbkdf2_jobs(HashAlg alg, std::span<const Pbkdf2Job> jobs, uint64_t iterations) {
  size_t i = 0;
  for (; i + 1 < jobs.size(); i += 2) {
    if (jobs[i].out.size() == jobs[i + 1].out.size()) {
      pbkdf2_lanes<H, 2>(alg, &jobs[i], iterations);
    } else {
      pbkdf2_lanes<H, 1>(alg, &jobs[i], iterations);
      pbkdf2_lanes<H, 1>(alg, &jobs[i + 1], iterations);
    }
  }
  if (i < jobs.size()) pbkdf2_lanes<H, 1>(alg, &jobs[i], iterations);
}

}  // namespace

bool iterate_digest(HashAlg alg, MutableByteView x, ByteView suffix, uint64_t count) {
  if (x.size() != digest_size(alg)) return false;
  switch (alg) {
    case HashAlg::kMd5: return iterate<Md5>(alg, x, suffix, count);
    case HashAlg::kSha1: return iterate<Sha1>(alg, x, suffix, count);
    case HashAlg::kSha224:
    case HashAlg::kSha256: return iterate<Sha256>(alg, x, suffix, count);
    case HashAlg::kSha384:
    case HashAlg::kSha512:
    case HashAlg::kSha512_224:
    case HashAlg::kSha512_256: return iterate<Sha512>(alg, x, suffix, count);
  }
  return false;
}

void pbkdf2_hmac(HashAlg alg, ByteView password, ByteView salt, uint64_t iterations, MutableByteView out) {
  const Pbkdf2Job job{password, salt, out};
  pbkdf2_hmac(alg, std::span<const Pbkdf2Job>(&job, 1), iterations);
}

void pbkdf2_hmac(HashAlg alg, std::span<const Pbkdf2Job> jobs, uint64_t iterations) {
  switch (alg) {
    case HashAlg::kMd5: return pbkdf2_jobs<Md5>(alg, jobs, iterations);
    case HashAlg::kSha1: return pbkdf2_jobs<Sha1>(alg, jobs, iterations);
    case HashAlg::kSha224:
    case HashAlg::kSha256: return pbkdf2_jobs<Sha256>(alg, jobs, iterations);
    case HashAlg::kSha384:
    case HashAlg::kSha512:
    case HashAlg::kSha512_224:
    case HashAlg::kSha512_256: return pbkdf2_jobs<Sha512>(alg, jobs, iterations);
  }
}

}  // namespace kstore::crypto::openssl_loops

#pragma GCC diagnostic pop
