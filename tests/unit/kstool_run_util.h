// Runs the kstool binary the way the CLI fixtures were recorded with keytool:
// in a given folder, with a fixed environment, stdin from a file, and stdout,
// stderr and the exit status captured.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
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

// Starts `program` (an absolute path) in `cwd` with the given standard
// streams. `env` entries are NAME=VALUE; TZ=UTC and LC_ALL=C.UTF-8 come
// first, so a later entry can override them. Returns the child's pid.
inline pid_t spawn_program(const std::string& program, const std::vector<std::string>& args, const std::string& cwd,
                           const std::vector<std::string>& env, int in_fd, int out_fd, int err_fd) {
  const pid_t pid = ::fork();
  if (pid != 0) return pid;
  ::signal(SIGPIPE, SIG_DFL);  // run_answering ignores it in the test process
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

inline int exit_code_of(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }

// Runs `program` with stdin from a file (`stdin_path`, empty = /dev/null),
// all of it available at once, as a pipe from a file gives it.
inline RunResult run_program(const std::string& program, const std::vector<std::string>& args,
                             const std::string& cwd, const std::vector<std::string>& env,
                             const std::string& stdin_path = "") {
  char out_tmpl[] = "/tmp/kstool_out_XXXXXX";
  char err_tmpl[] = "/tmp/kstool_err_XXXXXX";
  const int out_fd = ::mkstemp(out_tmpl);
  const int err_fd = ::mkstemp(err_tmpl);
  RunResult result;
  if (out_fd < 0 || err_fd < 0) return result;
  const int in_fd = ::open(stdin_path.empty() ? "/dev/null" : stdin_path.c_str(), O_RDONLY | O_CLOEXEC);
  const pid_t pid = spawn_program(program, args, cwd, env, in_fd, out_fd, err_fd);
  if (in_fd >= 0) ::close(in_fd);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(out_fd);
  ::close(err_fd);
  result.out = kstore::testing::file_text(out_tmpl);
  result.err = kstore::testing::file_text(err_tmpl);
  ::unlink(out_tmpl);
  ::unlink(err_tmpl);
  result.exit_code = exit_code_of(status);
  return result;
}

// Runs `program` as a person answers it: each time it waits at a prompt
// (standard error ends without a newline and stays quiet), it gets the next
// line of `answers_path`; when the lines are used up, standard input is
// closed. testdata/answer_prompts.py does the same for keytool.
inline RunResult run_answering(const std::string& program, const std::vector<std::string>& args,
                               const std::string& cwd, const std::vector<std::string>& env,
                               const std::string& answers_path) {
  // A write after the program exited must fail, not kill the test.
  ::signal(SIGPIPE, SIG_IGN);
  std::vector<std::string> answers;
  {
    std::istringstream lines(kstore::testing::file_text(answers_path));
    for (std::string line; std::getline(lines, line);) answers.push_back(line + "\n");
  }
  char out_tmpl[] = "/tmp/kstool_out_XXXXXX";
  const int out_fd = ::mkstemp(out_tmpl);
  int in_pipe[2];
  int err_pipe[2];
  RunResult result;
  if (out_fd < 0 || ::pipe2(in_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0) return result;
  const pid_t pid = spawn_program(program, args, cwd, env, in_pipe[0], out_fd, err_pipe[1]);
  ::close(in_pipe[0]);
  ::close(err_pipe[1]);
  int to_child = in_pipe[1];
  size_t answered_at = 0;
  size_t next = 0;
  int quiet_polls = 0;
  for (;;) {
    pollfd p{err_pipe[0], POLLIN, 0};
    const int ready = ::poll(&p, 1, 150);
    if (ready > 0) {
      char buf[4096];
      const ssize_t n = ::read(err_pipe[0], buf, sizeof buf);
      if (n <= 0) break;
      result.err.append(buf, static_cast<size_t>(n));
      quiet_polls = 0;
      continue;
    }
    // A program that reads on without a new prompt gets the end of input
    // after a long silence rather than hanging the test.
    if (++quiet_polls > 60 && to_child >= 0) {
      ::close(to_child);
      to_child = -1;
    }
    const bool waiting = result.err.size() > answered_at && result.err.back() != '\n';
    if (waiting && to_child >= 0) {
      if (next < answers.size()) {
        const std::string& line = answers[next++];
        if (::write(to_child, line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
          ::close(to_child);
          to_child = -1;
        }
      } else {
        ::close(to_child);
        to_child = -1;
      }
      answered_at = result.err.size();
    }
  }
  if (to_child >= 0) ::close(to_child);
  ::close(err_pipe[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(out_fd);
  result.out = kstore::testing::file_text(out_tmpl);
  ::unlink(out_tmpl);
  result.exit_code = exit_code_of(status);
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
