// Locking the keystore for a read-modify-write.
#include "keystore_update.h"

#include "errors.h"

namespace kstool {

Outcome lock_keystore(const Context& ctx, KeystoreLock& out) {
  if (ctx.keystore_path == "NONE") return Outcome::ok();
  kstore::Result<kstore::FileLock> lock = kstore::FileLock::acquire(ctx.keystore_path);
  if (!lock.ok()) return Outcome::error("java.io.IOException", lock.status().message());
  out.lock.emplace(std::move(lock).value());
  return Outcome::ok();
}

Outcome open_keystore_for_update(Context& ctx, KeystoreLock& lock, OpenedKeystore& ks) {
  KSTOOL_TRY(lock_keystore(ctx, lock));
  return open_existing_keystore(ctx, StorePasswordPrompt::kUntilValid, ks);
}

}  // namespace kstool
