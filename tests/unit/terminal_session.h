// kstool under a pseudo-terminal, as a person at a terminal runs it: what
// it shows, and answers typed once it asks (passwords once the echo is off).
#pragma once

#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "kstool_write_util.h"

namespace kstool_test {

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

}  // namespace kstool_test
