// Every JKS and JCEKS file of the interoperability corpus
// (/work/shared/interop-corpus, expected.json): kstore must load it as the
// JDK 17 KeyStore API did, list the same entries, unseal the same key bytes,
// and write a JDK-made file back byte for byte.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <map>
#include <memory>

#include "crypto/crypto.h"
#include "jks/jks.h"

namespace kstore::jks {
namespace {

// A JSON reader just large enough for expected.json. Numbers keep their text
// so that millisecond timestamps stay exact.
struct Json {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  bool boolean = false;
  std::string text;  // string contents (UTF-8) or number text
  std::vector<Json> items;
  std::vector<std::pair<std::string, Json>> members;

  const Json* get(std::string_view key) const {
    for (const auto& [k, v] : members)
      if (k == key) return &v;
    return nullptr;
  }
  bool is_null() const { return kind == Kind::kNull; }
};

class JsonParser {
 public:
  explicit JsonParser(std::string_view s) : s_(s) {}
  Json parse() {
    Json v = value();
    ws();
    if (pos_ != s_.size()) fail("trailing text");
    return v;
  }
  bool failed() const { return failed_; }

 private:
  void fail(const char*) { failed_ = true; pos_ = s_.size(); }
  void ws() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }
  bool eat(char c) {
    ws();
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  void put_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xc0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xe0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
      out += static_cast<char>(0x80 | (cp & 0x3f));
    } else {
      out += static_cast<char>(0xf0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
      out += static_cast<char>(0x80 | (cp & 0x3f));
    }
  }
  uint32_t hex4() {
    if (pos_ + 4 > s_.size()) {
      fail("short \\u");
      return 0;
    }
    const uint32_t v = static_cast<uint32_t>(std::stoul(std::string(s_.substr(pos_, 4)), nullptr, 16));
    pos_ += 4;
    return v;
  }
  std::string string() {
    std::string out;
    if (!eat('"')) fail("expected string");
    while (pos_ < s_.size() && s_[pos_] != '"') {
      char c = s_[pos_++];
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= s_.size()) break;
      c = s_[pos_++];
      switch (c) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          uint32_t cp = hex4();
          if (cp >= 0xd800 && cp <= 0xdbff && s_.substr(pos_, 2) == "\\u") {
            pos_ += 2;
            const uint32_t low = hex4();
            cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
          }
          put_utf8(out, cp);
          break;
        }
        default: out += c;
      }
    }
    if (pos_ >= s_.size()) fail("unterminated string");
    ++pos_;
    return out;
  }
  Json value() {
    ws();
    Json v;
    if (pos_ >= s_.size()) {
      fail("end of input");
      return v;
    }
    const char c = s_[pos_];
    if (c == '{') {
      ++pos_;
      v.kind = Json::Kind::kObject;
      if (eat('}')) return v;
      do {
        std::string key = string();
        if (!eat(':')) fail("expected :");
        v.members.emplace_back(std::move(key), value());
      } while (eat(','));
      if (!eat('}')) fail("expected }");
    } else if (c == '[') {
      ++pos_;
      v.kind = Json::Kind::kArray;
      if (eat(']')) return v;
      do v.items.push_back(value());
      while (eat(','));
      if (!eat(']')) fail("expected ]");
    } else if (c == '"') {
      v.kind = Json::Kind::kString;
      v.text = string();
    } else if (s_.substr(pos_, 4) == "null") {
      pos_ += 4;
    } else if (s_.substr(pos_, 4) == "true") {
      pos_ += 4;
      v.kind = Json::Kind::kBool;
      v.boolean = true;
    } else if (s_.substr(pos_, 5) == "false") {
      pos_ += 5;
      v.kind = Json::Kind::kBool;
    } else {
      v.kind = Json::Kind::kNumber;
      const size_t start = pos_;
      while (pos_ < s_.size() && std::string_view("+-.eE0123456789").find(s_[pos_]) != std::string_view::npos) ++pos_;
      if (pos_ == start) fail("unexpected character");
      v.text = std::string(s_.substr(start, pos_ - start));
    }
    return v;
  }

  std::string_view s_;
  size_t pos_ = 0;
  bool failed_ = false;
};

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

const Json& corpus() {
  static const Json kCorpus = [] {
    const std::string text = read_text(std::string(KSTORE_CORPUS_DIR) + "/expected.json");
    JsonParser p(text);
    Json j = p.parse();
    EXPECT_FALSE(p.failed());
    return j;
  }();
  return kCorpus;
}

std::vector<const Json*> jks_files() {
  std::vector<const Json*> out;
  const Json* files = corpus().get("files");
  if (files == nullptr) return out;
  for (const Json& f : files->items) {
    const Json* format = f.get("format");
    if (format && (format->text == "jks" || format->text == "jceks")) out.push_back(&f);
  }
  return out;
}

std::string sha256(ByteView b) { return to_hex(crypto::digest(crypto::HashAlg::kSha256, b)); }

std::string text_of(const Json* j) { return j && j->kind == Json::Kind::kString ? j->text : std::string(); }

TEST(JksCorpus, HasEveryJksAndJceksFile) {
  // 33 JKS and 17 JCEKS by content (README "Coverage").
  EXPECT_EQ(jks_files().size(), 50u);
}

TEST(JksCorpus, LoadsAsTheJdkDoes) {
  const std::vector<const Json*> files = jks_files();
  ASSERT_FALSE(files.empty());
  size_t keys_checked = 0, secrets_checked = 0, round_trips = 0;
  for (const Json* f : files) {
    const std::string file = text_of(f->get("file"));
    SCOPED_TRACE(file);
    const bool is_jceks = text_of(f->get("format")) == "jceks";
    const Bytes bytes = [&] {
      const std::string t = read_text(std::string(KSTORE_CORPUS_DIR) + "/" + file);
      return Bytes(t.begin(), t.end());
    }();
    ASSERT_FALSE(bytes.empty());
    const Json* store_pw_json = f->get("storePassword");
    std::optional<Password> store_pw;
    if (store_pw_json && !store_pw_json->is_null()) store_pw = Password::from_utf8(store_pw_json->text);
    auto ks = load(bytes, is_jceks ? StoreType::kJceks : StoreType::kJks, store_pw ? &*store_pw : nullptr, Limits{});

    // The JDK's verdict is the reference (pyjks alone rejects duplicate aliases).
    const std::string jdk = text_of(f->get("toolResults")->get("jdk17_keystore_api"));
    if (!jdk.starts_with("ok")) {
      ASSERT_FALSE(ks.ok());
      EXPECT_EQ(ks.status().code(), ErrorCode::kMalformed);
      EXPECT_NE(ks.status().message().find("Invalid secret key format"), std::string::npos)
          << ks.status().to_string();
      continue;
    }
    ASSERT_TRUE(ks.ok()) << ks.status().to_string();
    EXPECT_EQ(ks->load_info().integrity_checked, store_pw.has_value());
    const Json* entries = f->get("entries");
    ASSERT_NE(entries, nullptr);
    ASSERT_EQ(ks->size(), entries->items.size());
    for (const Json& want : entries->items) {
      const std::string alias = text_of(want.get("alias"));
      SCOPED_TRACE(alias);
      const Entry* e = nullptr;
      for (const Entry& candidate : ks->entries())
        if (candidate.alias == alias) e = &candidate;
      ASSERT_NE(e, nullptr);
      const std::string type = text_of(want.get("type"));
      if (type.starts_with("KeyEntry")) {
        EXPECT_EQ(e->type, EntryType::kPrivateKey);  // openjdk/SecretKeyKS.jks: listed, not recoverable
      } else {
        EXPECT_EQ(entry_type_name(e->type), type);
      }
      std::vector<std::string> chain;
      for (const Certificate& c : e->chain) chain.push_back(sha256(c.encoded));
      std::vector<std::string> want_chain;
      if (const Json* c = want.get("chainSha256")) for (const Json& h : c->items) want_chain.push_back(h.text);
      EXPECT_EQ(chain, want_chain);
      if (const Json* ts = want.get("timestampMs"); ts && ts->kind == Json::Kind::kNumber) {
        EXPECT_EQ(e->creation_time_ms, std::stoll(ts->text));
      }

      const Json* key_pw_json = want.get("keyPassword");
      const Password key_pw = Password::from_utf8(key_pw_json ? key_pw_json->text : store_pw_json->text);
      if (const Json* h = want.get("keyPkcs8Sha256"); h && h->kind == Json::Kind::kString) {
        auto pkcs8 = jks::unseal_private_key(*e->key, key_pw, Limits{});
        ASSERT_TRUE(pkcs8.ok()) << pkcs8.status().to_string();
        EXPECT_EQ(sha256(*pkcs8), h->text);
        ++keys_checked;
        if (key_pw_json) {
          auto wrong = jks::unseal_private_key(*e->key, Password::from_utf8(key_pw_json->text + "x"), Limits{});
          ASSERT_FALSE(wrong.ok());
          EXPECT_EQ(wrong.status().code(), ErrorCode::kBadPassword);
        }
      } else if (const Json* s = want.get("secretKeySha256"); s && s->kind == Json::Kind::kString) {
        auto secret = jks::unseal_secret_key(*e->key, key_pw, Limits{});
        ASSERT_TRUE(secret.ok()) << secret.status().to_string();
        EXPECT_EQ(sha256(secret->key), s->text);
        EXPECT_EQ(secret->algorithm, text_of(want.get("secretKeyAlgorithm")));
        if (const Json* bits = want.get("secretKeyBits")) {
          EXPECT_EQ(secret->key.size() * 8, std::stoul(bits->text));
        }
        ++secrets_checked;
      } else if (e->type == EntryType::kPrivateKey) {
        auto pkcs8 = jks::unseal_private_key(*e->key, key_pw, Limits{});
        ASSERT_FALSE(pkcs8.ok());
        EXPECT_EQ(pkcs8.status().code(), ErrorCode::kMalformed) << pkcs8.status().to_string();
      }
    }

    if (ks->load_info().duplicate_aliases_dropped > 0) {
      EXPECT_TRUE(file.find("duplicate_aliases") != std::string::npos);
      continue;
    }
    if (!store_pw) continue;
    auto saved = save(*ks, *store_pw, Limits{});
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
  for (const char* name : {"pyjks/duplicate_aliases.jks", "pyjks/duplicate_aliases.jceks"}) {
    SCOPED_TRACE(name);
    const std::string t = read_text(std::string(KSTORE_CORPUS_DIR) + "/" + name);
    const Password pw = Password::from_utf8("12345678");
    auto ks = load(Bytes(t.begin(), t.end()), std::string_view(name).ends_with("jceks") ? StoreType::kJceks : StoreType::kJks,
                   &pw, Limits{});
    ASSERT_TRUE(ks.ok()) << ks.status().to_string();
    EXPECT_EQ(ks->size(), 1u);
    EXPECT_EQ(ks->load_info().duplicate_aliases_dropped, 1u);
  }
}

}  // namespace
}  // namespace kstore::jks
