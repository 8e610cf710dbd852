// The KDF loops over OpenSSL's bare compression functions
// (crypto/openssl_kdf_loops.h) against references that do not share their
// code: OpenSSL's own PKCS5_PBKDF2_HMAC, PKCS12_key_gen_uni and EVP digests,
// and the Crypto++ backend. Seeded, so a failure reproduces.
#include "crypto/openssl_digests.h"
#include "crypto/openssl_kdf_loops.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>

#include <random>
#include <string>

#include "pbe/jce_pbe.h"
#include "pbe/pkcs12_kdf.h"
#include "unit/crypto_kat_file.h"

namespace kstore::crypto {
namespace {

using kat::kAllHashes;

class OpenSslKdfLoops : public ::testing::Test {
 protected:
  Bytes random_bytes(size_t n) {
    Bytes b(n);
    for (auto& x : b) x = static_cast<uint8_t>(rng_());
    return b;
  }
  size_t below(size_t n) { return rng_() % n; }
  std::mt19937 rng_{8018};
};

Bytes reference_pbkdf2(HashAlg alg, ByteView password, ByteView salt, uint64_t iterations, size_t n) {
  Bytes out(n);
  static const char kEmpty = 0;
  EXPECT_EQ(PKCS5_PBKDF2_HMAC(password.empty() ? &kEmpty : reinterpret_cast<const char*>(password.data()),
                              static_cast<int>(password.size()), salt.data(), static_cast<int>(salt.size()),
                              static_cast<int>(iterations), openssl_builtin_md(alg), static_cast<int>(n), out.data()),
            1);
  return out;
}

// x <- H(x || suffix), count times, one EVP digest per step.
Bytes reference_iterate(HashAlg alg, Bytes x, ByteView suffix, uint64_t count) {
  for (uint64_t i = 0; i < count; ++i) {
    Bytes in = x;
    in.insert(in.end(), suffix.begin(), suffix.end());
    unsigned len = 0;
    EXPECT_EQ(EVP_Digest(in.data(), in.size(), x.data(), &len, openssl_builtin_md(alg), nullptr), 1);
  }
  return x;
}

TEST_F(OpenSslKdfLoops, Pbkdf2MatchesOpenSslAndCryptoPp) {
  const Backend* cryptopp = cryptopp_backend();
  for (HashAlg alg : kAllHashes) {
    const size_t block = block_size(alg);
    // Passwords around the HMAC key-block boundary (longer ones are hashed first).
    for (size_t pw_len : {size_t{0}, size_t{1}, size_t{7}, block - 1, block, block + 1, size_t{200}}) {
      for (uint64_t iterations : {1u, 2u, 3u, 17u}) {
        const Bytes password = random_bytes(pw_len);
        const Bytes salt = random_bytes(below(41));
        const size_t n = 1 + below(3 * digest_size(alg) + 7);  // odd lengths and several blocks
        SCOPED_TRACE(std::string(hash_name(alg)) + " password " + to_hex(password) + " salt " + to_hex(salt) +
                     " iterations " + std::to_string(iterations) + " n " + std::to_string(n));
        SecretBytes got(n);
        openssl_loops::pbkdf2_hmac(alg, password, salt, iterations, got.mutable_view());
        EXPECT_EQ(to_hex(got), to_hex(reference_pbkdf2(alg, password, salt, iterations, n)));
        if (cryptopp) {
          auto other = cryptopp->pbkdf2(alg, password, salt, iterations, n);
          ASSERT_TRUE(other.ok()) << other.status().to_string();
          EXPECT_EQ(to_hex(got), to_hex(*other));
        }
      }
    }
  }
}

TEST_F(OpenSslKdfLoops, Pbkdf2ManyIterations) {
  const Bytes password = random_bytes(9);
  const Bytes salt = random_bytes(20);
  for (HashAlg alg : {HashAlg::kSha1, HashAlg::kSha256, HashAlg::kSha512}) {
    SCOPED_TRACE(hash_name(alg));
    SecretBytes got(32);
    openssl_loops::pbkdf2_hmac(alg, password, salt, 1000, got.mutable_view());
    EXPECT_EQ(to_hex(got), to_hex(reference_pbkdf2(alg, password, salt, 1000, 32)));
  }
}

TEST_F(OpenSslKdfLoops, IterateDigestMatchesEvpAndCryptoPp) {
  const Backend* cryptopp = cryptopp_backend();
  for (HashAlg alg : kAllHashes) {
    const size_t d = digest_size(alg);
    const size_t length_field = block_size(alg) == 128 ? 16 : 8;
    const size_t max_suffix = block_size(alg) - d - 1 - length_field;
    for (size_t suffix_len = 0; suffix_len <= max_suffix; suffix_len += (suffix_len < 3 || max_suffix - suffix_len < 3) ? 1 : 5) {
      for (uint64_t count : {0u, 1u, 2u, 5u, 100u}) {
        const Bytes start = random_bytes(d);
        const Bytes suffix = random_bytes(suffix_len);
        SCOPED_TRACE(std::string(hash_name(alg)) + " start " + to_hex(start) + " suffix " + to_hex(suffix) +
                     " count " + std::to_string(count));
        Bytes x = start;
        ASSERT_TRUE(openssl_loops::iterate_digest(alg, x, suffix, count));
        EXPECT_EQ(to_hex(x), to_hex(reference_iterate(alg, start, suffix, count)));
        if (cryptopp && count <= 5) {
          Bytes y = start;
          std::unique_ptr<Hasher> h = cryptopp->new_hasher(alg);
          for (uint64_t i = 0; i < count; ++i) {
            h->update(y);
            h->update(suffix);
            h->finish(y);
          }
          EXPECT_EQ(to_hex(x), to_hex(y));
        }
      }
    }
  }
}

TEST_F(OpenSslKdfLoops, IterateDigestDeclinesWhatDoesNotFitOneBlock) {
  for (HashAlg alg : kAllHashes) {
    SCOPED_TRACE(hash_name(alg));
    const size_t d = digest_size(alg);
    const size_t length_field = block_size(alg) == 128 ? 16 : 8;
    const Bytes start = random_bytes(d);
    Bytes x = start;
    EXPECT_FALSE(openssl_loops::iterate_digest(alg, x, random_bytes(block_size(alg) - d - length_field), 3));
    EXPECT_EQ(to_hex(x), to_hex(start));
    Bytes wrong_size = random_bytes(d + 1);
    EXPECT_FALSE(openssl_loops::iterate_digest(alg, wrong_size, {}, 3));
  }
}

// The PKCS#12 KDF through the OpenSSL backend (which takes the loop) against
// OpenSSL's PKCS12_key_gen_uni, which does not.
TEST_F(OpenSslKdfLoops, Pkcs12KdfMatchesPkcs12KeyGenUni) {
  for (HashAlg alg : kAllHashes) {
    for (uint64_t iterations : {1u, 2u, 3u, 1000u}) {
      for (int id : {1, 2, 3}) {
        Bytes password = random_bytes(2 * below(40));
        if (!password.empty()) password.insert(password.end(), {0, 0});  // BMPString with terminator
        const Bytes salt = random_bytes(below(33));
        const size_t n = 1 + below(2 * digest_size(alg) + 5);
        SCOPED_TRACE(std::string(hash_name(alg)) + " id " + std::to_string(id) + " password " + to_hex(password) +
                     " salt " + to_hex(salt) + " iterations " + std::to_string(iterations) + " n " +
                     std::to_string(n));
        auto got = pbe::pkcs12_kdf(openssl_backend(), alg, password, salt, iterations,
                                   static_cast<pbe::Pkcs12KeyPurpose>(id), n);
        ASSERT_TRUE(got.ok()) << got.status().to_string();
        Bytes want(n);
        ASSERT_EQ(PKCS12_key_gen_uni(password.empty() ? nullptr : password.data(), static_cast<int>(password.size()),
                                     salt.empty() ? nullptr : const_cast<uint8_t*>(salt.data()),
                                     static_cast<int>(salt.size()), id, static_cast<int>(iterations),
                                     static_cast<int>(n), want.data(), openssl_builtin_md(alg)),
                  1);
        EXPECT_EQ(to_hex(*got), to_hex(want));
      }
    }
  }
}

// The JCE PBE appends the password to every MD5 input: up to 39 bytes fit one
// block and take the loop, longer ones the Hasher path. Both must agree with Crypto++.
TEST_F(OpenSslKdfLoops, JcePbeAgreesAcrossTheOneBlockBoundary) {
  const Backend* cryptopp = cryptopp_backend();
  if (!cryptopp) GTEST_SKIP() << "built without Crypto++";
  for (size_t pw_len : {0u, 1u, 8u, 38u, 39u, 40u, 41u, 100u}) {
    const Bytes password = random_bytes(pw_len);
    const Bytes salt = random_bytes(8);
    SCOPED_TRACE("password " + to_hex(password) + " salt " + to_hex(salt));
    auto a = pbe::jce_pbe_derive(openssl_backend(), password, salt, 57);
    auto b = pbe::jce_pbe_derive(*cryptopp, password, salt, 57);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(to_hex(*a), to_hex(*b));
  }
}

}  // namespace
}  // namespace kstore::crypto
