// JKS/JCEKS loading against the keytool-made fixtures (testdata/jks/make.sh;
// expected.tsv = the JDK 17 KeyStore API's view): entries, store and key
// passwords, the digest, byte-identical saving, and truncated or corrupted
// copies that must fail cleanly.
#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "crypto/crypto.h"
#include "jks/jks.h"
#include "jks/jks_format.h"
#include "support/fixtures.h"
#include "support/jks_fixtures.h"
#include "support/truncation.h"

namespace kstore::jks {
namespace {

using testing::jks_fixtures::backend;
using testing::jks_fixtures::fixture;
using testing::jks_fixtures::fixture_passwords;
using testing::jks_fixtures::load_fixture;
using testing::jks_fixtures::type_of;

std::string sha256(ByteView b) { return to_hex(crypto::digest(crypto::HashAlg::kSha256, b)); }

// The SHA-256 of the unsealed key (PKCS#8 for private keys, raw for secret
// keys) and its algorithm name ("-" for private keys), trying each password.
Result<std::pair<std::string, std::string>> unseal_hash(const Entry& e, const std::vector<std::string>& passwords) {
  Status last = Status::NotFound("no password");
  for (const std::string& p : passwords) {
    const Password pw = Password::from_utf8(p);
    if (e.type == EntryType::kSecretKey) {
      auto k = jks::unseal_secret_key(backend(), *e.key, pw, Limits{});
      if (k.ok()) return std::make_pair(k->algorithm, sha256(k->key));
      last = k.status();
    } else {
      auto k = jks::unseal_private_key(backend(), *e.key, pw, Limits{});
      if (k.ok()) return std::make_pair(std::string("-"), sha256(*k));
      last = k.status();
    }
  }
  return last;
}

TEST(JksFixtures, MatchTheJdkView) {
  std::istringstream tsv(kstore::testing::testdata_text("jks/expected.tsv"));
  std::map<std::string, Keystore> stores;
  std::map<std::string, size_t> expected_counts;
  std::string line;
  size_t lines = 0;
  while (std::getline(tsv, line)) {
    std::vector<std::string> f;
    std::stringstream fields(line);
    for (std::string cell; std::getline(fields, cell, '\t');) f.push_back(cell);
    if (f.size() == 6) f.push_back("");
    ASSERT_EQ(f.size(), 7u) << line;
    ++lines;
    const std::string& file = f[0];
    SCOPED_TRACE(file + " " + f[1]);
    if (!stores.count(file)) stores.emplace(file, load_fixture(file));
    ++expected_counts[file];
    const Keystore& ks = stores.at(file);
    EXPECT_TRUE(ks.load_info().integrity_checked);
    const Entry* e = ks.find(f[1]);
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->alias, f[1]);  // exactly, not by the case-insensitive rule
    EXPECT_EQ(entry_type_name(e->type), f[2]);
    EXPECT_EQ(e->creation_time_ms, std::stoll(f[3]));
    std::string chain;
    for (const Certificate& c : e->chain) {
      EXPECT_EQ(c.type, "X.509");
      chain += (chain.empty() ? "" : ",") + sha256(c.encoded);
    }
    EXPECT_EQ(chain, f[6]);
    if (e->type == EntryType::kTrustedCert) continue;
    ASSERT_TRUE(e->key.has_value());
    auto unsealed = unseal_hash(*e, fixture_passwords().at(file).keys);
    ASSERT_TRUE(unsealed.ok()) << unsealed.status().to_string();
    if (e->type == EntryType::kSecretKey) {
      EXPECT_EQ(unsealed->first, f[4]);
    }
    EXPECT_EQ(unsealed->second, f[5]);
  }
  EXPECT_EQ(lines, 18u);
  for (const auto& [file, count] : expected_counts) EXPECT_EQ(stores.at(file).size(), count) << file;
}

TEST(JksFixtures, KeyProtectionFollowsTheStoreType) {
  Keystore jks = load_fixture("rsa2048.jks");
  EXPECT_EQ(jks.type(), StoreType::kJks);
  EXPECT_EQ(jks.entries()[0].key->protection, KeyProtection::kJksKeyProtector);
  Keystore jceks = load_fixture("mixed.jceks");
  EXPECT_EQ(jceks.type(), StoreType::kJceks);
  EXPECT_EQ(jceks.find("rsa")->key->protection, KeyProtection::kJcePbe);
  EXPECT_EQ(jceks.find("aes128")->key->protection, KeyProtection::kJceSealedObject);
}

TEST(JksFixtures, LoadAndSaveIsByteIdentical) {
  for (const auto& [name, passwords] : fixture_passwords()) {
    SCOPED_TRACE(name);
    const Bytes original = fixture(name);
    const Password pw = Password::from_utf8(passwords.store);
    auto ks = load(backend(), original, type_of(name), &pw, Limits{});
    ASSERT_TRUE(ks.ok()) << ks.status().to_string();
    auto saved = save(backend(), *ks, pw, Limits{});
    ASSERT_TRUE(saved.ok()) << saved.status().to_string();
    EXPECT_EQ(sha256(*saved), sha256(original));
  }
}

TEST(JksFixtures, WrongStorePasswordIsIntegrityFailure) {
  for (const char* name : {"rsa2048.jks", "mixed.jceks"}) {
    SCOPED_TRACE(name);
    const Password wrong = Password::from_utf8("changeiT");
    auto ks = load(backend(), fixture(name), type_of(name), &wrong, Limits{});
    ASSERT_FALSE(ks.ok());
    EXPECT_EQ(ks.status().code(), ErrorCode::kIntegrityFailure);
    EXPECT_EQ(ks.status().message(), "Keystore was tampered with, or password was incorrect");
  }
}

TEST(JksFixtures, TamperedBodyIsIntegrityFailure) {
  Bytes file = fixture("ec_p256.jks");
  file[60] ^= 0x01;  // inside the protected key
  const Password pw = Password::from_utf8("changeit");
  auto ks = load(backend(), file, StoreType::kJks, &pw, Limits{});
  ASSERT_FALSE(ks.ok());
  EXPECT_EQ(ks.status().code(), ErrorCode::kIntegrityFailure);
}

TEST(JksFixtures, WrongKeyPasswordIsBadPassword) {
  struct Case {
    const char* file;
    const char* alias;
  };
  for (const Case& c : {Case{"keypass_differs.jks", "mykey"}, Case{"keypass_differs.jceks", "ec"},
                        Case{"keypass_differs.jceks", "aes256"}}) {
    SCOPED_TRACE(std::string(c.file) + " " + c.alias);
    Keystore ks = load_fixture(c.file);
    const Entry* e = ks.find(c.alias);
    ASSERT_NE(e, nullptr);
    auto got = unseal_hash(*e, {"storepass1"});
    ASSERT_FALSE(got.ok());
    EXPECT_EQ(got.status().code(), ErrorCode::kBadPassword);
    EXPECT_EQ(got.status().message(), "Cannot recover key");
  }
}

TEST(JksFixtures, EveryTruncationFailsCleanly) {
  for (const char* name : {"chain.jks", "mixed.jceks"}) {
    SCOPED_TRACE(name);
    const Bytes good = fixture(name);
    const Password pw = Password::from_utf8("changeit");
    ASSERT_NO_FATAL_FAILURE(kstore::testing::for_each_truncation(good, [&](ByteView prefix, size_t len) {
      auto ks = load(backend(), prefix, type_of(name), &pw, Limits{});
      ASSERT_FALSE(ks.ok());
      // The file ends early wherever it is cut: kTruncated, which kstool
      // explains as a file cut short.
      EXPECT_EQ(ks.status().code(), ErrorCode::kTruncated) << ks.status().to_string();
      // Without a password the digest is never read, as in the JDK: only a
      // cut inside the entries fails.
      auto unchecked = load(backend(), prefix, type_of(name), nullptr, Limits{});
      EXPECT_EQ(unchecked.ok(), len >= good.size() - kDigestSize) << unchecked.status().to_string();
    }));
  }
}

TEST(JksFixtures, CorruptedBytesFailCleanly) {
  // Without a password nothing is authenticated, so every corrupted byte
  // reaches the parsers (including the serialization streams).
  for (const char* name : {"chain.jks", "mixed.jceks"}) {
    const Bytes good = fixture(name);
    for (size_t i = 0; i < good.size(); ++i) {
      for (uint8_t mask : {0x01, 0xff}) {
        Bytes bad = good;
        bad[i] ^= mask;
        auto ks = load(backend(), bad, type_of(name), nullptr, Limits{});
        if (!ks.ok()) {
          ASSERT_NE(ks.status().code(), ErrorCode::kInternal) << name << " byte " << i;
        }
      }
    }
  }
}

TEST(JksFixtures, BytesAfterTheDigestAreIgnored) {
  Bytes file = fixture("chain.jks");
  file.insert(file.end(), {0xde, 0xad, 0xbe, 0xef});
  const Password pw = Password::from_utf8("changeit");
  auto ks = load(backend(), file, StoreType::kJks, &pw, Limits{});
  ASSERT_TRUE(ks.ok()) << ks.status().to_string();
  EXPECT_TRUE(ks->load_info().integrity_checked);
  EXPECT_EQ(ks->size(), 2u);
  const Password wrong = Password::from_utf8("wrong!");
  auto bad = load(backend(), file, StoreType::kJks, &wrong, Limits{});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::kIntegrityFailure);
}

TEST(JksFixtures, WithoutPasswordTheDigestIsNotChecked) {
  Bytes file = fixture("chain.jks");
  file.back() ^= 0xff;
  auto ks = load(backend(), file, StoreType::kJks, nullptr, Limits{});
  ASSERT_TRUE(ks.ok()) << ks.status().to_string();
  EXPECT_FALSE(ks->load_info().integrity_checked);
  EXPECT_EQ(ks->size(), 2u);
}

TEST(JksFixtures, MagicDecidesWhichTypesOpenAFile) {
  const Password pw = Password::from_utf8("changeit");
  auto jceks_as_jks = load(backend(), fixture("mixed.jceks"), StoreType::kJks, &pw, Limits{});
  ASSERT_FALSE(jceks_as_jks.ok());
  EXPECT_EQ(jceks_as_jks.status().code(), ErrorCode::kMalformed);
  EXPECT_EQ(jceks_as_jks.status().message(), "Invalid keystore format");

  // JceKeyStore reads JKS files; the store is then JCEKS and saves as one.
  auto jks_as_jceks = load(backend(), fixture("rsa2048.jks"), StoreType::kJceks, &pw, Limits{});
  ASSERT_TRUE(jks_as_jceks.ok()) << jks_as_jceks.status().to_string();
  EXPECT_EQ(jks_as_jceks->type(), StoreType::kJceks);
  const Entry& e = jks_as_jceks->entries()[0];
  EXPECT_EQ(e.key->protection, KeyProtection::kJksKeyProtector);
  auto key = jks::unseal_private_key(backend(), *e.key, pw, Limits{});
  ASSERT_TRUE(key.ok()) << key.status().to_string();
  auto saved = save(backend(), *jks_as_jceks, pw, Limits{});
  ASSERT_TRUE(saved.ok());
  EXPECT_EQ(to_hex(ByteView(*saved).first(4)), "cececece");
  auto reloaded = load(backend(), *saved, StoreType::kJceks, &pw, Limits{});
  ASSERT_TRUE(reloaded.ok());
  EXPECT_TRUE(jks::unseal_private_key(backend(), *reloaded->entries()[0].key, pw, Limits{}).ok());
}

}  // namespace
}  // namespace kstore::jks
