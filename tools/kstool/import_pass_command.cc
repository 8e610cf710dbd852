// -importpass: a password read from the user, stored as a PBE secret key
// (secret_key_entry.h). JDK 17's Main runs -genseckey's doGenSecretKey for
// it, with -keyalg PBE when none is given.
#include "secret_key_entry.h"

namespace kstool {

Outcome run_import_pass(Context& ctx) {
  if (!ctx.inv.keyalg) ctx.inv.keyalg = "PBE";
  return add_secret_key_entry(ctx);
}

}  // namespace kstool
