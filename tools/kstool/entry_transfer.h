// Moving one entry from the source keystore of -importkeystore into the
// destination: keytool's recoverEntry (which password opens the key) and
// KeyStore.setEntry in the destination's format (how it is protected there).
#pragma once

#include <optional>
#include <string>

#include "context.h"
#include "import_preseal.h"
#include "keystore_access.h"
#include "kstore/keystore.h"
#include "kstore/password.h"
#include "kstore/sealing.h"
#include "outcome.h"

namespace kstool {

// An entry opened from the source.
struct RecoveredEntry {
  const kstore::Entry* source = nullptr;
  std::optional<kstore::SecretBytes> private_key;        // PKCS#8
  std::optional<kstore::SecretKeyMaterial> secret_key;
  // The password the key opened with (keytool's "pkey"); none for certificates.
  std::optional<kstore::Password> key_password;
};

// keytool's order: -srckeypass when given (PKCS#12: replaced by the store
// password), else the source store password, else (JKS, JCEKS) "Enter key
// password for <alias>" up to three times. A wrong password ends the
// command (keytool's UnrecoverableKeyException).
Outcome recover_entry(Context& ctx, const OpenedKeystore& src, const kstore::Entry& e, const std::string& alias,
                      RecoveredEntry& out);
// The same with `key_password` in place of -srckeypass (keytool's
// recoverKey for -keypasswd, with -keypass).
Outcome recover_entry(Context& ctx, const OpenedKeystore& src, const kstore::Entry& e, const std::string& alias,
                      const std::optional<kstore::Password>& key_password, RecoveredEntry& out);

// The entry as the destination stores it under `dest_alias`: keys sealed
// again with -destkeypass, else (PKCS#12) the destination store password,
// else the password they opened with; dated now. When the destination
// cannot hold it (a secret key in JKS, ...), `store_failure` receives
// keytool's exception text ("java.security.KeyStoreException: Cannot store
// non-PrivateKeys") and the entry is not made.
// `presealed`, when given, is the key already sealed for the destination
// (import_preseal.h); it is used if it was sealed with the password chosen.
Outcome convert_for_destination(Context& ctx, const OpenedKeystore& dest, const RecoveredEntry& rec,
                                const std::string& dest_alias, const kstore::SealParams& params,
                                kstore::Entry& out, std::string& store_failure,
                                const PresealedKey* presealed = nullptr);

}  // namespace kstool
