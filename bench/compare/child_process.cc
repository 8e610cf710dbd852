// fork / execv / wait4. The timer starts before fork and stops after wait4
// returns, so process creation, dynamic loading and exit are all counted, as
// a user running the command would see them.
#include "child_process.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iterator>

namespace kstore::compare {

ChildRun run_child(const std::vector<std::string>& argv, const std::string& capture_path) {
  ChildRun run;
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);

  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid < 0) return run;
  if (pid == 0) {
    const int in = open("/dev/null", O_RDONLY);
    const int out = open(capture_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0) _exit(127);
    dup2(in, 0);
    dup2(out, 1);
    dup2(out, 2);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) != pid) return run;
  const auto end = std::chrono::steady_clock::now();

  run.started = true;
  run.wall_ms = std::chrono::duration<double, std::milli>(end - start).count();
  run.peak_rss_mib = static_cast<double>(usage.ru_maxrss) / 1024.0;  // KiB on Linux
  auto ms = [](const timeval& tv) { return static_cast<double>(tv.tv_sec) * 1e3 + static_cast<double>(tv.tv_usec) / 1e3; };
  run.cpu_ms = ms(usage.ru_utime) + ms(usage.ru_stime);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream captured(capture_path, std::ios::binary);
  run.output.assign(std::istreambuf_iterator<char>(captured), std::istreambuf_iterator<char>());
  return run;
}

}  // namespace kstore::compare
