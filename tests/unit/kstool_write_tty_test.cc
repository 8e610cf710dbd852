// The write commands on a terminal: kstool asks for missing passwords with
// the echo off and for aliases with it on, one answer per line, as keytool
// does when it has a console. Runs kstool under a pseudo-terminal.
#include <gtest/gtest.h>

#include <unistd.h>

#include <string>
#include <vector>

#include "kstool_write_util.h"
#include "terminal_session.h"

namespace {

using kstool_test::ScratchDir;
using kstool_test::TerminalSession;
using kstore::testing::file_text;

const std::string kStores = kstore::testing::testdata_path("fixtures/stores");

TEST(KstoolWriteTerminal, StorePasswordIsNotEchoedAliasIs) {
  ScratchDir dir;
  ASSERT_FALSE(dir.path().empty());
  kstool_test::write_bytes(dir.file("mixed.jks"), file_text(kStores + "/mixed.jks"));
  TerminalSession s(dir, {"-changealias", "-keystore", "mixed.jks", "-alias", "dsa"});
  if (!s.started()) GTEST_SKIP() << "no pseudo-terminal available";
  ASSERT_TRUE(s.wait_for("Enter keystore password:  "));
  s.type_secret("changeit");
  ASSERT_TRUE(s.wait_for("Enter destination alias name:  ")) << s.shown();
  s.type("TypedAlias");
  EXPECT_EQ(0, s.finish()) << s.shown();
  EXPECT_EQ(std::string::npos, s.shown().find("changeit")) << "the password was echoed:\n" << s.shown();
  EXPECT_NE(std::string::npos, s.shown().find("TypedAlias"));
  std::map<std::string, kstool_test::EntryContent> entries;
  ASSERT_EQ("", kstool_test::describe_store(file_text(dir.file("mixed.jks")), "changeit", {"changeit", "keypass2"}, entries));
  EXPECT_EQ(1u, entries.count("typedalias"));
  EXPECT_EQ(0u, entries.count("dsa"));
}

TEST(KstoolWriteTerminal, ImportAsksEachPasswordWithoutEcho) {
  ScratchDir dir;
  ASSERT_FALSE(dir.path().empty());
  kstool_test::write_bytes(dir.file("mixed.jks"), file_text(kStores + "/mixed.jks"));
  TerminalSession s(dir, {"-importkeystore", "-srckeystore", "mixed.jks", "-destkeystore", "new.p12"});
  if (!s.started()) GTEST_SKIP() << "no pseudo-terminal available";
  ASSERT_TRUE(s.wait_for("Enter destination keystore password:  "));
  s.type_secret("secret1");
  ASSERT_TRUE(s.wait_for("Re-enter new password: "));
  s.type_secret("secret1");
  ASSERT_TRUE(s.wait_for("Enter source keystore password:  "));
  s.type_secret("changeit");
  ASSERT_TRUE(s.wait_for("Enter key password for <keypass2>")) << s.shown();
  s.type_secret("keypass2");
  ASSERT_TRUE(s.wait_for("7 entries successfully imported, 0 entries failed or cancelled")) << s.shown();
  EXPECT_EQ(0, s.finish()) << s.shown();
  for (const char* secret : {"secret1", "changeit", "keypass2\r"})
    EXPECT_EQ(std::string::npos, s.shown().find(secret)) << secret << " was echoed:\n" << s.shown();
  std::map<std::string, kstool_test::EntryContent> entries;
  EXPECT_EQ("", kstool_test::describe_store(file_text(dir.file("new.p12")), "secret1", {"secret1"}, entries));
  EXPECT_EQ(8u, entries.size());  // 7 entries and the format
}

}  // namespace
