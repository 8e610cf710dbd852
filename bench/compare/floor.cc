// Tight loops over OpenSSL's SHA-256 compression function: an HMAC iteration
// is two compressions on precomputed pad states, a PKCS#12 KDF iteration is
// one. Each loop feeds its output back into its next input, so nothing can
// be hoisted, and does the byte-order conversion a real KDF must do.
#include "floor.h"

// SHA256_Transform is deprecated in OpenSSL 3 but is the bare compression
// function this measurement is about.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <openssl/evp.h>
#include <openssl/sha.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <vector>

namespace kstore::compare {
namespace {

constexpr int kIterations = 10000;

void put_state(const SHA256_CTX& c, uint8_t* out) {
  for (int k = 0; k < 8; ++k) {
    const uint32_t w = __builtin_bswap32(c.h[k]);
    std::memcpy(out + 4 * k, &w, 4);
  }
}

double time_ms(void (*fn)(uint8_t*), uint8_t* sink) {
  const auto start = std::chrono::steady_clock::now();
  fn(sink);
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

void pbkdf2_iterations(uint8_t* sink) {
  uint8_t pad[64];
  SHA256_CTX inner, outer, ctx;
  std::memset(pad, 0x36, sizeof pad);
  SHA256_Init(&inner);
  SHA256_Transform(&inner, pad);
  std::memset(pad, 0x5c, sizeof pad);
  SHA256_Init(&outer);
  SHA256_Transform(&outer, pad);
  uint8_t u[64] = {}, v[64] = {}, t[32] = {};
  u[32] = v[32] = 0x80;
  u[62] = v[62] = 0x03;  // (64 + 32) * 8 = 768 bits
  for (int i = 0; i < kIterations; ++i) {
    ctx = inner;
    SHA256_Transform(&ctx, u);
    put_state(ctx, v);
    ctx = outer;
    SHA256_Transform(&ctx, v);
    put_state(ctx, u);
    for (int k = 0; k < 32; ++k) t[k] ^= u[k];
  }
  std::memcpy(sink, t, 32);
}

void pkcs12_iterations(uint8_t* sink) {
  SHA256_CTX initial, ctx;
  SHA256_Init(&initial);
  uint8_t block[64] = {};
  block[32] = 0x80;
  block[62] = 0x01;  // 32 * 8 = 256 bits
  for (int i = 0; i < kIterations; ++i) {
    ctx = initial;
    SHA256_Transform(&ctx, block);
    put_state(ctx, block);
  }
  std::memcpy(sink, block, 32);
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double digest_ms_per_mib(const EVP_MD* md, int reps) {
  std::vector<uint8_t> data(8 << 20, 0x5a);
  std::vector<double> times;
  uint8_t out[EVP_MAX_MD_SIZE];
  unsigned len = 0;
  for (int r = 0; r < reps; ++r) {
    const auto start = std::chrono::steady_clock::now();
    EVP_Digest(data.data(), data.size(), out, &len, md, nullptr);
    times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / 8);
  }
  return median(times);
}

}  // namespace

FloorUnits measure_floor_units(int reps) {
  uint8_t sink[32];
  std::vector<double> a, b;
  for (int r = 0; r < reps; ++r) {
    a.push_back(time_ms(pbkdf2_iterations, sink));
    b.push_back(time_ms(pkcs12_iterations, sink));
  }
  FloorUnits units;
  units.pbkdf2_sha256_ms = median(a);
  units.pkcs12_kdf_sha256_ms = median(b);
  units.sha1_ms_per_mib = digest_ms_per_mib(EVP_sha1(), reps);
  units.sha256_ms_per_mib = digest_ms_per_mib(EVP_sha256(), reps);
  return units;
}

double floor_ms(const FloorUnits& units, const FloorCount& count) {
  constexpr double kMiB = 1024.0 * 1024.0;
  return count.pbkdf2_sha256 * units.pbkdf2_sha256_ms + count.pkcs12_kdf_sha256 * units.pkcs12_kdf_sha256_ms +
         count.sha1_bytes / kMiB * units.sha1_ms_per_mib + count.sha256_bytes / kMiB * units.sha256_ms_per_mib;
}

}  // namespace kstore::compare

#pragma GCC diagnostic pop
