// The commands kstool implements, each run after the checks every command
// shares (see run.cc).
#pragma once

#include "cli.h"
#include "context.h"
#include "outcome.h"

namespace kstool {

using CommandHandler = Outcome (*)(Context& ctx);

// nullptr for the keytool commands kstool does not implement (yet).
CommandHandler command_handler(Command c);

Outcome run_list(Context& ctx);
Outcome run_delete(Context& ctx);
Outcome run_change_alias(Context& ctx);
Outcome run_import_keystore(Context& ctx);

}  // namespace kstool
