// kstool's driver: keytool's Main.run (JDK 17) over the kstore library.
#pragma once

#include <string>
#include <vector>

#include "context.h"

namespace kstool {

// Runs one command line (the arguments after the program name) and returns
// the exit status: 0 on success, 1 on any error, as keytool. The arguments
// are wiped once parsed (they may hold passwords).
int run(std::vector<std::string> args, Io io, const Environment& env);

// The environment of this process (getenv, the clock or KSTORE_NOW_MS,
// KSTORE_CRYPTO_BACKEND, KSTORE_WORKERS, $HOME, the cacerts file of
// $JAVA_HOME or the system's).
Environment process_environment();

}  // namespace kstool
