// Read-modify-write of the keystore a command changes (-delete,
// -changealias, -importkeystore): an exclusive lock on the file is taken
// before it is read and held until the new version has replaced it, so two
// kstool runs on one file serialize and neither change is lost.
#pragma once

#include <optional>

#include "context.h"
#include "keystore_access.h"
#include "kstore/file.h"
#include "outcome.h"

namespace kstool {

// Holds the lock for as long as it lives.
struct KeystoreLock {
  std::optional<kstore::FileLock> lock;
};

// Locks ctx.keystore_path (nothing to lock for -keystore NONE). A keystore
// that does not exist yet is guarded through its folder.
Outcome lock_keystore(const Context& ctx, KeystoreLock& out);

// Locks, then opens the existing keystore with keytool's prompt for
// commands that write (up to three tries of at least 6 characters).
Outcome open_keystore_for_update(Context& ctx, KeystoreLock& lock, OpenedKeystore& ks);

}  // namespace kstool
