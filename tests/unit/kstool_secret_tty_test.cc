// -importpass and -storepasswd on a terminal: the password to store is
// asked twice with the echo off (keytool's promptForCredential with a
// console), new passwords too. Runs kstool under a pseudo-terminal.
#include <gtest/gtest.h>

#include <string>

#include "kstool_write_util.h"
#include "terminal_session.h"

namespace {

using kstool_test::ScratchDir;
using kstool_test::TerminalSession;
using kstore::testing::file_text;

const std::string kStores = kstore::testing::testdata_path("fixtures/stores");

TEST(KstoolSecretTerminal, ImportPassAsksTwiceWithoutEcho) {
  ScratchDir dir;
  ASSERT_FALSE(dir.path().empty());
  kstool_test::write_bytes(dir.file("mixed.p12"), file_text(kStores + "/mixed.p12"));
  TerminalSession s(dir, {"-importpass", "-keystore", "mixed.p12", "-storepass", "changeit", "-alias", "typed"});
  if (!s.started()) GTEST_SKIP() << "no pseudo-terminal available";
  ASSERT_TRUE(s.wait_for("Enter the password to be stored:  "));
  s.type_secret("secret1");
  ASSERT_TRUE(s.wait_for("Re-enter password: "));
  s.type_secret("secret2");
  ASSERT_TRUE(s.wait_for("They don't match. Try again")) << s.shown();
  ASSERT_TRUE(s.wait_for("Enter the password to be stored:  "));
  s.type_secret("secret1");
  ASSERT_TRUE(s.wait_for("Re-enter password: "));
  s.type_secret("secret1");
  EXPECT_EQ(0, s.finish()) << s.shown();
  for (const char* secret : {"secret1", "secret2"})
    EXPECT_EQ(std::string::npos, s.shown().find(secret)) << secret << " was echoed:\n" << s.shown();
  std::map<std::string, kstool_test::EntryContent> entries;
  ASSERT_EQ("", kstool_test::describe_store(file_text(dir.file("mixed.p12")), "changeit", {"changeit"}, entries));
  EXPECT_EQ("PBEWithMD5AndDES:secret1", entries["typed"].key);
}

TEST(KstoolSecretTerminal, StorePasswdAsksTheNewPasswordTwiceWithoutEcho) {
  ScratchDir dir;
  ASSERT_FALSE(dir.path().empty());
  kstool_test::write_bytes(dir.file("mixed.jks"), file_text(kStores + "/mixed.jks"));
  TerminalSession s(dir, {"-storepasswd", "-keystore", "mixed.jks"});
  if (!s.started()) GTEST_SKIP() << "no pseudo-terminal available";
  ASSERT_TRUE(s.wait_for("Enter keystore password:  "));
  s.type_secret("changeit");
  ASSERT_TRUE(s.wait_for("New keystore password: "));
  s.type_secret("newpass1");
  ASSERT_TRUE(s.wait_for("Re-enter new keystore password: "));
  s.type_secret("newpass1");
  EXPECT_EQ(0, s.finish()) << s.shown();
  for (const char* secret : {"changeit", "newpass1"})
    EXPECT_EQ(std::string::npos, s.shown().find(secret)) << secret << " was echoed:\n" << s.shown();
  std::map<std::string, kstool_test::EntryContent> entries;
  EXPECT_EQ("", kstool_test::describe_store(file_text(dir.file("mixed.jks")), "newpass1", {"changeit", "keypass2"},
                                            entries));
}

}  // namespace
