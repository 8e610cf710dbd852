// kstool: keytool's command line over the kstore library.
#include <iostream>
#include <string>
#include <vector>

#include "run.h"
#include "terminal.h"

int main(int argc, char** argv) {
  // Output is bytes: no locale, no synchronisation with C stdio needed.
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  kstool::ProcessStdin in;
  const kstool::Environment env = kstool::process_environment();
  return kstool::run(args, kstool::Io{std::cout, std::cerr, in}, env);
}
