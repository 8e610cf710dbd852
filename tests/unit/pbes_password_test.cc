// Which password bytes kstore tries for each PKCS#12 use, and in which order
// (docs/formats.md, "Passwords: what kstore tries when reading").
#include <gtest/gtest.h>

#include "pbe/password_candidates.h"

namespace kstore::pbe {
namespace {

std::vector<std::string> rendered(PasswordUse use, const Password& pw) {
  auto candidates = password_candidates(use, pw);
  EXPECT_TRUE(candidates.ok());
  std::vector<std::string> out;
  for (const PasswordCandidate& c : *candidates) out.push_back(c.label + "=" + to_hex(c.bytes));
  return out;
}

TEST(PbesPasswordCandidates, AsciiPasswordsHaveOneFormPerUse) {
  const Password pw = Password::from_utf8("ab");
  EXPECT_EQ(rendered(PasswordUse::kPkcs12Mac, pw), std::vector<std::string>{"BMPString=006100620000"});
  EXPECT_EQ(rendered(PasswordUse::kPkcs12Cipher, pw), std::vector<std::string>{"BMPString=006100620000"});
  EXPECT_EQ(rendered(PasswordUse::kPbkdf, pw), std::vector<std::string>{"UTF-8=6162"});
  // PBMAC1 also tries the BMPString RFC 9579 first specified.
  EXPECT_EQ(rendered(PasswordUse::kPbmac1, pw),
            (std::vector<std::string>{"UTF-8=6162", "BMPString (RFC 9579 as first published)=006100620000"}));
}

// An empty password: the BMPString terminator alone, then the JDK's retry
// with no bytes at all (Windows "null password" PFX files).
TEST(PbesPasswordCandidates, EmptyPasswordAlsoTriesNoBytes) {
  const Password empty;
  EXPECT_EQ(rendered(PasswordUse::kPkcs12Mac, empty),
            (std::vector<std::string>{"BMPString=0000", "no password bytes (empty password as NULL)="}));
  EXPECT_EQ(rendered(PasswordUse::kPkcs12Cipher, empty),
            (std::vector<std::string>{"BMPString=0000", "no password bytes (empty password as NULL)="}));
  EXPECT_EQ(rendered(PasswordUse::kPbkdf, empty), std::vector<std::string>{"UTF-8="});
}

// "pä": the standard forms first, then what other producers did.
TEST(PbesPasswordCandidates, NonAsciiPasswordsTryEachProducersEncoding) {
  const Password pw = Password::from_utf8("p\xC3\xA4");
  EXPECT_EQ(rendered(PasswordUse::kPkcs12Mac, pw),
            (std::vector<std::string>{
                "BMPString=007000e40000",
                "BMPString of the UTF-8 bytes (OpenSSL 1.x, keytool prompt)=007000c300a40000",
            }));
  EXPECT_EQ(rendered(PasswordUse::kPkcs12Cipher, pw),
            (std::vector<std::string>{
                "BMPString=007000e40000",
                "UTF-8 masked to 7 bits (JDK PBES1)=0070004300240000",
                "BMPString of the UTF-8 bytes (OpenSSL 1.x, keytool prompt)=007000c300a40000",
            }));
  EXPECT_EQ(rendered(PasswordUse::kPbkdf, pw),
            (std::vector<std::string>{
                "UTF-8=70c3a4",
                "ISO-8859-1=70e4",
                "UTF-8 of the UTF-8 bytes taken as chars (keytool prompt)=70c383c2a4",
            }));
}

// A password typed at keytool's prompt arrives as one char per UTF-8 byte;
// kstore also tries the chars read back as UTF-8.
TEST(PbesPasswordCandidates, PromptBytesAreAlsoReadAsUtf8) {
  const Password typed = Password::from_prompt_bytes(Bytes{0x70, 0xc3, 0xa4});
  auto candidates = password_candidates(PasswordUse::kPkcs12Mac, typed);
  ASSERT_TRUE(candidates.ok());
  bool found = false;
  for (const PasswordCandidate& c : *candidates)
    found |= c.label == "BMPString of the password read as UTF-8" && to_hex(c.bytes) == "007000e40000";
  EXPECT_TRUE(found);
}

TEST(PbesPasswordCandidates, WritingUsesWhatTheNewestJdkReads) {
  const Password pw = Password::from_utf8("p\xC3\xA4");
  EXPECT_EQ(to_hex(*password_for_writing(PasswordUse::kPkcs12Mac, pw)), "007000e40000");
  EXPECT_EQ(to_hex(*password_for_writing(PasswordUse::kPkcs12Cipher, pw)), "0070004300240000");
  EXPECT_EQ(to_hex(*password_for_writing(PasswordUse::kPbkdf, pw)), "70c3a4");
  EXPECT_EQ(to_hex(*password_for_writing(PasswordUse::kPkcs12Cipher, Password::from_utf8("ab"))), "006100620000");
}

}  // namespace
}  // namespace kstore::pbe
