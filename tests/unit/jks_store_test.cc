// JKS/JCEKS reading and writing against keytool-made fixtures
// (testdata/jks/make.sh, expected.tsv = the JDK 17 KeyStore API's view) and
// hand-built files for the edge cases the JKS/JCEKS sections of
// docs/formats.md describe.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "support/must.h"
#include "crypto/crypto.h"
#include "io/byte_reader.h"
#include "jks/jks.h"
#include "der/reader.h"
#include "der/writer.h"
#include "jks/jks_format.h"
#include "pbe/jks_key_protector.h"
#include "support/fixtures.h"
#include "support/truncation.h"

namespace kstore::jks {
namespace {

// The format functions run on the build's default backend in these tests.
const crypto::Backend& backend() { return crypto::default_backend(); }

Bytes fixture(const std::string& name) { return kstore::testing::testdata_bytes("jks/" + name); }

std::string sha256(ByteView b) { return to_hex(crypto::digest(crypto::HashAlg::kSha256, b)); }

StoreType type_of(const std::string& file) {
  return file.ends_with(".jceks") ? StoreType::kJceks : StoreType::kJks;
}

// Passwords make.sh used: store password, then the key passwords to try.
struct FixturePasswords {
  std::string store;
  std::vector<std::string> keys;
};
const std::map<std::string, FixturePasswords>& fixture_passwords() {
  static const std::map<std::string, FixturePasswords> kPasswords = {
      {"rsa2048.jks", {"changeit", {"changeit"}}},
      {"ec_p256.jks", {"changeit", {"changeit"}}},
      {"dsa2048.jks", {"changeit", {"changeit"}}},
      {"keypass_differs.jks", {"storepass1", {"keypass22"}}},
      {"non_ascii_alias.jks", {"changeit", {"changeit"}}},
      {"chain.jks", {"changeit", {"changeit"}}},
      {"mixed.jceks", {"changeit", {"changeit"}}},
      {"keypass_differs.jceks", {"storepass1", {"keypass22", "secretpass3"}}},
      {"jceks_default_iterations.jceks", {"changeit", {"changeit"}}},
  };
  return kPasswords;
}

Keystore load_fixture(const std::string& name) {
  const Password pw = Password::from_utf8(fixture_passwords().at(name).store);
  return kstore::testing::must(load(backend(), fixture(name), type_of(name), &pw, Limits{}), name);
}

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

// ---------------------------------------------------------------- hand-built files

// Writes JKS/JCEKS bytes field by field, for layouts the writer never makes.
class FileBuilder {
 public:
  FileBuilder(uint32_t magic, uint32_t version, uint32_t count) : version_(version) {
    out_.write_u32(magic);
    out_.write_u32(version);
    out_.write_u32(count);
  }
  FileBuilder& trusted_cert(std::string_view alias, ByteView cert, uint32_t tag = kTrustedCertTag) {
    out_.write_u32(tag);
    raw_utf(as_bytes(utf_or_die(alias)));
    out_.write_s64(1000);
    if (version_ == kVersion2) {
      EXPECT_TRUE(out_.write_java_utf("X.509").ok());
    }
    out_.write_u32(static_cast<uint32_t>(cert.size()));
    out_.write_bytes(cert);
    return *this;
  }
  FileBuilder& trusted_cert_raw_alias(ByteView modified_utf8_alias, ByteView cert) {
    out_.write_u32(kTrustedCertTag);
    raw_utf(modified_utf8_alias);
    out_.write_s64(-5);
    if (version_ == kVersion2) {
      EXPECT_TRUE(out_.write_java_utf("X.509").ok());
    }
    out_.write_u32(static_cast<uint32_t>(cert.size()));
    out_.write_bytes(cert);
    return *this;
  }
  FileBuilder& key(std::string_view alias, ByteView protected_key, uint32_t chain_count, ByteView cert = {}) {
    out_.write_u32(kPrivateKeyTag);
    raw_utf(as_bytes(utf_or_die(alias)));
    out_.write_s64(2000);
    out_.write_u32(static_cast<uint32_t>(protected_key.size()));
    out_.write_bytes(protected_key);
    out_.write_u32(chain_count);
    if (!cert.empty()) {
      if (version_ == kVersion2) {
      EXPECT_TRUE(out_.write_java_utf("X.509").ok());
    }
      out_.write_u32(static_cast<uint32_t>(cert.size()));
      out_.write_bytes(cert);
    }
    return *this;
  }
  FileBuilder& u32(uint32_t v) {
    out_.write_u32(v);
    return *this;
  }
  Bytes finish(std::string_view password) {
    Bytes body = out_.bytes();
    auto digest = store_digest(backend(), Password::from_utf8(password), body);
    body.insert(body.end(), digest->begin(), digest->end());
    return body;
  }

 private:
  static std::string utf_or_die(std::string_view s) { return std::string(s); }
  void raw_utf(ByteView modified_utf8) {
    out_.write_u16(static_cast<uint16_t>(modified_utf8.size()));
    out_.write_bytes(modified_utf8);
  }
  io::ByteWriter out_;
  uint32_t version_;
};

const Bytes& some_cert(size_t i) {
  static const std::vector<Bytes> kCerts = [] {
    Keystore ks = load_fixture("chain.jks");
    return std::vector<Bytes>{ks.find("leaf")->chain[0].encoded, ks.find("leaf")->chain[1].encoded,
                              load_fixture("rsa2048.jks").entries()[0].chain[0].encoded};
  }();
  return kCerts.at(i);
}

Result<Keystore> load_with(const Bytes& file, StoreType type, std::string_view password, const Limits& limits = {}) {
  const Password pw = Password::from_utf8(password);
  return load(backend(), file, type, &pw, limits);
}

TEST(JksFormat, VersionOneHasNoCertificateTypes) {
  const Bytes file = FileBuilder(kJksMagic, kVersion1, 2)
                         .trusted_cert("one", some_cert(0))
                         .trusted_cert("two", some_cert(1))
                         .finish("pw");
  auto ks = load_with(file, StoreType::kJks, "pw");
  ASSERT_TRUE(ks.ok()) << ks.status().to_string();
  EXPECT_EQ(ks->load_info().file_version, 1u);
  ASSERT_EQ(ks->size(), 2u);
  EXPECT_EQ(ks->entries()[1].chain[0].type, "X.509");
  EXPECT_EQ(ks->entries()[1].chain[0].encoded, some_cert(1));
  // Saved again, it becomes version 2, as the JDK would write it.
  auto saved = save(backend(), *ks, Password::from_utf8("pw"), Limits{});
  ASSERT_TRUE(saved.ok());
  auto again = load_with(*saved, StoreType::kJks, "pw");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->load_info().file_version, 2u);
}

// A one-certificate store whose certificate length says 0x7fffff00.
Bytes long_cert_length() {
  Bytes f = FileBuilder(kJksMagic, 2, 1).trusted_cert("a", some_cert(0)).finish("pw");
  const size_t at = kHeaderSize + 4 + 3 + 8 + 7;  // tag, alias "a", date, "X.509"
  f[at] = 0x7f;
  f[at + 1] = 0xff;
  f[at + 2] = 0xff;
  f[at + 3] = 0x00;
  return f;
}

TEST(JksFormat, RejectsWhatTheJdkRejects) {
  struct Case {
    const char* why;
    Bytes file;
    StoreType type;
    ErrorCode code;
    const char* message_part;
  };
  const Case cases[] = {
      {"version 3", FileBuilder(kJksMagic, 3, 0).finish("pw"), StoreType::kJks, ErrorCode::kMalformed,
       "Invalid keystore format"},
      {"version 0", FileBuilder(kJceksMagic, 0, 0).finish("pw"), StoreType::kJceks, ErrorCode::kMalformed,
       "Invalid keystore format"},
      {"wrong magic", FileBuilder(0xfeedfeef, 2, 0).finish("pw"), StoreType::kJceks, ErrorCode::kMalformed,
       "Invalid keystore format"},
      {"secret key tag in JKS", FileBuilder(kJksMagic, 2, 1).trusted_cert("a", some_cert(0), 3).finish("pw"),
       StoreType::kJks, ErrorCode::kMalformed, "Unrecognized keystore entry: 3"},
      {"tag 4 in JCEKS", FileBuilder(kJceksMagic, 2, 1).trusted_cert("a", some_cert(0), 4).finish("pw"),
       StoreType::kJceks, ErrorCode::kMalformed, "Unrecognized keystore entry: 4"},
      {"more entries than the file holds", FileBuilder(kJksMagic, 2, 1000).finish("pw"), StoreType::kJks,
       ErrorCode::kTruncated, "entry count"},
      {"certificate count beyond the file", FileBuilder(kJksMagic, 2, 1).key("k", Bytes(50, 1), 500).finish("pw"),
       StoreType::kJks, ErrorCode::kTruncated, "certificate count"},
      {"certificate length beyond the file", long_cert_length(), StoreType::kJks, ErrorCode::kMalformed,
       "exceeds"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.why);
    auto ks = load_with(c.file, c.type, "pw");
    ASSERT_FALSE(ks.ok());
    EXPECT_EQ(ks.status().code(), c.code) << ks.status().to_string();
    EXPECT_NE(ks.status().message().find(c.message_part), std::string::npos) << ks.status().to_string();
  }
}

TEST(JksFormat, LimitsAreCheckedBeforeAllocating) {
  Limits limits;
  limits.max_entries = 1;
  const Bytes two = FileBuilder(kJksMagic, 2, 2).trusted_cert("a", some_cert(0)).trusted_cert("b", some_cert(1)).finish("pw");
  auto ks = load_with(two, StoreType::kJks, "pw", limits);
  ASSERT_FALSE(ks.ok());
  EXPECT_EQ(ks.status().code(), ErrorCode::kLimitExceeded);

  limits = Limits{};
  limits.max_chain_length = 1;
  const Bytes chain = FileBuilder(kJksMagic, 2, 1).key("k", Bytes(50, 1), 2, some_cert(0)).finish("pw");
  ks = load_with(chain, StoreType::kJks, "pw", limits);
  ASSERT_FALSE(ks.ok());
  EXPECT_EQ(ks.status().code(), ErrorCode::kLimitExceeded);

  limits = Limits{};
  limits.max_file_size = two.size() - 1;
  ks = load_with(two, StoreType::kJks, "pw", limits);
  ASSERT_FALSE(ks.ok());
  EXPECT_EQ(ks.status().code(), ErrorCode::kLimitExceeded);
}

TEST(JksFormat, DuplicateAliasesKeepTheLastAsTheJdkDoes) {
  // The JDK's Hashtable is keyed by the exact alias: "a" twice collapses,
  // "A" stays a separate entry.
  const Bytes file = FileBuilder(kJksMagic, 2, 3)
                         .trusted_cert("a", some_cert(0))
                         .trusted_cert("A", some_cert(1))
                         .trusted_cert("a", some_cert(2))
                         .finish("pw");
  auto ks = load_with(file, StoreType::kJks, "pw");
  ASSERT_TRUE(ks.ok()) << ks.status().to_string();
  ASSERT_EQ(ks->size(), 2u);
  EXPECT_EQ(ks->entries()[0].alias, "a");
  EXPECT_EQ(ks->entries()[0].chain[0].encoded, some_cert(2));
  EXPECT_EQ(ks->entries()[1].alias, "A");
  EXPECT_EQ(ks->entries()[1].chain[0].encoded, some_cert(1));
  EXPECT_EQ(ks->load_info().duplicate_aliases_dropped, 1u);
  EXPECT_FALSE(ks->load_info().notes.empty());
}

TEST(JksFormat, AliasesAreKeptExactlyAsStored) {
  // "a😀b\0c" in modified UTF-8 (docs/formats.md, "Java data in the files"),
  // an upper-case alias, and a lone surrogate: all load and are written back
  // unchanged.
  const Bytes emoji = {0x61, 0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80, 0x62, 0xc0, 0x80, 0x63};
  const Bytes lone = {0x78, 0xed, 0xa0, 0x80};
  const Bytes file = FileBuilder(kJceksMagic, 2, 3)
                         .trusted_cert_raw_alias(emoji, some_cert(0))
                         .trusted_cert_raw_alias(as_bytes("MixedCase"), some_cert(1))
                         .trusted_cert_raw_alias(lone, some_cert(2))
                         .finish("pw");
  auto ks = load_with(file, StoreType::kJceks, "pw");
  ASSERT_TRUE(ks.ok()) << ks.status().to_string();
  EXPECT_EQ(ks->entries()[0].alias, std::string("a\xf0\x9f\x98\x80" "b") + std::string(1, '\0') + "c");
  EXPECT_EQ(ks->entries()[1].alias, "MixedCase");
  EXPECT_EQ(ks->entries()[0].creation_time_ms, -5);
  auto saved = save(backend(), *ks, Password::from_utf8("pw"), Limits{});
  ASSERT_TRUE(saved.ok()) << saved.status().to_string();
  EXPECT_EQ(to_hex(*saved), to_hex(file));
}

TEST(JksFormat, EmptyStoreAndEmptyPassword) {
  Keystore empty(StoreType::kJks);
  auto saved = save(backend(), empty, Password(), Limits{});
  ASSERT_TRUE(saved.ok());
  // 12 header bytes and the digest: SHA1("Mighty Aphrodite" || header).
  ASSERT_EQ(saved->size(), kHeaderSize + kDigestSize);
  EXPECT_EQ(to_hex(ByteView(*saved).first(kHeaderSize)), "feedfeed0000000200000000");
  auto ks = load_with(*saved, StoreType::kJks, "");
  ASSERT_TRUE(ks.ok());
  EXPECT_EQ(ks->size(), 0u);
  EXPECT_TRUE(ks->load_info().integrity_checked);
}

// ---------------------------------------------------------------- writing rules

Entry private_key_entry(std::string alias, SealedKey key, std::vector<Certificate> chain) {
  Entry e;
  e.alias = std::move(alias);
  e.type = EntryType::kPrivateKey;
  e.creation_time_ms = 1234;
  e.key = std::move(key);
  e.chain = std::move(chain);
  return e;
}

SecretBytes fixture_pkcs8(const char* file, const char* pw) {
  Keystore ks = load_fixture(file);
  if (ks.entries().empty() || !ks.entries()[0].key) throw std::runtime_error(std::string(file) + ": no key entry");
  return kstore::testing::must(jks::unseal_private_key(backend(), *ks.entries()[0].key, Password::from_utf8(pw), Limits{}), file);
}

TEST(JksWrite, SealsKeysAsJdk17) {
  const SecretBytes pkcs8 = fixture_pkcs8("ec_p256.jks", "changeit");
  const Password pw = Password::from_utf8("n3w-pässword");  // UTF-16BE: any character is fine in JKS
  auto sealed = jks::seal_private_key(backend(), StoreType::kJks, pkcs8, pw, SealParams{});
  ASSERT_TRUE(sealed.ok()) << sealed.status().to_string();
  EXPECT_EQ(sealed->protection, KeyProtection::kJksKeyProtector);
  // SEQUENCE { SEQUENCE { OID 1.3.6.1.4.1.42.2.17.1.1, NULL }, OCTET STRING salt||key||check }
  EXPECT_NE(to_hex(sealed->encoded).find("300e060a2b060104012a021101010500"), std::string::npos);
  auto back = jks::unseal_private_key(backend(), *sealed, pw, Limits{});
  ASSERT_TRUE(back.ok());
  EXPECT_TRUE(equal_bytes(*back, pkcs8));

  // JDK 25 leaves the parameters out; readers take both.
  der::Reader top(sealed->encoded);
  auto info = top.read_sequence();
  ASSERT_TRUE(info.ok());
  ASSERT_TRUE(info->read_sequence().ok());
  auto protected_key = info->read_octet_string();
  ASSERT_TRUE(protected_key.ok());
  der::Writer w;
  w.sequence([&](der::Writer& seq) {
    seq.sequence([&](der::Writer& alg) { alg.oid(pbe::kJksKeyProtectorOid); });
    seq.octet_string(*protected_key);
  });
  Bytes no_null = std::move(w).finish().value();
  EXPECT_NE(to_hex(no_null).find("300c060a2b060104012a02110101"), std::string::npos);
  auto jdk25 = jks::unseal_private_key(backend(), SealedKey{KeyProtection::kJksKeyProtector, no_null}, pw, Limits{});
  ASSERT_TRUE(jdk25.ok()) << jdk25.status().to_string();
  EXPECT_TRUE(equal_bytes(*jdk25, pkcs8));
}

TEST(JksWrite, UnknownProtectionOidIsUnsupported) {
  // SEQUENCE { SEQUENCE { OID 1.2.3.4 }, OCTET STRING 00×40 }
  Bytes epki = {0x30, 0x31, 0x30, 0x05, 0x06, 0x03, 0x2a, 0x03, 0x04, 0x04, 0x28};
  epki.resize(epki.size() + 40);
  for (KeyProtection p : {KeyProtection::kJksKeyProtector, KeyProtection::kJcePbe}) {
    auto k = jks::unseal_private_key(backend(), SealedKey{p, epki}, Password::from_utf8("x"), Limits{});
    ASSERT_FALSE(k.ok());
    EXPECT_EQ(k.status().code(), ErrorCode::kUnsupported);
    EXPECT_NE(k.status().message().find("1.2.3.4"), std::string::npos);
  }
}

TEST(JksWrite, JksCannotHoldSecretKeysOrJceksProtectedKeys) {
  Keystore jceks = load_fixture("mixed.jceks");
  Keystore only_secret(StoreType::kJks);
  only_secret.append(*jceks.find("aes128"));
  auto saved = save(backend(), only_secret, Password::from_utf8("changeit"), Limits{});
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.status().code(), ErrorCode::kUnsupported);
  EXPECT_NE(saved.status().message().find("Cannot store non-PrivateKeys"), std::string::npos);

  Keystore pbe_key(StoreType::kJks);
  pbe_key.append(*jceks.find("rsa"));
  saved = save(backend(), pbe_key, Password::from_utf8("changeit"), Limits{});
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.status().code(), ErrorCode::kUnsupported);
  EXPECT_NE(saved.status().message().find("PBEWithMD5AndTripleDES"), std::string::npos);

  Keystore plain_pkcs12(StoreType::kJceks);
  plain_pkcs12.append(private_key_entry("k", SealedKey{KeyProtection::kPkcs12Plain, Bytes{0x30, 0x00}}, {}));
  EXPECT_EQ(save(backend(), plain_pkcs12, Password(), Limits{}).status().code(), ErrorCode::kUnsupported);
}

TEST(JksWrite, RejectsInconsistentEntries) {
  Entry no_key = private_key_entry("k", SealedKey{}, {});
  no_key.key.reset();
  Entry two_certs;
  two_certs.alias = "t";
  two_certs.type = EntryType::kTrustedCert;
  two_certs.chain = {Certificate{"X.509", some_cert(0)}, Certificate{"X.509", some_cert(1)}};
  for (const Entry& e : {no_key, two_certs}) {
    SCOPED_TRACE(e.alias);
    Keystore ks(StoreType::kJks);
    ks.append(e);
    auto saved = save(backend(), ks, Password(), Limits{});
    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.status().code(), ErrorCode::kInvalidArgument);
  }
}

TEST(JksWrite, KeyWithEmptyChainRoundTrips) {
  const Password pw = Password::from_utf8("changeit");
  auto sealed = jks::seal_private_key(backend(), StoreType::kJks, fixture_pkcs8("rsa2048.jks", "changeit"), pw, SealParams{});
  ASSERT_TRUE(sealed.ok());
  Keystore ks(StoreType::kJks);
  ks.append(private_key_entry("lonely", *sealed, {}));
  auto saved = save(backend(), ks, pw, Limits{});
  ASSERT_TRUE(saved.ok());
  auto loaded = load_with(*saved, StoreType::kJks, "changeit");
  ASSERT_TRUE(loaded.ok());
  EXPECT_TRUE(loaded->entries()[0].chain.empty());
  EXPECT_EQ(loaded->entries()[0].key->encoded, sealed->encoded);
}

// ---------------------------------------------------------------- keytool as the judge

bool have_keytool() { return std::system("command -v keytool >/dev/null 2>&1") == 0; }

// keytool -importkeystore recovers every key with the password, so success
// proves the JDK can read what kstore wrote. Returns keytool's output.
std::string keytool_import(const std::string& file, const char* type, const char* password, int* exit_code) {
  const std::string dir = ::testing::TempDir();
  const std::string dest = dir + "/kstore_jks_import.p12";
  const std::string log = dir + "/kstore_jks_import.log";
  std::remove(dest.c_str());
  const std::string cmd = std::string("LC_ALL=C.UTF-8 keytool -J-XX:TieredStopAtLevel=1 -J-XX:+UseSerialGC -importkeystore -noprompt -srckeystore '") + file +
                          "' -srcstoretype " + type + " -srcstorepass '" + password + "' -destkeystore '" + dest +
                          "' -deststoretype PKCS12 -deststorepass '" + password + "' > '" + log + "' 2>&1";
  *exit_code = std::system(cmd.c_str());
  return kstore::testing::file_text(log);
}

TEST(JksKeytool, ReadsWhatKstoreWrites) {
  if (!have_keytool()) GTEST_SKIP() << "keytool not installed";
  const Password pw = Password::from_utf8("changeit");
  Keystore ks(StoreType::kJks);
  auto rsa = jks::seal_private_key(backend(), StoreType::kJks, fixture_pkcs8("rsa2048.jks", "changeit"), pw, SealParams{});
  auto ec = jks::seal_private_key(backend(), StoreType::kJks, fixture_pkcs8("ec_p256.jks", "changeit"), pw, SealParams{});
  ASSERT_TRUE(rsa.ok() && ec.ok());
  ks.append(private_key_entry("rsa", *rsa, load_fixture("rsa2048.jks").entries()[0].chain));
  ks.append(private_key_entry("schlüssel-ключ", *ec, load_fixture("ec_p256.jks").entries()[0].chain));
  Entry trusted;
  trusted.alias = "ca";
  trusted.type = EntryType::kTrustedCert;
  trusted.creation_time_ms = 1;
  trusted.chain = {Certificate{"X.509", some_cert(1)}};
  ks.append(trusted);
  auto saved = save(backend(), ks, pw, Limits{});
  ASSERT_TRUE(saved.ok()) << saved.status().to_string();
  const std::string path = ::testing::TempDir() + "/kstore_written.jks";
  std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(saved->data()), saved->size());
  int rc = 0;
  const std::string out = keytool_import(path, "JKS", "changeit", &rc);
  EXPECT_EQ(rc, 0) << out;
  EXPECT_NE(out.find("3 entries successfully imported, 0 entries failed or cancelled"), std::string::npos) << out;
}

}  // namespace
}  // namespace kstore::jks
