// Which function runs each keytool command. A command without one fails with
// "kstool does not implement -<command>".
#include "commands.h"

namespace kstool {

CommandHandler command_handler(Command c) {
  switch (c) {
    case Command::kList:
      return &run_list;
    case Command::kDelete:
      return &run_delete;
    case Command::kChangeAlias:
      return &run_change_alias;
    case Command::kImportKeystore:
      return &run_import_keystore;
    default:
      return nullptr;
  }
}

}  // namespace kstool
