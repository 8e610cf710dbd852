// The write commands on a terminal: kstool asks for missing passwords with
// the echo off and for aliases with it on, one answer per line, as keytool
// does when it has a console. Runs kstool under a pseudo-terminal.
#include <gtest/gtest.h>

#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "kstool_write_util.h"

namespace {

using kstool_test::ScratchDir;
using kstool_test::slurp;

const std::string kStores = std::string(KSTORE_TESTDATA_DIR) + "/fixtures/stores";

class TerminalSession {
 public:
  TerminalSession(const ScratchDir& dir, const std::vector<std::string>& args) {
    pid_ = ::forkpty(&master_, nullptr, nullptr, nullptr);
    if (pid_ == 0) {
      if (::chdir(dir.path().c_str()) != 0) ::_exit(127);
      std::vector<std::string> argv_strings = {KSTOOL_PATH};
      argv_strings.insert(argv_strings.end(), args.begin(), args.end());
      std::vector<char*> argv;
      for (std::string& a : argv_strings) argv.push_back(a.data());
      argv.push_back(nullptr);
      std::string home = "HOME=" + dir.file("home");
      char tz[] = "TZ=UTC";
      char* envp[] = {tz, home.data(), nullptr};
      ::execve(KSTOOL_PATH, argv.data(), envp);
      ::_exit(127);
    }
  }
  // False when no pseudo-terminal could be had (some sandboxes have none).
  bool started() const { return pid_ > 0; }
  ~TerminalSession() {
    if (master_ >= 0) ::close(master_);
  }

  // Reads what kstool shows until `text` appears; false at the end of the
  // session without it. (The long poll is a guard against a hang, not a
  // time limit the test relies on.)
  bool wait_for(const std::string& text) {
    for (;;) {
      if (shown_.find(text, searched_) != std::string::npos) {
        searched_ = shown_.find(text, searched_) + text.size();
        return true;
      }
      if (!read_some()) return false;
    }
  }
  // Types a password once kstool has turned the echo off (typed earlier,
  // the terminal would still echo it).
  void type_secret(const std::string& line) {
    for (;;) {
      struct termios t {};
      if (::tcgetattr(master_, &t) != 0 || !(t.c_lflag & ECHO)) break;
      ::usleep(1000);
    }
    type(line);
  }
  void type(const std::string& line) {
    const std::string bytes = line + "\n";
    EXPECT_EQ(static_cast<ssize_t>(bytes.size()), ::write(master_, bytes.data(), bytes.size()));
  }
  int finish() {
    while (read_some()) {
    }
    int status = 0;
    ::waitpid(pid_, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  const std::string& shown() const { return shown_; }

 private:
  bool read_some() {
    struct pollfd p {master_, POLLIN, 0};
    if (::poll(&p, 1, 60000) != 1) return false;
    char buf[4096];
    const ssize_t n = ::read(master_, buf, sizeof buf);
    if (n <= 0) return false;  // EIO once kstool has exited
    shown_.append(buf, static_cast<size_t>(n));
    return true;
  }

  pid_t pid_ = -1;
  int master_ = -1;
  std::string shown_;
  size_t searched_ = 0;
};

TEST(KstoolWriteTerminal, StorePasswordIsNotEchoedAliasIs) {
  ScratchDir dir;
  ASSERT_FALSE(dir.path().empty());
  kstool_test::write_bytes(dir.file("mixed.jks"), slurp(kStores + "/mixed.jks"));
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
  ASSERT_EQ("", kstool_test::describe_store(slurp(dir.file("mixed.jks")), "changeit", {"changeit", "keypass2"}, entries));
  EXPECT_EQ(1u, entries.count("typedalias"));
  EXPECT_EQ(0u, entries.count("dsa"));
}

TEST(KstoolWriteTerminal, ImportAsksEachPasswordWithoutEcho) {
  ScratchDir dir;
  ASSERT_FALSE(dir.path().empty());
  kstool_test::write_bytes(dir.file("mixed.jks"), slurp(kStores + "/mixed.jks"));
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
  EXPECT_EQ("", kstool_test::describe_store(slurp(dir.file("new.p12")), "secret1", {"secret1"}, entries));
  EXPECT_EQ(8u, entries.size());  // 7 entries and the format
}

}  // namespace
