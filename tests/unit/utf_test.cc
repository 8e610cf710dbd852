// Modified UTF-8, UTF-8 and Java lower-casing.
#include "base/utf.h"

#include <gtest/gtest.h>

#include "kstore/java_string.h"

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

// new String(bytes, UTF_8): one U+FFFD per ill-formed sequence, as Java
// counts them; the library's certificate names and kstool's command words
// both decode through this one function.
TEST(Utf8Lenient, ReplacesAsJavaDoes) {
  const std::pair<const char*, std::u32string> cases[] = {
      {"a\xC3\xA4\xF0\x9F\x98\x80", U"a\u00e4\U0001F600"},
      {"\xE2\x82", U"\ufffd"},                  // a truncated sequence is one character
      {"\xED\xA0\x80" "A", U"\ufffdA"},           // an encoded surrogate, three bytes
      {"\xC0\x80", U"\ufffd\ufffd"},           // C0 never starts a sequence
      {"\xF0\x9F\x41", U"\ufffdA"},
  };
  for (const auto& [in, want] : cases) {
    SCOPED_TRACE(in);
    EXPECT_EQ(kstore::decode_utf8_lenient(in), want);
  }
  EXPECT_EQ(decode_utf8_lenient_utf16("\xF0\x9F\x98\x80\xE2\x82"), u"\U0001F600\ufffd");  // a surrogate pair
}

TEST(AsciiCase, FoldsOnlyAsciiLetters) {
  EXPECT_TRUE(kstore::equals_ignore_ascii_case("PKCS12", "pkcs12"));
  EXPECT_TRUE(kstore::equals_ignore_ascii_case("PBEWithHmacSHA512/256", "pbewithhmacsha512/256"));
  EXPECT_FALSE(kstore::equals_ignore_ascii_case("JKS", "JKS "));
  EXPECT_FALSE(kstore::equals_ignore_ascii_case("\xC3\x84", "\xC3\xA4"));  // Ä, ä: not ASCII
  EXPECT_FALSE(kstore::equals_ignore_ascii_case("[", "{"));                 // 0x5B, 0x7B: not letters
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
