// The JDK's keystore.pkcs12.* properties mapped onto a Pkcs12Protection,
// with the JDK's precedence and validation messages (PKCS12KeyStore;
// docs/formats.md, "PKCS#12: protection settings"), and the named profiles.
#include <gtest/gtest.h>

#include "kstore/pkcs12.h"

namespace kstore {
namespace {

using Props = std::vector<std::pair<std::string, std::string>>;

struct Names {
  std::string cert, key, mac;
  uint64_t cert_iterations, key_iterations, mac_iterations;
};

Names names(const Pkcs12Protection& p) {
  return {pkcs12_cert_algorithm_name(p), pkcs12_key_algorithm_name(p), pkcs12_mac_algorithm_name(p),
          p.cert_iterations, p.key_iterations, p.mac_iterations};
}

void expect_names(const Pkcs12Protection& p, const Names& want) {
  const Names got = names(p);
  EXPECT_EQ(got.cert, want.cert);
  EXPECT_EQ(got.key, want.key);
  EXPECT_EQ(got.mac, want.mac);
  EXPECT_EQ(got.cert_iterations, want.cert_iterations);
  EXPECT_EQ(got.key_iterations, want.key_iterations);
  EXPECT_EQ(got.mac_iterations, want.mac_iterations);
}

TEST(Pkcs12Profiles, NamesAndSettings) {
  EXPECT_EQ(parse_pkcs12_profile("Modern"), Pkcs12Profile::kModern);
  EXPECT_EQ(parse_pkcs12_profile("legacy"), Pkcs12Profile::kLegacy);
  EXPECT_EQ(parse_pkcs12_profile("PBMAC1"), Pkcs12Profile::kPbmac1);
  EXPECT_EQ(parse_pkcs12_profile("none"), Pkcs12Profile::kNone);
  EXPECT_FALSE(parse_pkcs12_profile("jdk8").has_value());
  expect_names(pkcs12_profile_protection(Pkcs12Profile::kModern),
               {"PBEWithHmacSHA256AndAES_256", "PBEWithHmacSHA256AndAES_256", "HmacPBESHA256", 10000, 10000, 10000});
  expect_names(pkcs12_profile_protection(Pkcs12Profile::kLegacy),
               {"PBEWithSHA1AndRC2_40", "PBEWithSHA1AndDESede", "HmacPBESHA1", 50000, 50000, 100000});
  expect_names(pkcs12_profile_protection(Pkcs12Profile::kPbmac1),
               {"PBEWithHmacSHA256AndAES_256", "PBEWithHmacSHA256AndAES_256", "PBMAC1 (HmacSHA256)", 10000, 10000,
                10000});
  const Pkcs12Protection none = pkcs12_profile_protection(Pkcs12Profile::kNone);
  EXPECT_EQ(pkcs12_cert_algorithm_name(none), "NONE");
  EXPECT_EQ(pkcs12_mac_algorithm_name(none), "NONE");
  EXPECT_FALSE(none.mac.has_value());
  EXPECT_EQ(pkcs12_key_algorithm_name(none), "PBEWithHmacSHA256AndAES_256");  // keys stay encrypted
}

TEST(Pkcs12Properties, MapToProtection) {
  struct Case {
    const char* what;
    Props props;
    Names want;
  } cases[] = {
      {"nothing set: JDK 17+ defaults", {},
       {"PBEWithHmacSHA256AndAES_256", "PBEWithHmacSHA256AndAES_256", "HmacPBESHA256", 10000, 10000, 10000}},
      {"legacy wins over everything",
       {{"keystore.pkcs12.macAlgorithm", "HmacPBESHA512"}, {"keystore.pkcs12.legacy", ""}},
       {"PBEWithSHA1AndRC2_40", "PBEWithSHA1AndDESede", "HmacPBESHA1", 50000, 50000, 100000}},
      {"password-less", {{"keystore.pkcs12.certProtectionAlgorithm", "NONE"}, {"keystore.pkcs12.macAlgorithm", "none"}},
       {"NONE", "PBEWithHmacSHA256AndAES_256", "NONE", 10000, 10000, 10000}},
      {"named ciphers, case-insensitive",
       {{"keystore.pkcs12.certProtectionAlgorithm", "pbewithsha1andrc2_128"},
        {"keystore.pkcs12.keyProtectionAlgorithm", "PBEWithHmacSHA512AndAES_128"},
        {"keystore.pkcs12.macAlgorithm", "HmacPBESHA512/256"},
        {"keystore.pkcs12.certPbeIterationCount", "20000"},
        {"keystore.pkcs12.keyPbeIterationCount", "+30000"},
        {"keystore.pkcs12.macIterationCount", "5000000"}},
       {"PBEWithSHA1AndRC2_128", "PBEWithHmacSHA512AndAES_128", "HmacPBESHA512/256", 20000, 30000, 5000000}},
      {"keystore.PKCS12.keyProtectionAlgorithm is read too",
       {{"keystore.PKCS12.keyProtectionAlgorithm", "PBEWithSHA1AndDESede"}},
       {"PBEWithHmacSHA256AndAES_256", "PBEWithSHA1AndDESede", "HmacPBESHA256", 10000, 10000, 10000}},
      {"the lower-case name takes precedence",
       {{"keystore.PKCS12.keyProtectionAlgorithm", "PBEWithSHA1AndDESede"},
        {"keystore.pkcs12.keyProtectionAlgorithm", "PBEWithSHA1AndRC4_128"}},
       {"PBEWithHmacSHA256AndAES_256", "PBEWithSHA1AndRC4_128", "HmacPBESHA256", 10000, 10000, 10000}},
      {"empty values mean unset, later pairs override",
       {{"keystore.pkcs12.macAlgorithm", "HmacPBESHA1"}, {"keystore.pkcs12.macAlgorithm", ""},
        {"keystore.pkcs12.certPbeIterationCount", "1"}, {"keystore.pkcs12.certPbeIterationCount", "2"}},
       {"PBEWithHmacSHA256AndAES_256", "PBEWithHmacSHA256AndAES_256", "HmacPBESHA256", 2, 10000, 10000}},
      {"JDK 26 PBMAC1 by name", {{"keystore.pkcs12.macAlgorithm", "PBEWithHmacSHA512"}},
       {"PBEWithHmacSHA256AndAES_256", "PBEWithHmacSHA256AndAES_256", "PBMAC1 (HmacSHA512)", 10000, 10000, 10000}},
      {"unrelated names are ignored", {{"keystore.type", "jks"}, {"keystore.pkcs12.unknown", "x"}},
       {"PBEWithHmacSHA256AndAES_256", "PBEWithHmacSHA256AndAES_256", "HmacPBESHA256", 10000, 10000, 10000}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    auto p = pkcs12_protection_from_properties(c.props);
    ASSERT_TRUE(p.ok()) << p.status().to_string();
    expect_names(*p, c.want);
  }
}

TEST(Pkcs12Properties, JdkValidationMessages) {
  struct Case {
    Props props;
    const char* message;  // the JDK's IllegalArgumentException / NoSuchAlgorithmException text
  } cases[] = {
      {{{"keystore.pkcs12.macIterationCount", "0"}}, "Invalid keystore.pkcs12.macIterationCount: 0"},
      {{{"keystore.pkcs12.certPbeIterationCount", "5000001"}}, "Invalid keystore.pkcs12.certPbeIterationCount: 5000001"},
      {{{"keystore.pkcs12.keyPbeIterationCount", "-5"}}, "Invalid keystore.pkcs12.keyPbeIterationCount: -5"},
      {{{"keystore.pkcs12.keyPbeIterationCount", "ten"}}, "keystore.pkcs12.keyPbeIterationCount is not a number: ten"},
      {{{"keystore.pkcs12.macIterationCount", "99999999999"}},
       "keystore.pkcs12.macIterationCount is not a number: 99999999999"},
      {{{"keystore.pkcs12.certProtectionAlgorithm", "PBEWithHmacSHA256AndAES_192"}},
       "Cannot find any provider supporting PBEWithHmacSHA256AndAES_192"},
      {{{"keystore.pkcs12.keyProtectionAlgorithm", "NONE"}}, "Cannot find any provider supporting NONE"},
      {{{"keystore.pkcs12.macAlgorithm", "HmacPBEMD5"}}, "Algorithm HmacPBEMD5 not available"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.message);
    auto p = pkcs12_protection_from_properties(c.props);
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(p.status().message().find(c.message), std::string::npos) << p.status().message();
  }
}

TEST(Pkcs12Properties, SealParamsFollowTheKeyAlgorithm) {
  const SealParams legacy = pkcs12_seal_params(pkcs12_profile_protection(Pkcs12Profile::kLegacy));
  EXPECT_EQ(legacy.pkcs12_iterations, 50000u);
  EXPECT_EQ(legacy.pkcs12_encryption.scheme, PbeScheme::kPbeWithSha1AndDesede);  // not PBES2: no cipher of its own
  const SealParams modern = pkcs12_seal_params(pkcs12_profile_protection(Pkcs12Profile::kModern));
  EXPECT_EQ(modern.pkcs12_iterations, 10000u);
  EXPECT_EQ(modern.pkcs12_encryption.scheme, PbeScheme::kPbes2);  // PBES2 with its cipher
  EXPECT_EQ(modern.pkcs12_encryption.cipher, Pbes2Cipher::kAes256Cbc);
}

}  // namespace
}  // namespace kstore
