// Every JKS and JCEKS file of the interoperability corpus
// (support/corpus.h, expected.json): kstore must load it as the
// JDK 17 KeyStore API did, list the same entries, unseal the same key bytes,
// and write a JDK-made file back byte for byte.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "support/must.h"
#include "crypto/crypto.h"
#include "jks/jks.h"
#include "support/corpus.h"
#include "support/json.h"

namespace kstore::jks {
namespace {

// The format functions run on the build's default backend in these tests.
const crypto::Backend& backend() { return crypto::default_backend(); }

namespace json = kstore::testing::json;
namespace corpus = kstore::testing::corpus;

std::vector<const json::Value*> jks_files() {
  std::vector<const json::Value*> out;
  const json::Value* files = corpus::document().find("files");
  if (files == nullptr) return out;
  for (const json::Value& f : files->as_array()) {
    const json::Value& format = f["format"];
    if (format.is_string() && (format.as_string() == "jks" || format.as_string() == "jceks")) out.push_back(&f);
  }
  return out;
}

std::string sha256(ByteView b) { return corpus::sha256_hex(b); }

std::string text_of(const json::Value& j) { return j.is_string() ? j.as_string() : std::string(); }

TEST(JksCorpus, HasEveryJksAndJceksFile) {
  if (!corpus::available()) GTEST_SKIP() << corpus::unavailable_message();
  // 33 JKS and 17 JCEKS by content (README "Coverage").
  EXPECT_EQ(jks_files().size(), 50u);
}

TEST(JksCorpus, LoadsAsTheJdkDoes) {
  if (!corpus::available()) GTEST_SKIP() << corpus::unavailable_message();
  const std::vector<const json::Value*> files = jks_files();
  ASSERT_FALSE(files.empty());
  size_t keys_checked = 0, secrets_checked = 0, round_trips = 0;
  for (const json::Value* f : files) {
    const std::string file = text_of((*f)["file"]);
    SCOPED_TRACE(file);
    const bool is_jceks = text_of((*f)["format"]) == "jceks";
    const Bytes bytes = kstore::testing::must(corpus::read_corpus_file(file));
    ASSERT_FALSE(bytes.empty());
    const json::Value& store_pw_json = (*f)["storePassword"];
    const std::optional<Password> store_pw = corpus::password_from(store_pw_json);
    auto ks = load(backend(), bytes, is_jceks ? StoreType::kJceks : StoreType::kJks, store_pw ? &*store_pw : nullptr, Limits{});

    // The JDK's verdict is the reference (pyjks alone rejects duplicate aliases).
    const std::string jdk = text_of((*f)["toolResults"]["jdk17_keystore_api"]);
    if (!jdk.starts_with("ok")) {
      ASSERT_FALSE(ks.ok());
      EXPECT_EQ(ks.status().code(), ErrorCode::kMalformed);
      EXPECT_NE(ks.status().message().find("Invalid secret key format"), std::string::npos)
          << ks.status().to_string();
      continue;
    }
    ASSERT_TRUE(ks.ok()) << ks.status().to_string();
    EXPECT_EQ(ks->load_info().integrity_checked, store_pw.has_value());
    const json::Value* entries = f->find("entries");
    ASSERT_NE(entries, nullptr);
    ASSERT_EQ(ks->size(), entries->size());
    for (const json::Value& want : entries->as_array()) {
      const std::string alias = text_of(want["alias"]);
      SCOPED_TRACE(alias);
      const Entry* e = nullptr;
      for (const Entry& candidate : ks->entries())
        if (candidate.alias == alias) e = &candidate;
      ASSERT_NE(e, nullptr);
      const std::string type = text_of(want["type"]);
      if (type.starts_with("KeyEntry")) {
        EXPECT_EQ(e->type, EntryType::kPrivateKey);  // openjdk/SecretKeyKS.jks: listed, not recoverable
      } else {
        EXPECT_EQ(entry_type_name(e->type), type);
      }
      std::vector<std::string> chain;
      for (const Certificate& c : e->chain) chain.push_back(sha256(c.encoded));
      std::vector<std::string> want_chain;
      if (const json::Value* c = want.find("chainSha256"))
        for (const json::Value& h : c->as_array()) want_chain.push_back(h.as_string());
      EXPECT_EQ(chain, want_chain);
      if (const json::Value& ts = want["timestampMs"]; ts.is_int()) {
        EXPECT_EQ(e->creation_time_ms, ts.as_int());
      }

      const json::Value& key_pw_json = want["keyPassword"];
      const std::string key_pw_text = key_pw_json.is_string() ? key_pw_json.as_string() : text_of(store_pw_json);
      const Password key_pw = Password::from_utf8(key_pw_text);
      if (const json::Value& h = want["keyPkcs8Sha256"]; h.is_string()) {
        auto pkcs8 = jks::unseal_private_key(backend(), *e->key, key_pw, Limits{});
        ASSERT_TRUE(pkcs8.ok()) << pkcs8.status().to_string();
        EXPECT_EQ(sha256(*pkcs8), h.as_string());
        ++keys_checked;
        if (key_pw_json.is_string()) {
          auto wrong = jks::unseal_private_key(backend(), *e->key, Password::from_utf8(key_pw_text + "x"), Limits{});
          ASSERT_FALSE(wrong.ok());
          EXPECT_EQ(wrong.status().code(), ErrorCode::kBadPassword);
        }
      } else if (const json::Value& s = want["secretKeySha256"]; s.is_string()) {
        auto secret = jks::unseal_secret_key(backend(), *e->key, key_pw, Limits{});
        ASSERT_TRUE(secret.ok()) << secret.status().to_string();
        EXPECT_EQ(sha256(secret->key), s.as_string());
        EXPECT_EQ(secret->algorithm, text_of(want["secretKeyAlgorithm"]));
        if (const json::Value& bits = want["secretKeyBits"]; bits.is_int()) {
          EXPECT_EQ(static_cast<int64_t>(secret->key.size() * 8), bits.as_int());
        }
        ++secrets_checked;
      } else if (e->type == EntryType::kPrivateKey) {
        auto pkcs8 = jks::unseal_private_key(backend(), *e->key, key_pw, Limits{});
        ASSERT_FALSE(pkcs8.ok());
        EXPECT_EQ(pkcs8.status().code(), ErrorCode::kMalformed) << pkcs8.status().to_string();
      }
    }

    if (ks->load_info().duplicate_aliases_dropped > 0) {
      EXPECT_TRUE(file.find("duplicate_aliases") != std::string::npos);
      continue;
    }
    if (!store_pw) continue;
    auto saved = save(backend(), *ks, *store_pw, Limits{});
    ASSERT_TRUE(saved.ok()) << saved.status().to_string();
    if (is_jceks && bytes[0] == 0xfe) continue;  // a JKS file read as JCEKS is written as JCEKS
    EXPECT_EQ(sha256(*saved), sha256(bytes));
    ++round_trips;
  }
  // Enough of the corpus was exercised to mean something.
  EXPECT_GE(keys_checked, 40u);
  EXPECT_GE(secrets_checked, 6u);
  EXPECT_GE(round_trips, 40u);
}

TEST(JksCorpus, DuplicateAliasesKeepTheLast) {
  if (!corpus::available()) GTEST_SKIP() << corpus::unavailable_message();
  for (const char* name : {"pyjks/duplicate_aliases.jks", "pyjks/duplicate_aliases.jceks"}) {
    SCOPED_TRACE(name);
    const Password pw = Password::from_utf8("12345678");
    const Bytes bytes = kstore::testing::must(corpus::read_corpus_file(name));
    auto ks = load(backend(), bytes, std::string_view(name).ends_with("jceks") ? StoreType::kJceks : StoreType::kJks,
                   &pw, Limits{});
    ASSERT_TRUE(ks.ok()) << ks.status().to_string();
    EXPECT_EQ(ks->size(), 1u);
    EXPECT_EQ(ks->load_info().duplicate_aliases_dropped, 1u);
  }
}

}  // namespace
}  // namespace kstore::jks
