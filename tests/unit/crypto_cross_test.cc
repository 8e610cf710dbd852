// The two backends agree: seeded random inputs for every primitive and
// parameter size go through OpenSSL and Crypto++ and must give identical
// bytes, identical error codes and identical messages.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "crypto/crypto.h"
#include "unit/crypto_kat_file.h"

namespace kstore::crypto {
namespace {

using kat::kAllCiphers;
using kat::kAllHashes;

class CryptoCross : public ::testing::Test {
 protected:
  void SetUp() override {
    if (cryptopp_backend() == nullptr) GTEST_SKIP() << "built without Crypto++";
  }
  Bytes random_bytes(size_t n) {
    Bytes b(n);
    for (auto& x : b) x = static_cast<uint8_t>(rng_());
    return b;
  }
  size_t below(size_t n) { return rng_() % n; }

  const Backend& ossl_ = openssl_backend();
  const Backend& cpp_ = *cryptopp_backend();
  std::mt19937 rng_{20240601};  // fixed: a failure reproduces
};

// Runs the same encrypt through both backends, checks the ciphertexts match,
// then decrypts each with the other backend.
void expect_cipher_agreement(const Backend& a, const Backend& b, CipherAlg alg, ByteView key, ByteView iv,
                             ByteView pt, unsigned bits) {
  auto ca = a.encrypt(alg, key, iv, pt, bits);
  auto cb = b.encrypt(alg, key, iv, pt, bits);
  ASSERT_TRUE(ca.ok()) << ca.status().to_string();
  ASSERT_TRUE(cb.ok()) << cb.status().to_string();
  ASSERT_EQ(to_hex(*ca), to_hex(*cb));
  const size_t block = cipher_block_size(alg);
  EXPECT_EQ(ca->size(), block == 1 ? pt.size() : (pt.size() / block + 1) * block);
  auto pa = a.decrypt(alg, key, iv, *cb, bits);
  auto pb = b.decrypt(alg, key, iv, *ca, bits);
  ASSERT_TRUE(pa.ok()) << pa.status().to_string();
  ASSERT_TRUE(pb.ok()) << pb.status().to_string();
  EXPECT_EQ(to_hex(*pa), to_hex(pt));
  EXPECT_EQ(to_hex(*pb), to_hex(pt));
}

TEST_F(CryptoCross, Hash) {
  for (HashAlg alg : kAllHashes) {
    // Every length around the one- and two-block padding boundaries, then some longer.
    for (size_t len = 0; len < 300; len += (len < 260 ? 1 : 13)) {
      SCOPED_TRACE(std::string(hash_name(alg)) + " length " + std::to_string(len));
      const Bytes in = random_bytes(len);
      const size_t split = len ? below(len + 1) : 0;
      Bytes oa(digest_size(alg)), ob(digest_size(alg));
      auto ha = ossl_.new_hasher(alg);
      auto hb = cpp_.new_hasher(alg);
      ha->update(ByteView(in).first(split));
      ha->update(ByteView(in).subspan(split));
      hb->update(ByteView(in).first(split));
      hb->update(ByteView(in).subspan(split));
      ha->finish(oa);
      hb->finish(ob);
      ASSERT_EQ(to_hex(oa), to_hex(ob));
      // The one-call digest, which OpenSSL runs on its own code path.
      const ByteView first = ByteView(in).first(split), rest = ByteView(in).subspan(split);
      Bytes one_a(digest_size(alg)), one_b(digest_size(alg));
      ossl_.digest(alg, {first, rest}, one_a);
      cpp_.digest(alg, {first, rest}, one_b);
      ASSERT_EQ(to_hex(one_a), to_hex(oa));
      ASSERT_EQ(to_hex(one_b), to_hex(oa));
    }
  }
}

TEST_F(CryptoCross, Hmac) {
  for (HashAlg alg : kAllHashes) {
    // Empty, short, exactly one block (64 or 128), and longer than a block (hashed first).
    for (size_t key_len : {0u, 1u, 16u, 20u, 32u, 63u, 64u, 65u, 127u, 128u, 129u, 200u}) {
      const Bytes key = random_bytes(key_len);
      const Bytes data = random_bytes(below(300));
      SCOPED_TRACE(std::string(hash_name(alg)) + " key " + to_hex(key) + " data " + to_hex(data));
      ASSERT_EQ(to_hex(ossl_.hmac(alg, key, data)), to_hex(cpp_.hmac(alg, key, data)));
    }
  }
}

TEST_F(CryptoCross, Pbkdf2) {
  for (HashAlg prf : kAllHashes) {
    for (size_t out_len : {0u, 1u, 16u, 20u, 32u, 33u, 64u, 100u}) {
      const Bytes password = random_bytes(below(4) == 0 ? 0 : below(150));
      const Bytes salt = random_bytes(below(4) == 0 ? 0 : below(40));
      const uint64_t iterations = 1 + below(4);
      SCOPED_TRACE(std::string(hash_name(prf)) + " out " + std::to_string(out_len) + " password " +
                   to_hex(password) + " salt " + to_hex(salt) + " iterations " + std::to_string(iterations));
      auto a = ossl_.pbkdf2(prf, password, salt, iterations, out_len);
      auto b = cpp_.pbkdf2(prf, password, salt, iterations, out_len);
      ASSERT_TRUE(a.ok()) << a.status().to_string();
      ASSERT_TRUE(b.ok()) << b.status().to_string();
      ASSERT_EQ(to_hex(*a), to_hex(*b));
    }
  }
}

// pbkdf2_many runs jobs two at a time on OpenSSL, interleaved, and one after
// another by default; every job must come out as a lone pbkdf2() of the
// other backend. Odd counts leave one job alone; mixed output lengths make
// pairs fall back to single jobs.
TEST_F(CryptoCross, Pbkdf2ManyMatchesOneAtATime) {
  for (HashAlg prf : kAllHashes) {
    for (size_t count : {1u, 2u, 3u, 5u}) {
      const uint64_t iterations = 1 + below(5);
      std::vector<Bytes> passwords, salts;
      std::vector<size_t> lengths;
      for (size_t i = 0; i < count; ++i) {
        passwords.push_back(random_bytes(below(4) == 0 ? 0 : below(150)));
        salts.push_back(random_bytes(below(40)));
        lengths.push_back(below(3) == 0 ? 1 + below(100) : 32);
      }
      for (const Backend* backend : {&ossl_, &cpp_}) {
        SCOPED_TRACE(std::string(backend->name()) + " " + hash_name(prf) + " jobs " + std::to_string(count));
        std::vector<Bytes> outs;
        for (size_t n : lengths) outs.emplace_back(n);
        std::vector<Pbkdf2Job> jobs;
        for (size_t i = 0; i < count; ++i) jobs.push_back({passwords[i], salts[i], outs[i]});
        ASSERT_TRUE(backend->pbkdf2_many(prf, iterations, jobs).ok());
        for (size_t i = 0; i < count; ++i) {
          auto expected = cpp_.pbkdf2(prf, passwords[i], salts[i], iterations, lengths[i]);
          ASSERT_TRUE(expected.ok());
          ASSERT_EQ(to_hex(outs[i]), to_hex(*expected)) << "job " << i;
        }
      }
    }
  }
  // Iteration counts pbkdf2() refuses are refused for the batch too.
  const Bytes password{1}, salt{2};
  Bytes out(32);
  const Pbkdf2Job job{password, salt, out};
  EXPECT_FALSE(ossl_.pbkdf2_many(HashAlg::kSha256, 0, {&job, 1}).ok());
  EXPECT_FALSE(cpp_.pbkdf2_many(HashAlg::kSha256, 0, {&job, 1}).ok());
}

TEST_F(CryptoCross, FixedKeyCiphers) {
  for (CipherAlg alg : {CipherAlg::kDesCbc, CipherAlg::kDesEde3Cbc, CipherAlg::kAes128Cbc, CipherAlg::kAes192Cbc,
                        CipherAlg::kAes256Cbc}) {
    for (size_t len = 0; len <= 40; ++len) {
      const Bytes key = random_bytes(cipher_key_size(alg));
      const Bytes iv = random_bytes(cipher_iv_size(alg));
      const Bytes pt = random_bytes(len);
      SCOPED_TRACE(std::string(cipher_name(alg)) + " key " + to_hex(key) + " iv " + to_hex(iv) + " pt " + to_hex(pt));
      expect_cipher_agreement(ossl_, cpp_, alg, key, iv, pt, 0);
    }
  }
}

TEST_F(CryptoCross, Rc2EffectiveBits) {
  // 40 and 128 are the PKCS#12 pair; the others cover bits above, below and
  // equal to the key length, and bit counts that are not a whole byte.
  for (size_t key_len : {1u, 5u, 8u, 16u, 33u, 128u}) {
    for (unsigned bits : {1u, 40u, 63u, 64u, 128u, 129u, 1024u}) {
      for (size_t len : {0u, 7u, 8u, 21u}) {
        const Bytes key = random_bytes(key_len), iv = random_bytes(8), pt = random_bytes(len);
        SCOPED_TRACE("RC2 key " + to_hex(key) + " bits " + std::to_string(bits) + " pt " + to_hex(pt));
        expect_cipher_agreement(ossl_, cpp_, CipherAlg::kRc2Cbc, key, iv, pt, bits);
      }
    }
  }
}

TEST_F(CryptoCross, Rc4) {
  for (size_t key_len : {1u, 5u, 16u, 32u, 256u}) {
    for (size_t len : {0u, 1u, 17u, 300u}) {
      const Bytes key = random_bytes(key_len), pt = random_bytes(len);
      SCOPED_TRACE("RC4 key " + to_hex(key) + " pt " + to_hex(pt));
      expect_cipher_agreement(ossl_, cpp_, CipherAlg::kRc4, key, {}, pt, 0);
    }
  }
}

// The last plaintext byte of a full padding block is flipped to 0x00, which
// no PKCS#5 padding allows: both backends must say kIntegrityFailure.
TEST_F(CryptoCross, BadPaddingIsIntegrityFailure) {
  for (CipherAlg alg : kAllCiphers) {
    if (alg == CipherAlg::kRc4) continue;
    const size_t block = cipher_block_size(alg);
    for (unsigned bits : {40u, 128u}) {
      const Bytes key = random_bytes(alg == CipherAlg::kRc2Cbc ? bits / 8 : cipher_key_size(alg));
      const Bytes iv = random_bytes(block), pt = random_bytes(2 * block);
      auto ct = ossl_.encrypt(alg, key, iv, pt, bits);
      ASSERT_TRUE(ct.ok());
      Bytes bad = *ct;
      bad[bad.size() - block - 1] ^= static_cast<uint8_t>(block);  // CBC: flips the same bit of the next plaintext block
      for (const Backend* backend : {&ossl_, &cpp_}) {
        SCOPED_TRACE(std::string(backend->name()) + " " + cipher_name(alg) + " bits " + std::to_string(bits));
        auto got = backend->decrypt(alg, key, iv, bad, bits);
        ASSERT_FALSE(got.ok());
        EXPECT_EQ(got.status().code(), ErrorCode::kIntegrityFailure);
        EXPECT_EQ(got.status().message(), "bad padding after decryption");
      }
    }
  }
}

// Bad parameters fail the same way in both backends, before any crypto runs.
TEST_F(CryptoCross, BadParametersFailAlike) {
  const Bytes k5(5, 1), k8(8, 1), k15(15, 1), k16(16, 1), k24(24, 1), k129(129, 1), k257(257, 1);
  const Bytes iv8(8, 2), iv16(16, 2), block16(16, 3);
  struct Case {
    const char* name;
    CipherAlg alg;
    Bytes key, iv;
    unsigned bits;
    Bytes in;  // decrypted; encrypted with `in` too when the lengths allow
    ErrorCode code;
  } cases[] = {
      {"AES-128 key of 15", CipherAlg::kAes128Cbc, k15, iv16, 0, block16, ErrorCode::kInvalidArgument},
      {"AES-256 key of 24", CipherAlg::kAes256Cbc, k24, iv16, 0, block16, ErrorCode::kInvalidArgument},
      {"AES IV of 8", CipherAlg::kAes128Cbc, k16, iv8, 0, block16, ErrorCode::kInvalidArgument},
      {"AES no IV", CipherAlg::kAes192Cbc, k24, {}, 0, block16, ErrorCode::kInvalidArgument},
      {"DES key of 16", CipherAlg::kDesCbc, k16, iv8, 0, block16, ErrorCode::kInvalidArgument},
      {"3DES key of 16", CipherAlg::kDesEde3Cbc, k16, iv8, 0, block16, ErrorCode::kInvalidArgument},
      {"3DES IV of 16", CipherAlg::kDesEde3Cbc, k24, iv16, 0, block16, ErrorCode::kInvalidArgument},
      {"RC2 empty key", CipherAlg::kRc2Cbc, {}, iv8, 40, block16, ErrorCode::kInvalidArgument},
      {"RC2 key of 129", CipherAlg::kRc2Cbc, k129, iv8, 128, block16, ErrorCode::kInvalidArgument},
      {"RC2 0 effective bits", CipherAlg::kRc2Cbc, k5, iv8, 0, block16, ErrorCode::kInvalidArgument},
      {"RC2 1025 effective bits", CipherAlg::kRc2Cbc, k5, iv8, 1025, block16, ErrorCode::kInvalidArgument},
      {"RC4 empty key", CipherAlg::kRc4, {}, {}, 0, block16, ErrorCode::kInvalidArgument},
      {"RC4 key of 257", CipherAlg::kRc4, k257, {}, 0, block16, ErrorCode::kInvalidArgument},
      {"RC4 with an IV", CipherAlg::kRc4, k16, iv8, 0, block16, ErrorCode::kInvalidArgument},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto da = ossl_.decrypt(c.alg, c.key, c.iv, c.in, c.bits);
    auto db = cpp_.decrypt(c.alg, c.key, c.iv, c.in, c.bits);
    auto ea = ossl_.encrypt(c.alg, c.key, c.iv, c.in, c.bits);
    auto eb = cpp_.encrypt(c.alg, c.key, c.iv, c.in, c.bits);
    ASSERT_FALSE(da.ok() || db.ok() || ea.ok() || eb.ok());
    EXPECT_EQ(da.status().code(), c.code);
    EXPECT_EQ(ea.status().code(), c.code);
    EXPECT_EQ(da.status().to_string(), db.status().to_string());
    EXPECT_EQ(ea.status().to_string(), eb.status().to_string());
  }
}

TEST_F(CryptoCross, CiphertextLengthsFailAlike) {
  for (CipherAlg alg : kAllCiphers) {
    if (alg == CipherAlg::kRc4) continue;
    const size_t block = cipher_block_size(alg);
    const Bytes key(alg == CipherAlg::kRc2Cbc ? 16 : cipher_key_size(alg), 1), iv(block, 2);
    for (size_t len : {size_t{0}, size_t{1}, block - 1, block + 1, 3 * block - 1}) {
      SCOPED_TRACE(std::string(cipher_name(alg)) + " length " + std::to_string(len));
      auto a = ossl_.decrypt(alg, key, iv, Bytes(len, 9), 128);
      auto b = cpp_.decrypt(alg, key, iv, Bytes(len, 9), 128);
      ASSERT_FALSE(a.ok() || b.ok());
      EXPECT_EQ(a.status().code(), ErrorCode::kIntegrityFailure);
      EXPECT_EQ(a.status().to_string(), b.status().to_string());
    }
  }
}

TEST_F(CryptoCross, Pbkdf2IterationBoundsFailAlike) {
  for (uint64_t iterations : {uint64_t{0}, uint64_t{INT32_MAX} + 1, UINT64_MAX}) {
    SCOPED_TRACE(iterations);
    auto a = ossl_.pbkdf2(HashAlg::kSha256, as_bytes("pw"), as_bytes("salt"), iterations, 32);
    auto b = cpp_.pbkdf2(HashAlg::kSha256, as_bytes("pw"), as_bytes("salt"), iterations, 32);
    ASSERT_FALSE(a.ok() || b.ok());
    EXPECT_EQ(a.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(a.status().to_string(), b.status().to_string());
  }
}

// RC4 has no blocks: any length decrypts, including none.
TEST_F(CryptoCross, Rc4AcceptsAnyLength) {
  const Bytes key(16, 4);
  for (const Backend* backend : {&ossl_, &cpp_}) {
    SCOPED_TRACE(backend->name());
    auto empty = backend->decrypt(CipherAlg::kRc4, key, {}, {}, 0);
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(empty->empty());
  }
}

}  // namespace
}  // namespace kstore::crypto
