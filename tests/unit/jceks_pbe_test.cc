// PBEWithMD5AndTripleDES (com.sun.crypto.provider.PBES1Core). Known answers
// were computed independently: the KDF in Python (hashlib.md5, following
// docs/formats.md, "JCEKS: PBEWithMD5AndTripleDES") and the cipher with
// `openssl enc -des-ede3-cbc`.
#include "pbe/jce_pbe.h"

#include <gtest/gtest.h>

namespace kstore::pbe {
namespace {

Bytes from_hex(std::string_view hex) {
  Bytes out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<uint8_t>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  return out;
}

const crypto::Backend& backend() { return crypto::default_backend(); }

TEST(JcePbe, DeriveKnownAnswers) {
  struct Case {
    const char* salt;
    const char* derived;  // 3DES key (24 bytes) || IV (8 bytes)
    const char* why;
  };
  const Case cases[] = {
      {"0102030405060708", "ba0bbe83ed468f55c2d8ec32ecaaf3fbcdf97513fd28f7b04df69ee3da29e3f8", "distinct halves"},
      {"a1b2c3d4a1b2c3d4", "8502fe6f9f74f25f70dfed8fd9e27ac8dd962b5f8600f32c671cc0415b849e96",
       "equal halves: the first is reversed"},
      {"1122221111222211", "5d51382e386b6b451db4995aa03240a25d51382e386b6b451db4995aa03240a2",
       "equal palindromic halves: both chains agree (the weak salt)"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.why);
    auto derived = jce_pbe_derive(backend(), as_bytes("kat-password"), from_hex(c.salt), 1000);
    ASSERT_TRUE(derived.ok());
    EXPECT_EQ(to_hex(*derived), c.derived);
  }
}

TEST(JcePbe, EncryptAndDecryptKnownAnswer) {
  const JcePbeParams params{from_hex("0102030405060708"), 1000};
  const Password pw = Password::from_utf8("kat-password");
  auto ct = jce_pbe_encrypt(backend(), pw, params, as_bytes("PBEWithMD5AndTripleDES known answer"));
  ASSERT_TRUE(ct.ok()) << ct.status().to_string();
  EXPECT_EQ(to_hex(*ct), "daf7381608ffbd80ce7861de62c2167def5c309b1359cfbd2faeb26e85ed4c0a3af82625d979e936");
  auto plain = jce_pbe_decrypt(backend(), pw, params, *ct, Limits{});
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(as_chars(*plain), "PBEWithMD5AndTripleDES known answer");
}

TEST(JcePbe, NonAsciiPasswordReadsAsUtf8LikeJdk25) {
  // Encrypted with the UTF-8 bytes of "pässwörd", 10 iterations.
  const JcePbeParams params{from_hex("0102030405060708"), 10};
  auto plain = jce_pbe_decrypt(backend(), Password::from_utf8("pässwörd"), params,
                               from_hex("33e85c1247aea0ef7c6681b599a32b83"), Limits{});
  ASSERT_TRUE(plain.ok()) << plain.status().to_string();
  EXPECT_EQ(as_chars(*plain), "utf-8 password");
}

TEST(JcePbe, NonAsciiPasswordIsRefusedForWritingLikeJdk17) {
  const JcePbeParams params{from_hex("0102030405060708"), 10};
  for (const char* pw : {"pässwörd", "tab\there"}) {
    SCOPED_TRACE(pw);
    auto ct = jce_pbe_encrypt(backend(), Password::from_utf8(pw), params, as_bytes("x"));
    ASSERT_FALSE(ct.ok());
    EXPECT_EQ(ct.status().code(), ErrorCode::kInvalidArgument);
  }
}

TEST(JcePbe, WrongPasswordIsBadPassword) {
  const JcePbeParams params{from_hex("0102030405060708"), 1000};
  auto plain = jce_pbe_decrypt(backend(), Password::from_utf8("kat-passwore"), params,
                               from_hex("daf7381608ffbd80ce7861de62c2167def5c309b1359cfbd2faeb26e85ed4c0a3af82625d979e936"),
                               Limits{});
  ASSERT_FALSE(plain.ok());
  EXPECT_EQ(plain.status().code(), ErrorCode::kBadPassword);
}

TEST(JcePbe, ParamsRoundTripInTheJdkEncoding) {
  const JcePbeParams params{from_hex("5baf1064df499c9d"), 200000};
  const Bytes der = encode_jce_pbe_params(params);
  // 30 0F 04 08 <salt> 02 03 03 0D 40: the JDK's encoding for 200000
  // iterations (docs/formats.md, "JCEKS: PBEWithMD5AndTripleDES").
  EXPECT_EQ(to_hex(der), "300f04085baf1064df499c9d0203030d40");
  auto back = parse_jce_pbe_params(der, Limits{});
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->salt, params.salt);
  EXPECT_EQ(back->iterations, 200000u);
}

TEST(JcePbe, BadParamsAreRefusedBeforeDeriving) {
  struct Case {
    const char* der;
    ErrorCode code;
    const char* why;
  };
  const Case cases[] = {
      {"300f04085baf1064df499c9d0203030d40", ErrorCode::kOk, "JDK default"},
      {"300d04085baf1064df499c9d020100", ErrorCode::kMalformed, "zero iterations"},
      {"300c04075baf1064df499c02014014", ErrorCode::kMalformed, "seven-byte salt"},
      {"301004085baf1064df499c9d020400989681", ErrorCode::kLimitExceeded, "10,000,001 iterations"},
      {"300f04085baf1064df499c9d02034c4b40", ErrorCode::kOk, "5,000,000 iterations: the JDK's maximum"},
      {"300f04085baf1064df499c9d02034c4b41", ErrorCode::kLimitExceeded, "5,000,001 iterations"},
      {"300f04085baf1064df499c9d0203030d4000", ErrorCode::kMalformed, "trailing byte"},
      {"3003020101", ErrorCode::kMalformed, "no salt"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.why);
    auto params = parse_jce_pbe_params(from_hex(c.der), Limits{});
    EXPECT_EQ(params.ok() ? ErrorCode::kOk : params.status().code(), c.code) << params.status().to_string();
  }
  Limits tight;
  tight.max_kdf_iterations = 1000;
  auto params = parse_jce_pbe_params(from_hex("300f04085baf1064df499c9d0203030d40"), tight);
  ASSERT_FALSE(params.ok());
  EXPECT_EQ(params.status().code(), ErrorCode::kLimitExceeded);
  // The decrypt entry point checks too, before any MD5 round.
  auto plain = jce_pbe_decrypt(backend(), Password::from_utf8("x"), JcePbeParams{from_hex("0102030405060708"), 200000},
                               Bytes(8), tight);
  ASSERT_FALSE(plain.ok());
  EXPECT_EQ(plain.status().code(), ErrorCode::kLimitExceeded);
}

TEST(JcePbe, EncryptRefusesParametersNoJdkReads) {
  for (const JcePbeParams& params : {JcePbeParams{from_hex("01020304050607"), 10}, JcePbeParams{from_hex("0102030405060708"), 0},
                                     JcePbeParams{from_hex("0102030405060708"), 5'000'001}}) {
    auto ct = jce_pbe_encrypt(backend(), Password::from_utf8("pw"), params, as_bytes("x"));
    ASSERT_FALSE(ct.ok());
    EXPECT_EQ(ct.status().code(), ErrorCode::kInvalidArgument);
  }
}

TEST(JcePbe, CiphertextMustBeWholeBlocks) {
  const JcePbeParams params{from_hex("0102030405060708"), 1};
  for (size_t len : {0, 7, 9}) {
    SCOPED_TRACE(len);
    auto plain = jce_pbe_decrypt(backend(), Password::from_utf8("x"), params, Bytes(len), Limits{});
    ASSERT_FALSE(plain.ok());
    EXPECT_EQ(plain.status().code(), ErrorCode::kMalformed);
  }
}

TEST(JcePbe, FreshSaltsNeverHaveEqualHalves) {
  for (int i = 0; i < 200; ++i) {
    auto params = new_jce_pbe_params(backend(), 10);
    ASSERT_TRUE(params.ok());
    ASSERT_EQ(params->salt.size(), 8u);
    EXPECT_FALSE(std::equal(params->salt.begin(), params->salt.begin() + 4, params->salt.begin() + 4));
  }
}

}  // namespace
}  // namespace kstore::pbe
