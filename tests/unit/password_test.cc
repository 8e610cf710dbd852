// Password encodings per consumer (docs/formats.md, "Passwords: how each use
// encodes them").
#include "kstore/password.h"

#include <gtest/gtest.h>

namespace kstore {
namespace {

std::string enc(const Password& pw, PasswordEncoding e) {
  auto r = pw.encode(e);
  if (!r.ok()) return "error: " + r.status().message();
  return to_hex(r->view());
}

TEST(Password, EncodesPerFormat) {
  const Password pw = Password::from_utf8("p\xC3\xA4");  // "pä"
  EXPECT_EQ(enc(pw, PasswordEncoding::kUtf16Be), "007000e4");
  EXPECT_EQ(enc(pw, PasswordEncoding::kBmpString), "007000e40000");
  EXPECT_EQ(enc(pw, PasswordEncoding::kUtf8), "70c3a4");
  EXPECT_EQ(enc(pw, PasswordEncoding::kLatin1), "70e4");
  EXPECT_EQ(enc(pw, PasswordEncoding::kAscii), "error: Password is not ASCII");
  // JDK 25 PBES1: UTF-8 bytes 70 c3 a4 masked to 7 bits -> chars 70 43 24.
  EXPECT_EQ(enc(pw, PasswordEncoding::kUtf8Masked7Bmp), "0070004300240000");
}

TEST(Password, EmptyPasswordSpecialCasesOfTheJdk) {
  const Password empty;
  EXPECT_EQ(enc(empty, PasswordEncoding::kBmpString), "0000");
  EXPECT_EQ(enc(empty, PasswordEncoding::kUtf16Be), "");
  const Password nul = Password::from_utf16be(Bytes{0, 0});
  EXPECT_EQ(enc(nul, PasswordEncoding::kBmpString), "");
}

TEST(Password, PromptBytesBecomeOneCharEach) {
  // keytool reads a prompted password byte by byte: UTF-8 "ä" becomes two chars.
  const Bytes typed = {0x70, 0xc3, 0xa4};
  const Password pw = Password::from_prompt_bytes(typed);
  EXPECT_EQ(pw.length(), 3u);
  EXPECT_EQ(enc(pw, PasswordEncoding::kUtf16Be), "007000c300a4");
}

TEST(Password, SupplementaryCharactersAndInvalidUtf8) {
  const Password emoji = Password::from_utf8("\xF0\x9F\x98\x80");
  EXPECT_EQ(emoji.length(), 2u);
  EXPECT_EQ(enc(emoji, PasswordEncoding::kUtf8), "f09f9880");
  const Password raw = Password::from_utf8("\xFFx");
  EXPECT_EQ(enc(raw, PasswordEncoding::kUtf16Be), "00ff0078");
}

}  // namespace
}  // namespace kstore
