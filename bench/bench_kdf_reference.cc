// OpenSSL's own KDF entry points (PKCS5_PBKDF2_HMAC, PKCS12_key_gen_uni), which
// dispatch through EVP on every iteration: the yardstick for the loops in
// crypto/openssl_kdf_loops.cc that the openssl backend runs instead
// (KDF/…/openssl in bench_crypto.cc). Named …/openssl-evp to sort beside them.
#include <benchmark/benchmark.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>

#include <cstdint>
#include <string>

namespace {

constexpr char kPassword[] = "changeit";
// "changeit" as a BMPString with its two-byte terminator (the PKCS#12 KDF input).
const unsigned char kBmpPassword[] = {0, 'c', 0, 'h', 0, 'a', 0, 'n', 0, 'g', 0, 'e', 0, 'i', 0, 't', 0, 0};
const unsigned char kSalt[20] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};

void BM_EvpPbkdf2(benchmark::State& state, const EVP_MD* md, int iterations) {
  unsigned char out[32];
  for (auto _ : state) {
    if (PKCS5_PBKDF2_HMAC(kPassword, sizeof kPassword - 1, kSalt, sizeof kSalt, iterations, md, sizeof out, out) != 1) {
      state.SkipWithError("PKCS5_PBKDF2_HMAC failed");
      break;
    }
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_EvpPkcs12Kdf(benchmark::State& state, const EVP_MD* md, int iterations) {
  unsigned char out[32];
  const int n = EVP_MD_get_size(md);
  for (auto _ : state) {
    if (PKCS12_key_gen_uni(const_cast<unsigned char*>(kBmpPassword), sizeof kBmpPassword,
                           const_cast<unsigned char*>(kSalt), sizeof kSalt, 3, iterations, n, out, md) != 1) {
      state.SkipWithError("PKCS12_key_gen_uni failed");
      break;
    }
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(state.iterations());
}

const bool kRegistered = [] {
  benchmark::RegisterBenchmark("KDF/PBKDF2-HMAC-SHA256/10000/openssl-evp", BM_EvpPbkdf2, EVP_sha256(), 10000)
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("KDF/PKCS12-SHA1/100000/openssl-evp", BM_EvpPkcs12Kdf, EVP_sha1(), 100000)
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("KDF/PKCS12-SHA256/10000/openssl-evp", BM_EvpPkcs12Kdf, EVP_sha256(), 10000)
      ->Unit(benchmark::kMillisecond);
  return true;
}();

}  // namespace
