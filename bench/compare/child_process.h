// Runs one command and measures it as the kernel sees it: wall-clock time
// from fork to reaping, and the child's peak resident set (ru_maxrss).
#pragma once

#include <string>
#include <vector>

namespace kstore::compare {

struct ChildRun {
  bool started = false;
  int exit_code = -1;      // -1 when killed by a signal
  double wall_ms = 0;
  double cpu_ms = 0;       // user + system time of the child and its threads: steadier than wall time on a busy machine
  double peak_rss_mib = 0;
  std::string output;      // stdout and stderr together, for error reports
};

// argv[0] is a path (no PATH search). stdin is /dev/null; output goes to
// `capture_path` and is read back into ChildRun::output.
ChildRun run_child(const std::vector<std::string>& argv, const std::string& capture_path);

}  // namespace kstore::compare
