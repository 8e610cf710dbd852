// JCEKS secret keys and PBEWithMD5AndTripleDES private keys: exact JDK byte
// layouts (docs/formats.md, "JCEKS: sealed secret keys"), sealing round
// trips, and keytool reading what kstore writes.
#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <vector>

#include "crypto/crypto.h"
#include "jks/jks.h"
#include "jks/sealed_object.h"
#include "pbe/jce_pbe.h"
#include "support/corpus.h"
#include "support/fixtures.h"
#include "support/keytool_import.h"
#include "support/must.h"
#include "support/truncation.h"

namespace kstore::jks {
namespace {

// The format functions run on the build's default backend in these tests.
const crypto::Backend& backend() { return crypto::default_backend(); }

Keystore load_path(const std::string& path, const char* password) {
  const Password pw = Password::from_utf8(password);
  return kstore::testing::must(load(backend(), kstore::testing::file_bytes(path), StoreType::kJceks, &pw, Limits{}), path);
}

Keystore mixed() { return load_path(kstore::testing::testdata_path("jks/mixed.jceks"), "changeit"); }

// The decrypted SealedObject content: the serialized key object as the JDK wrote it.
SecretBytes inner_stream(const SealedKey& key, const char* password) {
  const auto fields = kstore::testing::must(read_sealed_object(key.encoded, Limits{}), "sealed object");
  const auto params = kstore::testing::must(pbe::parse_jce_pbe_params(*fields.encoded_params, Limits{}), "parameters");
  return kstore::testing::must(pbe::jce_pbe_decrypt(crypto::default_backend(), Password::from_utf8(password), params,
                                            *fields.encrypted_content, Limits{}),
                       "decryption");
}

TEST(JceksSealedObject, KeyObjectsAreWrittenAsTheJdkWritesThem) {
  // AES and HmacSHA256 are SecretKeySpec; DESede, DES and the -importpass
  // PBE key went through KeyRep.
  Keystore ks = mixed();
  for (const char* alias : {"aes128", "hmac", "desede", "des", "password"}) {
    SCOPED_TRACE(alias);
    const Entry* e = ks.find(alias);
    ASSERT_NE(e, nullptr);
    const SecretBytes jdk = inner_stream(*e->key, "changeit");
    auto key = jks::unseal_secret_key(backend(), *e->key, Password::from_utf8("changeit"), Limits{});
    ASSERT_TRUE(key.ok()) << key.status().to_string();
    auto ours = write_secret_key_object(*key);
    ASSERT_TRUE(ours.ok());
    EXPECT_EQ(to_hex(*ours), to_hex(jdk));
  }
}

TEST(JceksSealedObject, CorruptedKeyObjectsFailCleanly) {
  Keystore ks = mixed();
  for (const char* alias : {"aes128", "desede"}) {  // one SecretKeySpec, one KeyRep
    const SecretBytes good = inner_stream(*ks.find(alias)->key, "changeit");
    for (size_t i = 0; i < good.size(); ++i) {
      for (uint8_t mask : {0x01, 0xff}) {
        SecretBytes bad = good.clone();
        bad[i] ^= mask;
        auto key = read_secret_key_object(bad, Limits{});
        if (!key.ok()) {
          ASSERT_NE(key.status().code(), ErrorCode::kInternal) << alias << " byte " << i;
        }
      }
    }
    ASSERT_NO_FATAL_FAILURE(kstore::testing::for_each_truncation(good.view(), [&](ByteView prefix, size_t) {
      ASSERT_FALSE(read_secret_key_object(prefix, Limits{}).ok()) << alias;
    }));
  }
}

TEST(JceksSealedObject, OuterStreamIsWrittenAsTheJdkWritesIt) {
  std::vector<SealedKey> keys;
  const Keystore fixture = mixed();
  for (const Entry& e : fixture.entries())
    if (e.type == EntryType::kSecretKey) keys.push_back(*e.key);
  ASSERT_EQ(keys.size(), 5u);
  if (testing::corpus::available()) {  // and a JDK 8 file
    const Keystore jdk8 = load_path(testing::corpus::corpus_dir() + "/pyjks/AES128.jceks", "12345678");
    ASSERT_EQ(jdk8.size(), 1u);
    ASSERT_TRUE(jdk8.entries()[0].key.has_value());
    keys.push_back(*jdk8.entries()[0].key);
  }
  for (const SealedKey& key : keys) {
    auto fields = read_sealed_object(key.encoded, Limits{});
    ASSERT_TRUE(fields.ok()) << fields.status().to_string();
    EXPECT_EQ(fields->stream_size, key.encoded.size());
    EXPECT_EQ(fields->params_alg, "PBEWithMD5AndTripleDES");
    EXPECT_EQ(fields->seal_alg, "PBEWithMD5AndTripleDES");
    auto ours = write_sealed_object(*fields->encoded_params, *fields->encrypted_content);
    ASSERT_TRUE(ours.ok());
    EXPECT_EQ(to_hex(*ours), to_hex(key.encoded));
  }
}

TEST(JceksSealedObject, SealUnsealRoundTrip) {
  const Password pw = Password::from_utf8("secret-pw");
  SealParams params;
  params.jceks_iterations = 1000;
  struct Case {
    const char* algorithm;
    size_t bytes;
  };
  for (const Case& c : {Case{"AES", 16}, Case{"AES", 32}, Case{"HmacSHA256", 32}, Case{"DESede", 24},
                        Case{"DES", 8}, Case{"PBEWithMD5AndDES", 11}, Case{"Blowfish", 7}}) {
    SCOPED_TRACE(c.algorithm);
    SecretBytes raw(c.bytes);
    ASSERT_TRUE(crypto::default_backend().random(raw.mutable_view()).ok());
    const SecretKeyMaterial key{c.algorithm, raw.clone()};
    auto sealed = jks::seal_secret_key(backend(), key, pw, params);
    ASSERT_TRUE(sealed.ok()) << sealed.status().to_string();
    EXPECT_EQ(sealed->protection, KeyProtection::kJceSealedObject);
    auto back = jks::unseal_secret_key(backend(), *sealed, pw, Limits{});
    ASSERT_TRUE(back.ok()) << back.status().to_string();
    EXPECT_EQ(back->algorithm, c.algorithm);
    EXPECT_TRUE(equal_bytes(back->key, raw));
    auto wrong = jks::unseal_secret_key(backend(), *sealed, Password::from_utf8("secret-pW"), Limits{});
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.status().code(), ErrorCode::kBadPassword);
  }
}

TEST(JceksSealedObject, SealsWithTheRequestedIterationsAndJdk17Defaults) {
  EXPECT_EQ(SealParams{}.jceks_iterations, 200000u);  // jdk.jceks.iterationCount's default
  SecretBytes raw(16);
  SealParams params;
  params.jceks_iterations = 12345;
  auto sealed = jks::seal_secret_key(backend(), SecretKeyMaterial{"AES", raw.clone()}, Password::from_utf8("pw"), params);
  ASSERT_TRUE(sealed.ok());
  auto fields = read_sealed_object(sealed->encoded, Limits{});
  ASSERT_TRUE(fields.ok());
  auto pbe_params = pbe::parse_jce_pbe_params(*fields->encoded_params, Limits{});
  ASSERT_TRUE(pbe_params.ok());
  EXPECT_EQ(pbe_params->iterations, 12345u);
  EXPECT_EQ(pbe_params->salt.size(), 8u);
  // An AES-128 SecretKeySpec stream pads to 144 bytes, as in the JDK's files.
  EXPECT_EQ(fields->encrypted_content->size(), 144u);
}

TEST(JceksSealedObject, RefusesWhatJdk17CannotRead) {
  SecretBytes raw(16);
  SealParams params;
  params.jceks_iterations = 10;
  auto non_ascii = jks::seal_secret_key(backend(), SecretKeyMaterial{"AES", raw.clone()}, Password::from_utf8("päss"), params);
  ASSERT_FALSE(non_ascii.ok());
  EXPECT_EQ(non_ascii.status().code(), ErrorCode::kInvalidArgument);
  for (uint64_t n : {uint64_t{0}, uint64_t{5'000'001}}) {
    params.jceks_iterations = n;
    auto bad = jks::seal_secret_key(backend(), SecretKeyMaterial{"AES", raw.clone()}, Password::from_utf8("pw"), params);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.status().code(), ErrorCode::kInvalidArgument);
  }
  params.jceks_iterations = 10;
  auto empty = jks::seal_secret_key(backend(), SecretKeyMaterial{"AES", SecretBytes()}, Password::from_utf8("pw"), params);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), ErrorCode::kInvalidArgument);
}

TEST(JceksSealedObject, UnknownSealAlgorithmIsUnsupported) {
  SecretBytes raw(16);
  SealParams params;
  params.jceks_iterations = 10;
  auto sealed = jks::seal_secret_key(backend(), SecretKeyMaterial{"AES", raw.clone()}, Password::from_utf8("pw"), params);
  ASSERT_TRUE(sealed.ok());
  // Replace the final TC_STRING (sealAlg) with "nonsense", as pyjks' crafted file does.
  Bytes bytes = sealed->encoded;
  bytes.resize(bytes.size() - (3 + 22));
  for (uint8_t b : {0x74, 0x00, 0x08}) bytes.push_back(b);
  for (char c : std::string("nonsense")) bytes.push_back(static_cast<uint8_t>(c));
  auto key = jks::unseal_secret_key(backend(), SealedKey{KeyProtection::kJceSealedObject, bytes}, Password::from_utf8("pw"), Limits{});
  ASSERT_FALSE(key.ok());
  EXPECT_EQ(key.status().code(), ErrorCode::kUnsupported);
  EXPECT_NE(key.status().message().find("nonsense"), std::string::npos);
}

TEST(JceksSealedObject, IterationLimitIsCheckedBeforeDeriving) {
  Limits tight;
  tight.max_kdf_iterations = 9999;  // the fixture used 10000
  Keystore ks = mixed();
  auto secret = jks::unseal_secret_key(backend(), *ks.find("aes128")->key, Password::from_utf8("changeit"), tight);
  ASSERT_FALSE(secret.ok());
  EXPECT_EQ(secret.status().code(), ErrorCode::kLimitExceeded);
  auto priv = jks::unseal_private_key(backend(), *ks.find("rsa")->key, Password::from_utf8("changeit"), tight);
  ASSERT_FALSE(priv.ok());
  EXPECT_EQ(priv.status().code(), ErrorCode::kLimitExceeded);
}

TEST(JceksPrivateKey, SealsWithPbeWithMd5AndTripleDes) {
  Keystore ks = mixed();
  auto pkcs8 = jks::unseal_private_key(backend(), *ks.find("rsa")->key, Password::from_utf8("changeit"), Limits{});
  ASSERT_TRUE(pkcs8.ok());
  SealParams params;
  params.jceks_iterations = 2000;
  const Password pw = Password::from_utf8("other-pw");
  auto sealed = jks::seal_private_key(backend(), StoreType::kJceks, *pkcs8, pw, params);
  ASSERT_TRUE(sealed.ok()) << sealed.status().to_string();
  EXPECT_EQ(sealed->protection, KeyProtection::kJcePbe);
  // AlgorithmIdentifier { OID 1.3.6.1.4.1.42.2.19.1, PBEParameter { salt(8), 2000 } }
  EXPECT_NE(to_hex(sealed->encoded).find("06092b060104012a021301300e0408"), std::string::npos);
  auto back = jks::unseal_private_key(backend(), *sealed, pw, Limits{});
  ASSERT_TRUE(back.ok());
  EXPECT_TRUE(equal_bytes(*back, *pkcs8));
  auto wrong = jks::unseal_private_key(backend(), *sealed, Password::from_utf8("other-pW"), Limits{});
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.status().code(), ErrorCode::kBadPassword);
  // A JKS-protected key is recovered through the JCEKS path too.
  auto jks_key = jks::seal_private_key(backend(), StoreType::kJks, *pkcs8, pw, params);
  ASSERT_TRUE(jks_key.ok());
  EXPECT_TRUE(jks::unseal_private_key(backend(), *jks_key, pw, Limits{}).ok());
}

TEST(JceksWrite, SealedKeyBytesMustBeExactlyOneStream) {
  Keystore ks = mixed();
  Entry e = *ks.find("aes128");
  e.key->encoded.push_back(0x70);
  Keystore bad(StoreType::kJceks);
  bad.append(e);
  auto saved = save(backend(), bad, Password::from_utf8("changeit"), Limits{});
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.status().code(), ErrorCode::kInvalidArgument);
  e.key->encoded.resize(10);
  Keystore worse(StoreType::kJceks);
  worse.append(e);
  EXPECT_FALSE(save(backend(), worse, Password::from_utf8("changeit"), Limits{}).ok());
}

TEST(JceksKeytool, ReadsWhatKstoreWrites) {
  if (!kstore::testing::have_keytool()) GTEST_SKIP() << "keytool not installed";
  const Password pw = Password::from_utf8("changeit");
  SealParams params;
  params.jceks_iterations = 10000;
  Keystore source = mixed();
  Keystore ks(StoreType::kJceks);
  auto pkcs8 = jks::unseal_private_key(backend(), *source.find("rsa")->key, pw, Limits{});
  ASSERT_TRUE(pkcs8.ok());
  auto rsa = jks::seal_private_key(backend(), StoreType::kJceks, *pkcs8, pw, params);
  ASSERT_TRUE(rsa.ok());
  Entry key_entry = *source.find("rsa");
  key_entry.alias = "new-rsa";
  key_entry.key = *rsa;
  ks.append(key_entry);
  for (const char* alg : {"AES", "HmacSHA256", "DESede"}) {
    SecretBytes raw(std::string_view(alg) == "DESede" ? 24 : 32);
    ASSERT_TRUE(crypto::default_backend().random(raw.mutable_view()).ok());
    auto sealed = jks::seal_secret_key(backend(), SecretKeyMaterial{alg, std::move(raw)}, pw, params);
    ASSERT_TRUE(sealed.ok());
    Entry e;
    e.alias = std::string("new-") + alg;
    for (char& c : e.alias) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    e.type = EntryType::kSecretKey;
    e.key = *sealed;
    ks.append(e);
  }
  ks.append(*source.find("cert"));
  auto saved = save(backend(), ks, pw, Limits{});
  ASSERT_TRUE(saved.ok()) << saved.status().to_string();
  const kstore::testing::KeytoolImport imported = kstore::testing::keytool_import(*saved, "JCEKS", "changeit");
  EXPECT_EQ(imported.exit_code, 0) << imported.output;
  EXPECT_NE(imported.output.find("5 entries successfully imported, 0 entries failed or cancelled"), std::string::npos)
      << imported.output;
}

}  // namespace
}  // namespace kstore::jks
