// JKS/JCEKS files built field by field for the edge cases the JKS/JCEKS
// sections of docs/formats.md describe: version 1 files, what the JDK
// rejects, limits checked before allocating, duplicate and unusual aliases,
// the empty store.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "io/byte_reader.h"
#include "jks/jks.h"
#include "jks/jks_format.h"
#include "support/jks_fixtures.h"

namespace kstore::jks {
namespace {

using testing::jks_fixtures::backend;
using testing::jks_fixtures::load_with;
using testing::jks_fixtures::some_cert;

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

}  // namespace
}  // namespace kstore::jks
