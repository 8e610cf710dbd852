// keytool's help and usage texts.
#pragma once

#include <optional>
#include <ostream>

#include "cli.h"

namespace kstool {

// The general help (no command) or the usage block of one command, as
// keytool prints them on stderr.
void print_usage(std::ostream& err, std::optional<Command> command);

}  // namespace kstool
