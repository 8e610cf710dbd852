// Runs the kstool binary the way the CLI fixtures were recorded with keytool:
// in a given folder, with a fixed environment, stdin from a file, and stdout,
// stderr and the exit status captured.
#pragma once

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "support/fixtures.h"

namespace kstool_test {

struct RunResult {
  std::string out;
  std::string err;
  int exit_code = -1;
};

// Runs `program` (an absolute path). `env` entries are NAME=VALUE; TZ=UTC
// and LC_ALL=C.UTF-8 come first, so a later entry can override them.
// `stdin_path` empty means /dev/null.
inline RunResult run_program(const std::string& program, const std::vector<std::string>& args,
                             const std::string& cwd, const std::vector<std::string>& env,
                             const std::string& stdin_path = "") {
  char out_tmpl[] = "/tmp/kstool_out_XXXXXX";
  char err_tmpl[] = "/tmp/kstool_err_XXXXXX";
  const int out_fd = ::mkstemp(out_tmpl);
  const int err_fd = ::mkstemp(err_tmpl);
  RunResult result;
  if (out_fd < 0 || err_fd < 0) return result;
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int in_fd = ::open(stdin_path.empty() ? "/dev/null" : stdin_path.c_str(), O_RDONLY);
    if (in_fd < 0 || ::chdir(cwd.c_str()) != 0) ::_exit(127);
    ::dup2(in_fd, 0);
    ::dup2(out_fd, 1);
    ::dup2(err_fd, 2);
    std::vector<std::string> env_strings = {"TZ=UTC", "LC_ALL=C.UTF-8", "PATH=/usr/bin:/bin"};
    for (const std::string& e : env) env_strings.push_back(e);
    std::vector<char*> envp;
    for (std::string& e : env_strings) envp.push_back(e.data());
    envp.push_back(nullptr);
    std::vector<std::string> argv_strings = {program};
    for (const std::string& a : args) argv_strings.push_back(a);
    std::vector<char*> argv;
    for (std::string& a : argv_strings) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execve(program.c_str(), argv.data(), envp.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(out_fd);
  ::close(err_fd);
  result.out = kstore::testing::file_text(out_tmpl);
  result.err = kstore::testing::file_text(err_tmpl);
  ::unlink(out_tmpl);
  ::unlink(err_tmpl);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

inline RunResult run_kstool(const std::vector<std::string>& args, const std::string& cwd,
                            const std::vector<std::string>& env, const std::string& stdin_path = "") {
  return run_program(KSTOOL_PATH, args, cwd, env, stdin_path);
}

// A readable account of the first difference between two outputs.
inline std::string first_difference(const std::string& expected, const std::string& actual) {
  size_t line = 1;
  size_t i = 0;
  while (i < expected.size() && i < actual.size() && expected[i] == actual[i]) {
    if (expected[i] == '\n') ++line;
    ++i;
  }
  if (i == expected.size() && i == actual.size()) return "identical";
  auto line_at = [](const std::string& s, size_t pos) {
    size_t start = s.rfind('\n', pos == 0 ? 0 : pos - 1);
    start = start == std::string::npos ? 0 : start + 1;
    if (pos < s.size() && s[pos] == '\n' && pos > 0 && start > pos) start = pos;
    size_t end = s.find('\n', pos);
    return s.substr(start, end == std::string::npos ? std::string::npos : end - start);
  };
  std::ostringstream msg;
  msg << "first difference at byte " << i << " (line " << line << ")\n  expected: "
      << (i < expected.size() ? line_at(expected, i) : "<end of output>")
      << "\n  actual:   " << (i < actual.size() ? line_at(actual, i) : "<end of output>");
  return msg.str();
}

}  // namespace kstool_test
