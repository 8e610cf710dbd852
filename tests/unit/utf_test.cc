// Modified UTF-8, UTF-8 and Java lower-casing.
#include "base/utf.h"

#include <gtest/gtest.h>

namespace kstore::utf {
namespace {

TEST(ModifiedUtf8, EncodesNulAndSupplementaryAsJavaDoes) {
  // "a😀b\0c" as DataOutputStream.writeUTF stores it (docs/formats.md, "Java
  // data in the files").
  const std::string utf8 = std::string("a\xF0\x9F\x98\x80" "b") + '\0' + "c";
  auto encoded = utf8_to_modified_utf8(utf8);
  ASSERT_TRUE(encoded.ok());
  EXPECT_EQ(to_hex(as_bytes(*encoded)), "61eda0bdedb88062c08063");
  auto back = modified_utf8_to_utf8(as_bytes(*encoded));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, utf8);
}

TEST(ModifiedUtf8, RejectsMalformedSequences) {
  const std::vector<std::pair<const char*, Bytes>> cases = {
      {"four-byte form", {0xf0, 0x9f, 0x98, 0x80}},
      {"truncated two-byte", {0xc3}},
      {"bad continuation", {0xe2, 0x28, 0xa1}},
      {"raw NUL", {0x61, 0x00}},
      {"lone continuation", {0x80}},
  };
  for (const auto& [name, bytes] : cases) {
    SCOPED_TRACE(name);
    EXPECT_FALSE(decode_modified_utf8(bytes).ok());
  }
}

TEST(Utf8, RejectsOverlongAndSurrogates) {
  EXPECT_FALSE(decode_utf8("\xC0\x80").ok());
  EXPECT_FALSE(decode_utf8("\xED\xA0\x80").ok());
  EXPECT_FALSE(decode_utf8("\xF4\x90\x80\x80").ok());
  EXPECT_TRUE(decode_utf8("p\xC3\xA4sswort").ok());
}

TEST(JavaToLower, FollowsLocaleEnglishRules) {
  EXPECT_EQ(java_to_lower_utf8("MyKey"), "mykey");
  EXPECT_EQ(java_to_lower_utf8("\xC3\x84pfel"), "\xC3\xA4pfel");             // Äpfel
  EXPECT_EQ(java_to_lower_utf8("\xC4\xB0stanbul"), "i\xCC\x87stanbul");      // İ -> i + U+0307
  EXPECT_EQ(java_to_lower_utf8("\xCE\x9F\xCE\xA3"), "\xCE\xBF\xCF\x82");     // ΟΣ -> ος (final sigma)
  EXPECT_EQ(java_to_lower_utf8("\xCE\xA3\xCE\x9F"), "\xCF\x83\xCE\xBF");     // ΣΟ -> σο
  EXPECT_EQ(java_to_lower_utf8("I"), "i");                                   // no Turkish dotless i
}

TEST(JavaCompare, UsesUtf16CodeUnitOrder) {
  // U+FF5E sorts after U+1F600 in UTF-8 byte order but before it in UTF-16.
  EXPECT_LT(std::string("\xEF\xBD\x9E").compare("\xF0\x9F\x98\x80"), 0);
  EXPECT_GT(java_compare("\xEF\xBD\x9E", "\xF0\x9F\x98\x80"), 0);
  EXPECT_LT(java_compare("B", "a"), 0);
}

}  // namespace
}  // namespace kstore::utf
