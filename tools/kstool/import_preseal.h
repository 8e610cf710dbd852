// -importkeystore of a whole store on all cores. Sealing each key for the
// destination is nearly all of the work (10000 PBKDF2 iterations per key for
// PKCS#12), and keytool's entry-by-entry order (prompts, messages) leaves no
// room for threads. So the keys are sealed beforehand, in parallel
// (kstore::reseal_keys, KSTORE_WORKERS), with the passwords the import will
// most likely use; each entry then takes its presealed key when the password
// it is actually sealed with is the one assumed, and seals as usual otherwise.
#pragma once

#include <unordered_map>
#include <vector>

#include "context.h"
#include "keystore_access.h"
#include "kstore/keystore.h"
#include "kstore/sealing.h"

namespace kstool {

struct PresealedKey {
  kstore::SealedKey key;
  const kstore::Password* password = nullptr;  // what it is sealed with
};
using PresealedKeys = std::unordered_map<const kstore::Entry*, PresealedKey>;

// The source keys opened with the source store password and sealed for the
// destination with -destkeypass, else (PKCS#12) the destination store
// password, else that same source password. Entries that fail are left out.
PresealedKeys preseal_keys(const Context& ctx, const OpenedKeystore& src, const OpenedKeystore& dest,
                           const std::vector<const kstore::Entry*>& entries, const kstore::SealParams& params);

}  // namespace kstool
