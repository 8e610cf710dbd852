// How run.cc finds the function of a command: the command table
// (commands.cc) names it. Each command is one file, <name>_command.cc, with
// one entry function `Outcome run_<name>(Context&)`, run after the checks
// every command shares (run.cc).
#pragma once

#include "cli.h"
#include "context.h"
#include "outcome.h"

namespace kstool {

using CommandHandler = Outcome (*)(Context& ctx);

// The function that runs `c`; nullptr for the keytool commands kstool does
// not implement (yet).
CommandHandler command_handler(Command c);


}  // namespace kstool
