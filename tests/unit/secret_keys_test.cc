// The JDK's secret-key rules in the library (kstore/secret_keys.h,
// kstore/password_change.h): generators by name, size rules with the JDK's
// messages, how keys are made, password entries, which store holds what,
// and changing a store password. The messages are JDK 17's, as keytool
// printed them in testdata/secret/expected/.
#include <gtest/gtest.h>

#include <bit>
#include <string>

#include "kstore/keystore.h"
#include "kstore/password_change.h"
#include "kstore/pkcs12.h"
#include "kstore/secret_keys.h"
#include "kstore/sealing.h"

namespace {

using kstore::JdkException;
using kstore::SecretKeyGenerator;

SecretKeyGenerator generator(const std::string& name) {
  SecretKeyGenerator g;
  EXPECT_FALSE(kstore::find_secret_key_generator(name, g).has_value()) << name;
  return g;
}

TEST(SecretKeyGenerators, FoundAsKeyGeneratorGetInstanceFindsThem) {
  const std::pair<const char*, const char*> names[] = {
      {"aes", "AES"},         {"2.16.840.1.101.3.4.1", "AES"}, {"OID.1.2.840.113549.2.9", "HmacSHA256"},
      {"RC4", "ARCFOUR"},     {"tripledes", "DESede"},         {"HmacSHA512/224", "HmacSHA512/224"},
      {"hmacsha3-256", "HmacSHA3-256"}, {"SunTls12Prf", "SunTls12Prf"}};
  for (const auto& [typed, algorithm] : names) EXPECT_EQ(algorithm, generator(typed).algorithm) << typed;
  SecretKeyGenerator g;
  const std::optional<kstore::JdkRefusal> refused = kstore::find_secret_key_generator("Foo", g);
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(JdkException::kNoSuchAlgorithm, refused->exception);
  EXPECT_EQ("Foo KeyGenerator not available", refused->message);
  // DES is registered without aliases: its OID names no generator.
  EXPECT_TRUE(kstore::find_secret_key_generator("1.3.14.3.2.7", g).has_value());
}

TEST(SecretKeyGenerators, KeytoolDefaultsOnlyForDesAndDesede) {
  EXPECT_EQ(56, kstore::keytool_default_secret_key_size("des"));
  EXPECT_EQ(168, kstore::keytool_default_secret_key_size("DESede"));
  EXPECT_FALSE(kstore::keytool_default_secret_key_size("TripleDES").has_value());
  EXPECT_FALSE(kstore::keytool_default_secret_key_size("AES").has_value());
}

TEST(SecretKeyGenerators, SizeRulesAndMessages) {
  struct Case {
    const char* name;
    int32_t bits;
    std::optional<JdkException> refusal;
    const char* message;
  };
  const Case cases[] = {
      {"AES", 192, std::nullopt, ""},
      {"AES", 100, JdkException::kInvalidParameter, "Wrong keysize: must be equal to 128, 192 or 256"},
      {"DES", 64, JdkException::kInvalidParameter, "Wrong keysize: must be equal to 56"},
      {"DESede", 128, JdkException::kInvalidParameter, "Wrong keysize: must be equal to 112 or 168"},
      {"Blowfish", 30, JdkException::kInvalidParameter,
       "Keysize must be multiple of 8, and can only range from 32 to 448 (inclusive)"},
      {"RC2", 2000, JdkException::kInvalidParameter, "Key length for RC2 must be between 40 and 1024 bits"},
      {"ARCFOUR", 32, JdkException::kInvalidParameter, "Key length for ARCFOUR must be between 40 and 1024 bits"},
      {"ChaCha20", 128, JdkException::kInvalidParameter, "Key length for ChaCha20 must be 256 bits"},
      {"HmacSHA256", 39, JdkException::kInvalidParameter, "Key length must be at least 40 bits"},
      {"HmacSHA1", 0, JdkException::kIllegalArgument, "Empty key"},
      {"HmacSHA1", -100, JdkException::kNegativeArraySize, "-11"},
      {"HmacSHA1", 1, std::nullopt, ""},
      {"HmacSHA384", 41, std::nullopt, ""},
      {"SunTlsPrf", 128, JdkException::kInvalidParameter,
       "TlsPrfGenerator must be initialized using a TlsPrfParameterSpec"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.name) + " " + std::to_string(c.bits));
    const std::optional<kstore::JdkRefusal> r = kstore::check_secret_key_size(generator(c.name), c.bits);
    ASSERT_EQ(c.refusal.has_value(), r.has_value());
    if (!r) continue;
    EXPECT_EQ(*c.refusal, r->exception);
    EXPECT_EQ(c.message, r->message);
  }
}

bool odd_parity(const kstore::SecretBytes& key) {
  for (size_t i = 0; i < key.size(); ++i)
    if (std::popcount(static_cast<unsigned>(key[i])) % 2 == 0) return false;
  return true;
}

TEST(SecretKeyGeneration, KeysAreMadeAsTheJdkMakesThem) {
  for (int i = 0; i < 50; ++i) {
    auto des = kstore::generate_secret_key(generator("DES"), 56);
    ASSERT_TRUE(des.ok());
    EXPECT_EQ(8u, des->key.size());
    EXPECT_TRUE(odd_parity(des->key));
  }
  auto two_key = kstore::generate_secret_key(generator("DESede"), 112);
  ASSERT_TRUE(two_key.ok());
  ASSERT_EQ(24u, two_key->key.size());
  EXPECT_TRUE(odd_parity(two_key->key));
  EXPECT_TRUE(std::equal(two_key->key.data(), two_key->key.data() + 8, two_key->key.data() + 16));
  auto hmac = kstore::generate_secret_key(generator("HmacSHA384"), 41);
  ASSERT_TRUE(hmac.ok());
  EXPECT_EQ("HmacSHA384", hmac->algorithm);
  EXPECT_EQ(6u, hmac->key.size());
  auto aes1 = kstore::generate_secret_key(generator("AES"), 256);
  auto aes2 = kstore::generate_secret_key(generator("AES"), 256);
  ASSERT_TRUE(aes1.ok() && aes2.ok());
  EXPECT_NE(std::string(aes1->key.view().begin(), aes1->key.view().end()),
            std::string(aes2->key.view().begin(), aes2->key.view().end()));
  EXPECT_FALSE(kstore::generate_secret_key(generator("AES"), 100).ok());
}

TEST(SecretKeyRules, WhichStoreHoldsWhat) {
  EXPECT_EQ("Cannot store non-PrivateKeys", kstore::check_secret_key_storable(kstore::StoreType::kJks, "AES")->message);
  EXPECT_FALSE(kstore::check_secret_key_storable(kstore::StoreType::kJceks, "Blowfish").has_value());
  EXPECT_FALSE(kstore::check_secret_key_storable(kstore::StoreType::kPkcs12, "HmacSHA3-512").has_value());
  EXPECT_FALSE(kstore::check_secret_key_storable(kstore::StoreType::kPkcs12, "PBEWithMD5AndDES").has_value());
  const auto blowfish = kstore::check_secret_key_storable(kstore::StoreType::kPkcs12, "Blowfish");
  ASSERT_TRUE(blowfish.has_value());
  EXPECT_EQ(JdkException::kKeyStore, blowfish->exception);
  EXPECT_EQ(
      "Key protection algorithm not found: java.security.NoSuchAlgorithmException: unrecognized algorithm name: "
      "Blowfish",
      blowfish->message);
}

TEST(SecretKeyRules, PasswordEntries) {
  kstore::SecretKeyMaterial key;
  ASSERT_FALSE(kstore::password_entry_key(kstore::Password::from_utf8("secret1"), key).has_value());
  EXPECT_EQ("PBEWithMD5AndDES", key.algorithm);
  EXPECT_EQ("secret1", std::string(key.key.view().begin(), key.key.view().end()));
  ASSERT_FALSE(kstore::password_entry_key(kstore::Password(), key).has_value());
  EXPECT_TRUE(key.key.empty());
  const auto refused = kstore::password_entry_key(kstore::Password::from_utf8("s\xc3\xa9"), key);
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(JdkException::kInvalidKeySpec, refused->exception);
  EXPECT_EQ("Password is not ASCII", refused->message);
  // The empty password entry is sealed and unsealed in both formats.
  for (kstore::StoreType t : {kstore::StoreType::kJceks, kstore::StoreType::kPkcs12}) {
    SCOPED_TRACE(kstore::store_type_name(t));
    kstore::SecretKeyMaterial empty;
    ASSERT_FALSE(kstore::password_entry_key(kstore::Password(), empty).has_value());
    auto sealed = kstore::seal_secret_key(t, empty, kstore::Password::from_utf8("changeit"));
    ASSERT_TRUE(sealed.ok()) << sealed.status().to_string();
    auto opened = kstore::unseal_secret_key(*sealed, kstore::Password::from_utf8("changeit"));
    ASSERT_TRUE(opened.ok()) << opened.status().to_string();
    EXPECT_EQ("PBEWithMD5AndDES", opened->algorithm);
    EXPECT_TRUE(opened->key.empty());
  }
}

TEST(SecretKeyRules, PasswordEntryProtection) {
  kstore::SealParams params;
  EXPECT_EQ("unsupported password protection algorithm",
            kstore::password_entry_protection(kstore::StoreType::kJceks, "PBEWithHmacSHA256AndAES_128", {}, params)
                ->message);
  ASSERT_FALSE(
      kstore::password_entry_protection(kstore::StoreType::kPkcs12, "PBEWithSHA1AndDESede", {}, params).has_value());
  EXPECT_EQ(kstore::PbeScheme::kPbeWithSha1AndDesede, params.pkcs12_encryption.scheme);
  EXPECT_TRUE(kstore::password_entry_protection(kstore::StoreType::kPkcs12, "PBEWithFoo", {}, params).has_value());
}

TEST(StorePasswordChange, Pkcs12KeysAreResealedUnderTheNewPassword) {
  const kstore::Password old_pw = kstore::Password::from_utf8("changeit");
  const kstore::Password new_pw = kstore::Password::from_utf8("newpass1");
  kstore::Keystore store(kstore::StoreType::kPkcs12);
  for (const char* alias : {"a", "b"}) {
    kstore::SecretKeyMaterial key;
    ASSERT_FALSE(kstore::password_entry_key(kstore::Password::from_utf8(alias), key).has_value());
    kstore::Entry e;
    e.alias = alias;
    e.type = kstore::EntryType::kSecretKey;
    e.key = *kstore::seal_secret_key(kstore::StoreType::kPkcs12, key, old_pw);
    store.put(std::move(e));
  }
  const kstore::SealParams params = kstore::pkcs12_seal_params(kstore::pkcs12_profile_protection(kstore::Pkcs12Profile::kLegacy));
  // A wrong old password changes nothing.
  const kstore::Keystore before = store;
  EXPECT_EQ(kstore::ErrorCode::kBadPassword,
            kstore::change_store_password(store, new_pw, new_pw, params, 1000).code());
  EXPECT_TRUE(store.entries()[0].key->encoded == before.entries()[0].key->encoded);
  ASSERT_TRUE(kstore::change_store_password(store, old_pw, new_pw, params, 1000).ok());
  for (size_t i = 0; i < 2; ++i) {
    const kstore::Entry& e = store.entries()[i];
    EXPECT_EQ(1000 + static_cast<int64_t>(i), e.creation_time_ms);
    auto opened = kstore::unseal_secret_key(*e.key, new_pw);
    ASSERT_TRUE(opened.ok()) << opened.status().to_string();
    EXPECT_EQ(e.alias, std::string(opened->key.view().begin(), opened->key.view().end()));
  }
}

TEST(StorePasswordChange, Jdk17WritesPkcs12OnlyUnderPasswordsItsPbeKeyTakes) {
  const kstore::Password nonascii = kstore::Password::from_utf8("p\xc3\xa4sswort");
  kstore::Keystore empty(kstore::StoreType::kPkcs12);
  empty.pkcs12_protection() = kstore::pkcs12_profile_protection(kstore::Pkcs12Profile::kModern);
  EXPECT_FALSE(kstore::jdk17_pkcs12_password_refusal(empty, kstore::Password::from_utf8("changeit"), true));
  const auto adding = kstore::jdk17_pkcs12_password_refusal(empty, nonascii, true);
  ASSERT_TRUE(adding.has_value());
  EXPECT_EQ(JdkException::kKeyStore, adding->exception);
  const auto mac = kstore::jdk17_pkcs12_password_refusal(empty, nonascii, false);
  ASSERT_TRUE(mac.has_value());
  EXPECT_EQ("calculateMac failed: java.io.IOException: getSecretKey failed: Password is not ASCII", mac->message);
  kstore::Keystore jks(kstore::StoreType::kJks);
  EXPECT_FALSE(kstore::jdk17_pkcs12_password_refusal(jks, nonascii, true));
}

}  // namespace
