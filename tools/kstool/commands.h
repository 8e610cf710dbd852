// The entry functions of the commands kstool implements, one file each, run
// after the checks every command shares (run.cc). The command table
// (commands.cc) names each command's function.
#pragma once

#include "cli.h"
#include "context.h"
#include "outcome.h"

namespace kstool {

using CommandHandler = Outcome (*)(Context& ctx);

// The function that runs `c`; nullptr for the keytool commands kstool does
// not implement (yet).
CommandHandler command_handler(Command c);

Outcome run_list(Context& ctx);
Outcome run_delete(Context& ctx);
Outcome run_change_alias(Context& ctx);
Outcome run_import_keystore(Context& ctx);

}  // namespace kstool
