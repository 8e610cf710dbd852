// Which function runs each keytool command. A command without one fails with
// "kstool does not implement -<command>".
#include "commands.h"

namespace kstool {

CommandHandler command_handler(Command c) {
  switch (c) {
    case Command::kList:
      return &run_list;
    default:
      return nullptr;
  }
}

}  // namespace kstool
