// kstool: keytool's command line over the kstore library.
#include <csignal>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "run.h"
#include "terminal.h"

int main(int argc, char** argv) {
  // Output is bytes: no locale, no synchronisation with C stdio needed.
  std::ios::sync_with_stdio(false);
  // Like the JVM: a closed pipe (kstool -list | head -1) is not fatal, the
  // output is just lost and the exit status stays keytool's.
  std::signal(SIGPIPE, SIG_IGN);
  std::vector<std::string> args(argv + 1, argv + argc);
  kstool::ProcessStdin in;
  const kstool::Environment env = kstool::process_environment();
  return kstool::run(std::move(args), kstool::Io{std::cout, std::cerr, in}, env);
}
