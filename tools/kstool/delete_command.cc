// -delete: keytool's doDeleteEntry. Removes one entry; every other entry is
// written back exactly as it was read (no key is unsealed, so no key
// password is needed).
#include "commands.h"
#include "keystore_update.h"
#include "reply_prompt.h"

namespace kstool {

Outcome run_delete(Context& ctx) {
  KeystoreLock lock;
  OpenedKeystore ks;
  KSTOOL_TRY(open_keystore_for_update(ctx, lock, ks));

  std::string alias;
  if (ctx.inv.alias) {
    alias = *ctx.inv.alias;
  } else {
    // keytool fails with a NullPointerException when the answer is the end
    // of input; kstool says what is missing (README, Differences).
    std::optional<std::string> typed = ask_line(ctx.io, "Enter alias name:  ");
    if (!typed || typed->empty()) return Outcome::exception("Must specify alias");
    alias = *typed;
  }

  const kstore::Entry* e = ks.jdk().find(alias);
  if (e == nullptr) return Outcome::exception("Alias <" + alias + "> does not exist");
  const std::string stored_alias = e->alias;
  ks.store.remove(stored_alias);
  return save_keystore_file(ctx, ks);
}

}  // namespace kstool
