// Known answers for every primitive of the narrow crypto interface, run
// through every backend built in (OpenSSL, and Crypto++ when enabled).
// Vectors and their provenance: testdata/kat/*.vec, made by gen_kat.py.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "crypto/crypto.h"
#include "kstool/run.h"
#include "kstore/keystore.h"
#include "support/fixtures.h"
#include "unit/crypto_kat_file.h"

namespace kstore::crypto {
namespace {

using kat::all_backends;
using kat::KatRecord;

std::string trace(const Backend& backend, const KatRecord& rec) { return std::string(backend.name()) + " " + rec.where(); }

TEST(CryptoKat, Hash) {
  const auto records = kat::read_kat_file("hash.vec");
  for (const Backend* backend : all_backends()) {
    for (const auto& rec : records) {
      SCOPED_TRACE(trace(*backend, rec));
      const HashAlg alg = kat::hash_from_name(rec.section);
      const Bytes piece = rec.hex("Input");
      const uint64_t repeat = rec.has("Repeat") ? rec.number("Repeat") : 1;
      Bytes input(piece.size() * repeat);
      for (size_t i = 0; i < input.size(); ++i) input[i] = piece[i % piece.size()];
      const std::string want = rec.text("Output");

      EXPECT_EQ(to_hex(digest(*backend, alg, {input})), want) << "one shot";

      // In two updates split mid-block, then again on the same hasher: finish() resets it.
      auto hasher = backend->new_hasher(alg);
      EXPECT_EQ(hasher->alg(), alg);
      if (repeat > 1) continue;  // the million-byte inputs: one shot is enough
      const size_t half = input.size() / 2 + 1 < input.size() ? input.size() / 2 + 1 : input.size();
      Bytes out(digest_size(alg));
      for (int round = 0; round < 2; ++round) {
        SCOPED_TRACE(round);
        hasher->update(ByteView(input).first(half));
        hasher->update(ByteView(input).subspan(half));
        hasher->finish(out);
        EXPECT_EQ(to_hex(out), want);
      }

      // A clone taken mid-stream continues independently of the original.
      hasher->update(ByteView(input).first(half));
      auto copy = hasher->clone();
      copy->update(ByteView(input).subspan(half));
      hasher->update(ByteView(input).subspan(half));
      Bytes from_copy(digest_size(alg));
      copy->finish(from_copy);
      hasher->finish(out);
      EXPECT_EQ(to_hex(from_copy), want) << "clone";
      EXPECT_EQ(to_hex(out), want) << "original after clone";
    }
  }
}

TEST(CryptoKat, Hmac) {
  const auto records = kat::read_kat_file("hmac.vec");
  for (const Backend* backend : all_backends()) {
    for (const auto& rec : records) {
      SCOPED_TRACE(trace(*backend, rec));
      const SecretBytes mac = backend->hmac(kat::hash_from_name(rec.section), rec.hex("Key"), rec.hex("Input"));
      EXPECT_EQ(to_hex(mac), rec.text("Output"));
    }
  }
}

TEST(CryptoKat, Pbkdf2) {
  const auto records = kat::read_kat_file("pbkdf2.vec");
  for (const Backend* backend : all_backends()) {
    for (const auto& rec : records) {
      SCOPED_TRACE(trace(*backend, rec));
      const Bytes want = rec.hex("Output");
      auto got = backend->pbkdf2(kat::hash_from_name(rec.section), rec.hex("Password"), rec.hex("Salt"),
                                 rec.number("Iterations"), want.size());
      ASSERT_TRUE(got.ok()) << got.status().to_string();
      EXPECT_EQ(to_hex(*got), to_hex(want));
    }
  }
}

TEST(CryptoKat, Ciphers) {
  const auto records = kat::read_kat_file("cipher.vec");
  for (const Backend* backend : all_backends()) {
    for (const auto& rec : records) {
      SCOPED_TRACE(trace(*backend, rec));
      const CipherAlg alg = kat::cipher_from_name(rec.section);
      const unsigned bits = rec.has("EffectiveBits") ? static_cast<unsigned>(rec.number("EffectiveBits")) : 0;
      const Bytes key = rec.hex("Key"), iv = rec.hex("IV"), pt = rec.hex("Plaintext"), ct = rec.hex("Ciphertext");

      auto encrypted = backend->encrypt(alg, key, iv, pt, bits);
      ASSERT_TRUE(encrypted.ok()) << encrypted.status().to_string();
      EXPECT_EQ(to_hex(*encrypted), to_hex(ct));

      auto decrypted = backend->decrypt(alg, key, iv, ct, bits);
      ASSERT_TRUE(decrypted.ok()) << decrypted.status().to_string();
      EXPECT_EQ(to_hex(*decrypted), to_hex(pt));
    }
  }
}

TEST(CryptoBackend, RandomFillsAndDiffers) {
  for (const Backend* backend : all_backends()) {
    SCOPED_TRACE(backend->name());
    Bytes a(32), b(32);
    ASSERT_TRUE(backend->random(a).ok());
    ASSERT_TRUE(backend->random(b).ok());
    EXPECT_NE(to_hex(a), to_hex(b));  // 2^-256 chance of a false failure
    EXPECT_TRUE(backend->random(MutableByteView()).ok());
  }
}

TEST(CryptoBackend, Names) {
  EXPECT_STREQ(openssl_backend().name(), "openssl");
  if (const Backend* cryptopp = cryptopp_backend()) {
    EXPECT_STREQ(cryptopp->name(), "cryptopp");
  }
}

// KSTORE_CRYPTO_BACKEND picks the backend kstool runs on: kstool reads it
// (process_environment) and passes the choice to the library, which reads
// no environment itself. Each case runs in a fresh process (gtest's
// "threadsafe" death-test style re-executes the binary), so that setting the
// variable touches nothing else.
void expect_env_selects(const char* env_value, const char* want_name) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        setenv("KSTORE_CRYPTO_BACKEND", env_value, 1);
        const Result<const Backend*> chosen = backend_for(kstool::process_environment().crypto_backend);
        std::exit(chosen.ok() && std::string((*chosen)->name()) == want_name ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "")
      << "KSTORE_CRYPTO_BACKEND=" << env_value;
}

TEST(CryptoBackendChoice, EnvironmentSelectsCryptopp) {
  if (cryptopp_backend() == nullptr) GTEST_SKIP() << "built without Crypto++";
  expect_env_selects("cryptopp", "cryptopp");
}

TEST(CryptoBackendChoice, EnvironmentSelectsOpenssl) { expect_env_selects("openssl", "openssl"); }

TEST(CryptoBackendChoice, ChoiceNamesAndAvailability) {
  EXPECT_EQ(parse_crypto_backend("openssl"), CryptoBackend::kOpenssl);
  EXPECT_EQ(parse_crypto_backend("cryptopp"), CryptoBackend::kCryptopp);
  EXPECT_FALSE(parse_crypto_backend("OpenSSL").has_value());
  EXPECT_EQ(*backend_for(CryptoBackend::kDefault), &default_backend());
  EXPECT_EQ(*backend_for(CryptoBackend::kOpenssl), &openssl_backend());
  EXPECT_EQ(crypto_backend_available(CryptoBackend::kCryptopp), cryptopp_backend() != nullptr);
  if (cryptopp_backend() == nullptr) {
    EXPECT_EQ(backend_for(CryptoBackend::kCryptopp).status().code(), ErrorCode::kUnsupported);
  }
}

bool openssl_legacy_provider_loaded() {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line))
    if (line.find("ossl-modules/legacy") != std::string::npos) return true;
  return false;
}

// RC2-40 through `backend` (a fresh process's default), then whether
// OpenSSL's legacy module was loaded: exit code 1 if it was.
[[noreturn]] void rc2_then_exit_with_legacy_module_state(const Backend& backend) {
  const Bytes key(5, 0x11), iv(8, 0x22), plain(24, 0x33);
  auto sealed = backend.encrypt(CipherAlg::kRc2Cbc, key, iv, plain, 40);
  if (!sealed.ok()) std::exit(2);
  auto opened = backend.decrypt(CipherAlg::kRc2Cbc, key, iv, *sealed, 40);
  if (!opened.ok() || to_hex(*opened) != to_hex(plain)) std::exit(3);
  std::exit(openssl_legacy_provider_loaded() ? 1 : 0);
}

// The default of an OpenSSL build with Crypto++ runs RC2, DES and RC4 on
// Crypto++, so listing a legacy PKCS#12 file never loads OpenSSL's legacy
// module (a shared object with its own libcrypto.so). The pure OpenSSL
// backend does load it: the control shows the check can fail.
TEST(CryptoBackendChoice, DefaultRunsLegacyCiphersWithoutOpensslsLegacyModule) {
  if (mixed_backend() == nullptr || &default_backend() != mixed_backend())
    GTEST_SKIP() << "this build's default is " << default_backend().name();
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(rc2_then_exit_with_legacy_module_state(default_backend()), ::testing::ExitedWithCode(0), "");
  EXPECT_EXIT(rc2_then_exit_with_legacy_module_state(openssl_backend()), ::testing::ExitedWithCode(1), "");
}

// The choice in LoadOptions reaches the format: loading a legacy PKCS#12
// file (RC2-40 certificates) with the default leaves OpenSSL's legacy module
// alone, with pure OpenSSL it loads it.
[[noreturn]] void load_legacy_then_exit_with_legacy_module_state(CryptoBackend crypto) {
  const Bytes file = kstore::testing::testdata_bytes("pkcs12/jdk17_legacy.p12");
  const Password password = Password::from_utf8("changeit");
  LoadOptions options;
  options.crypto = crypto;
  if (!load_keystore(file, &password, options).ok()) std::exit(2);
  std::exit(openssl_legacy_provider_loaded() ? 1 : 0);
}

TEST(CryptoBackendChoice, LoadOptionsCarryTheChoiceToTheFormat) {
  if (mixed_backend() == nullptr || &default_backend() != mixed_backend())
    GTEST_SKIP() << "this build's default is " << default_backend().name();
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(load_legacy_then_exit_with_legacy_module_state(CryptoBackend::kDefault), ::testing::ExitedWithCode(0),
              "");
  EXPECT_EXIT(load_legacy_then_exit_with_legacy_module_state(CryptoBackend::kOpenssl), ::testing::ExitedWithCode(1),
              "");
}

}  // namespace
}  // namespace kstore::crypto
