// Every KDF and cipher the keystore formats use, on each backend side by side:
// benchmark names end in the backend name ("openssl", "cryptopp").
//
//   KDF/PBKDF2-HMAC-SHA256/10000      PBES2 keys and certificates, PBMAC1
//   KDF/PBKDF2-HMAC-SHA256/10000/x2   two keys through pbkdf2_many, as batch sealing
//                                      runs them (time per pair; items = keys)
//   KDF/PKCS12-SHA1|SHA256/10000|100000  PKCS#12 PBES1 ciphers and the MAC
//   KDF/JCE-PBE-MD5-3DES/200000        JCEKS private keys (PBEWithMD5AndTripleDES)
//   JksKeyProtector/recover            JKS private keys (SHA-1 keystream, RSA-2048-sized key)
//   Cipher/<alg>/decrypt-1KiB          AES-256-CBC, DES-EDE3-CBC, RC2-40-CBC
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "crypto/crypto.h"
#include "kstore/password.h"
#include "pbe/jce_pbe.h"
#include "pbe/jks_key_protector.h"
#include "pbe/pbkdf2.h"
#include "pbe/pkcs12_kdf.h"

namespace {

using kstore::Bytes;
using kstore::ByteView;
using kstore::Password;
using kstore::PasswordEncoding;
using kstore::crypto::Backend;
using kstore::crypto::CipherAlg;
using kstore::crypto::HashAlg;

constexpr char kPassword[] = "changeit";

Bytes pattern(size_t n, uint8_t seed) {
  Bytes out(n);
  for (size_t i = 0; i < n; ++i) out[i] = static_cast<uint8_t>(seed + 31 * i);
  return out;
}

// Reports derivations per second and the underlying hash iterations per second.
void set_kdf_counters(benchmark::State& state, uint64_t iterations) {
  state.SetItemsProcessed(state.iterations());
  state.counters["kdf_iterations"] =
      benchmark::Counter(static_cast<double>(state.iterations()) * static_cast<double>(iterations),
                         benchmark::Counter::kIsRate);
}

bool encoded_password(benchmark::State& state, PasswordEncoding encoding, kstore::SecretBytes* out) {
  auto encoded = Password::from_utf8(kPassword).encode(encoding);
  if (!encoded.ok()) {
    state.SkipWithError(encoded.status().to_string().c_str());
    return false;
  }
  *out = std::move(encoded).value();
  return true;
}

void BM_Pbkdf2(benchmark::State& state, const Backend* backend, HashAlg prf, uint64_t iterations) {
  kstore::SecretBytes pw;
  if (!encoded_password(state, PasswordEncoding::kUtf8, &pw)) return;
  const Bytes salt = pattern(20, 1);
  for (auto _ : state) {
    auto key = kstore::pbe::pbkdf2(*backend, prf, pw, salt, iterations, 32);
    if (!key.ok()) {
      state.SkipWithError(key.status().to_string().c_str());
      break;
    }
    benchmark::DoNotOptimize(key->data());
  }
  set_kdf_counters(state, iterations);
}

void BM_Pbkdf2Pair(benchmark::State& state, const Backend* backend, HashAlg prf, uint64_t iterations) {
  kstore::SecretBytes pw;
  if (!encoded_password(state, PasswordEncoding::kUtf8, &pw)) return;
  const Bytes salt1 = pattern(20, 1), salt2 = pattern(20, 2);
  Bytes out1(32), out2(32);
  const kstore::crypto::Pbkdf2Job jobs[2] = {{pw, salt1, out1}, {pw, salt2, out2}};
  for (auto _ : state) {
    if (kstore::Status s = backend->pbkdf2_many(prf, iterations, jobs); !s.ok()) {
      state.SkipWithError(s.to_string().c_str());
      break;
    }
    benchmark::DoNotOptimize(out1.data());
    benchmark::DoNotOptimize(out2.data());
  }
  state.SetItemsProcessed(2 * state.iterations());
}

void BM_Pkcs12Kdf(benchmark::State& state, const Backend* backend, HashAlg hash, uint64_t iterations) {
  kstore::SecretBytes pw;
  if (!encoded_password(state, PasswordEncoding::kBmpString, &pw)) return;
  const Bytes salt = pattern(20, 2);
  const size_t out_len = kstore::crypto::digest_size(hash);
  for (auto _ : state) {
    auto key = kstore::pbe::pkcs12_kdf(*backend, hash, pw, salt, iterations,
                                       kstore::pbe::Pkcs12KeyPurpose::kMacKey, out_len);
    if (!key.ok()) {
      state.SkipWithError(key.status().to_string().c_str());
      break;
    }
    benchmark::DoNotOptimize(key->data());
  }
  set_kdf_counters(state, iterations);
}

void BM_JcePbe(benchmark::State& state, const Backend* backend, uint64_t iterations) {
  kstore::SecretBytes pw;
  if (!encoded_password(state, PasswordEncoding::kAscii, &pw)) return;
  const Bytes salt = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08};  // halves differ
  for (auto _ : state) {
    auto key = kstore::pbe::jce_pbe_derive(*backend, pw, salt, iterations);
    if (!key.ok()) {
      state.SkipWithError(key.status().to_string().c_str());
      break;
    }
    benchmark::DoNotOptimize(key->data());
  }
  set_kdf_counters(state, iterations);
}

// 1218 bytes: the usual size of an RSA-2048 PrivateKeyInfo.
constexpr size_t kRsa2048Pkcs8Size = 1218;

void BM_JksKeyProtector(benchmark::State& state, const Backend* backend) {
  kstore::SecretBytes pw;
  if (!encoded_password(state, PasswordEncoding::kUtf16Be, &pw)) return;
  const Bytes plain = pattern(kRsa2048Pkcs8Size, 3);
  auto sealed = kstore::pbe::jks_protect_key(*backend, pw, plain, pattern(kstore::pbe::kJksSaltSize, 4));
  if (!sealed.ok()) {
    state.SkipWithError(sealed.status().to_string().c_str());
    return;
  }
  for (auto _ : state) {
    auto key = kstore::pbe::jks_recover_key(*backend, pw, *sealed);
    if (!key.ok()) {
      state.SkipWithError(key.status().to_string().c_str());
      break;
    }
    benchmark::DoNotOptimize(key->data());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(plain.size()));
}

struct CipherCase {
  const char* name;
  CipherAlg alg;
  size_t key_size;
  unsigned rc2_bits;
};

void BM_Decrypt(benchmark::State& state, const Backend* backend, CipherCase c) {
  const Bytes key = pattern(c.key_size, 5);
  const Bytes iv = pattern(kstore::crypto::cipher_iv_size(c.alg), 6);
  const Bytes plain = pattern(1024, 7);
  auto ct = backend->encrypt(c.alg, key, iv, plain, c.rc2_bits);
  if (!ct.ok()) {
    state.SkipWithError(ct.status().to_string().c_str());
    return;
  }
  for (auto _ : state) {
    auto pt = backend->decrypt(c.alg, key, iv, *ct, c.rc2_bits);
    if (!pt.ok()) {
      state.SkipWithError(pt.status().to_string().c_str());
      break;
    }
    benchmark::DoNotOptimize(pt->data());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(plain.size()));
}

std::vector<const Backend*> backends() {
  std::vector<const Backend*> out = {&kstore::crypto::openssl_backend()};
  if (const Backend* cryptopp = kstore::crypto::cryptopp_backend()) out.push_back(cryptopp);
  return out;
}

const bool kRegistered = [] {
  const CipherCase ciphers[] = {
      {"AES-256-CBC", CipherAlg::kAes256Cbc, 32, 0},
      {"DES-EDE3-CBC", CipherAlg::kDesEde3Cbc, 24, 0},
      {"RC2-40-CBC", CipherAlg::kRc2Cbc, 5, 40},  // PBEWithSHA1AndRC2_40
  };
  struct Pkcs12KdfCase {
    const char* name;
    HashAlg hash;
    uint64_t iterations;
  };
  const Pkcs12KdfCase pkcs12_kdfs[] = {
      {"SHA1/10000", HashAlg::kSha1, 10000},
      {"SHA1/100000", HashAlg::kSha1, 100000},
      {"SHA256/10000", HashAlg::kSha256, 10000},
      {"SHA256/100000", HashAlg::kSha256, 100000},
  };
  // Case by case, each on every backend, so the backends print side by side.
  const std::vector<const Backend*> all = backends();
  for (const Backend* b : all) {
    benchmark::RegisterBenchmark(("KDF/PBKDF2-HMAC-SHA256/10000/" + std::string(b->name())).c_str(), BM_Pbkdf2, b,
                                 HashAlg::kSha256, uint64_t{10000})
        ->Unit(benchmark::kMillisecond);
  }
  for (const Backend* b : all) {
    benchmark::RegisterBenchmark(("KDF/PBKDF2-HMAC-SHA256/10000/x2/" + std::string(b->name())).c_str(),
                                 BM_Pbkdf2Pair, b, HashAlg::kSha256, uint64_t{10000})
        ->Unit(benchmark::kMillisecond);
  }
  for (const Pkcs12KdfCase& k : pkcs12_kdfs) {
    for (const Backend* b : all) {
      benchmark::RegisterBenchmark(("KDF/PKCS12-" + std::string(k.name) + "/" + b->name()).c_str(), BM_Pkcs12Kdf,
                                   b, k.hash, k.iterations)
          ->Unit(benchmark::kMillisecond);
    }
  }
  for (const Backend* b : all) {
    benchmark::RegisterBenchmark(("KDF/JCE-PBE-MD5-3DES/200000/" + std::string(b->name())).c_str(), BM_JcePbe, b,
                                 kstore::pbe::kJceksDefaultIterations)
        ->Unit(benchmark::kMillisecond);
  }
  for (const Backend* b : all) {
    benchmark::RegisterBenchmark(("JksKeyProtector/recover-RSA2048/" + std::string(b->name())).c_str(),
                                 BM_JksKeyProtector, b)
        ->Unit(benchmark::kMicrosecond);
  }
  for (const CipherCase& c : ciphers) {
    for (const Backend* b : all) {
      benchmark::RegisterBenchmark(("Cipher/" + std::string(c.name) + "/decrypt-1KiB/" + b->name()).c_str(),
                                   BM_Decrypt, b, c)
          ->Unit(benchmark::kMicrosecond);
    }
  }
  return true;
}();

}  // namespace
