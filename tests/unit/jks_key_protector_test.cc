// JKS key protector (sun.security.provider.KeyProtector). The known answer was
// computed independently with Python's hashlib, following the algorithm in
// docs/formats.md, "JKS: the key protector".
#include "pbe/jks_key_protector.h"

#include <gtest/gtest.h>

#include "kstore/password.h"

namespace kstore::pbe {
namespace {

Bytes from_hex(std::string_view hex) {
  Bytes out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<uint8_t>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  return out;
}

Bytes iota(uint8_t first, size_t n) {
  Bytes b(n);
  for (size_t i = 0; i < n; ++i) b[i] = static_cast<uint8_t>(first + i);
  return b;
}

// password "kat-password" (UTF-16BE), salt 00..13, plaintext 0x64..0x90 (45 bytes: three keystream blocks).
constexpr std::string_view kKnownProtected =
    "000102030405060708090a0b0c0d0e0f101112134455da33610b272be41c90642bd9c4e12eb5aa9f8d09e4a04402fd9fa2e721cc2803"
    "bd4e684f91eff5f59ec362052fbd514553720f8d5e81b46754182fe1811b8a";

SecretBytes utf16(std::string_view pw) { return Password::from_utf8(pw).encode(PasswordEncoding::kUtf16Be).value(); }

TEST(JksKeyProtector, ProtectMatchesKnownAnswer) {
  const crypto::Backend& backend = crypto::default_backend();
  auto out = jks_protect_key(backend, utf16("kat-password"), iota(100, 45), iota(0, 20));
  ASSERT_TRUE(out.ok()) << out.status().to_string();
  EXPECT_EQ(to_hex(*out), kKnownProtected);
}

TEST(JksKeyProtector, RecoverKnownAnswer) {
  auto plain = jks_recover_key(crypto::default_backend(), utf16("kat-password"), from_hex(kKnownProtected));
  ASSERT_TRUE(plain.ok()) << plain.status().to_string();
  EXPECT_TRUE(equal_bytes(*plain, iota(100, 45)));
}

TEST(JksKeyProtector, RoundTripsEveryLengthAroundTheBlockSize) {
  const crypto::Backend& backend = crypto::default_backend();
  const SecretBytes pw = utf16("pässwörd");
  for (size_t len : {0, 1, 19, 20, 21, 39, 40, 41, 1000}) {
    SCOPED_TRACE(len);
    const Bytes plain = iota(7, len);
    auto out = jks_protect_key(backend, pw, plain, iota(200, 20));
    ASSERT_TRUE(out.ok());
    ASSERT_EQ(out->size(), len + 40);
    auto back = jks_recover_key(backend, pw, *out);
    ASSERT_TRUE(back.ok());
    EXPECT_TRUE(equal_bytes(*back, plain));
  }
}

TEST(JksKeyProtector, WrongPasswordIsBadPassword) {
  auto plain = jks_recover_key(crypto::default_backend(), utf16("kat-passwore"), from_hex(kKnownProtected));
  ASSERT_FALSE(plain.ok());
  EXPECT_EQ(plain.status().code(), ErrorCode::kBadPassword);
  EXPECT_EQ(plain.status().message(), "Cannot recover key");
}

TEST(JksKeyProtector, TamperedBytesAreBadPassword) {
  Bytes p = from_hex(kKnownProtected);
  for (size_t i : {size_t{0}, size_t{25}, p.size() - 1}) {
    SCOPED_TRACE(i);
    Bytes t = p;
    t[i] ^= 1;
    auto plain = jks_recover_key(crypto::default_backend(), utf16("kat-password"), t);
    ASSERT_FALSE(plain.ok());
    EXPECT_EQ(plain.status().code(), ErrorCode::kBadPassword);
  }
}

TEST(JksKeyProtector, TooShortIsMalformed) {
  for (size_t len : {0, 1, 39}) {
    SCOPED_TRACE(len);
    auto plain = jks_recover_key(crypto::default_backend(), utf16("x"), Bytes(len));
    ASSERT_FALSE(plain.ok());
    EXPECT_EQ(plain.status().code(), ErrorCode::kMalformed);
  }
}

TEST(JksKeyProtector, SaltMustBeTwentyBytes) {
  auto out = jks_protect_key(crypto::default_backend(), utf16("x"), iota(0, 5), iota(0, 8));
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace kstore::pbe
