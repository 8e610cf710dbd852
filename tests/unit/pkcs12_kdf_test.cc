// PKCS#12 KDF (RFC 7292 Appendix B.2): known answers through every backend,
// and the backends agreeing on random inputs.
#include "pbe/pkcs12_kdf.h"

#include <gtest/gtest.h>

#include <random>

#include "unit/crypto_kat_file.h"

namespace kstore::pbe {
namespace {

using crypto::HashAlg;
using kat::all_backends;
using kat::kAllHashes;

TEST(Pkcs12Kdf, KnownAnswers) {
  const auto records = kat::read_kat_file("pkcs12_kdf.vec");
  for (const crypto::Backend* backend : all_backends()) {
    for (const auto& rec : records) {
      SCOPED_TRACE(std::string(backend->name()) + " " + rec.where());
      const Bytes want = rec.hex("Output");
      auto got = pkcs12_kdf(*backend, kat::hash_from_name(rec.section), rec.hex("Password"), rec.hex("Salt"),
                            rec.number("Iterations"), static_cast<Pkcs12KeyPurpose>(rec.number("Id")), want.size());
      ASSERT_TRUE(got.ok()) << got.status().to_string();
      EXPECT_EQ(to_hex(*got), to_hex(want));
    }
  }
}

TEST(Pkcs12Kdf, RejectsZeroIterations) {
  const Bytes salt(8, 1);
  auto got = pkcs12_kdf(crypto::openssl_backend(), HashAlg::kSha1, salt, salt, 0, Pkcs12KeyPurpose::kMacKey, 20);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), ErrorCode::kInvalidArgument);
}

TEST(Pkcs12Kdf, ZeroLengthOutputIsEmpty) {
  const Bytes salt(8, 1);
  auto got = pkcs12_kdf(crypto::openssl_backend(), HashAlg::kSha256, salt, salt, 1, Pkcs12KeyPurpose::kIv, 0);
  ASSERT_TRUE(got.ok());
  EXPECT_TRUE(got->empty());
}

// A shorter output is a prefix of a longer one: B.2 step 7 only truncates.
TEST(Pkcs12Kdf, ShorterOutputIsPrefix) {
  const Bytes password = {0, 'a', 0, 0};
  const Bytes salt(9, 0x5a);
  for (HashAlg h : kAllHashes) {
    SCOPED_TRACE(crypto::hash_name(h));
    auto longer = pkcs12_kdf(crypto::openssl_backend(), h, password, salt, 2, Pkcs12KeyPurpose::kCipherKey, 150);
    ASSERT_TRUE(longer.ok());
    for (size_t n : {1u, 19u, 20u, 21u, 64u, 65u}) {
      SCOPED_TRACE(n);
      auto shorter = pkcs12_kdf(crypto::openssl_backend(), h, password, salt, 2, Pkcs12KeyPurpose::kCipherKey, n);
      ASSERT_TRUE(shorter.ok());
      EXPECT_EQ(to_hex(*shorter), to_hex(longer->view().first(n)));
    }
  }
}

// Seeded, so a failure reproduces; the backends must agree byte for byte.
TEST(Pkcs12Kdf, BackendsAgreeOnRandomInputs) {
  const auto backends = all_backends();
  if (backends.size() < 2) GTEST_SKIP() << "built without a second backend";
  std::mt19937 rng(7292);
  auto random_bytes = [&](size_t n) {
    Bytes b(n);
    for (auto& x : b) x = static_cast<uint8_t>(rng());
    return b;
  };
  for (HashAlg h : kAllHashes) {
    for (auto purpose : {Pkcs12KeyPurpose::kCipherKey, Pkcs12KeyPurpose::kIv, Pkcs12KeyPurpose::kMacKey}) {
      for (size_t n : {5u, 8u, 16u, 20u, 24u, 32u, 64u}) {
        for (bool empty_password : {true, false}) {
          const Bytes password = empty_password ? Bytes{} : random_bytes(2 * (1 + rng() % 40) + 2);
          const Bytes salt = random_bytes(rng() % 33);
          const uint64_t iterations = 1 + rng() % 5;
          SCOPED_TRACE(std::string(crypto::hash_name(h)) + " id " + std::to_string(static_cast<int>(purpose)) +
                       " n " + std::to_string(n) + " password " + to_hex(password) + " salt " + to_hex(salt) +
                       " iterations " + std::to_string(iterations));
          auto a = pkcs12_kdf(*backends[0], h, password, salt, iterations, purpose, n);
          auto b = pkcs12_kdf(*backends[1], h, password, salt, iterations, purpose, n);
          ASSERT_TRUE(a.ok() && b.ok());
          EXPECT_EQ(to_hex(*a), to_hex(*b));
        }
      }
    }
  }
}

}  // namespace
}  // namespace kstore::pbe
