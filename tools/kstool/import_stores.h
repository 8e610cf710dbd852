// The two keystores of -importkeystore: the source, read as keytool's
// loadSourceKeyStore reads it, and the destination, opened or created as
// keytool's doCommands does for this command.
#pragma once

#include <optional>

#include "context.h"
#include "keystore_access.h"
#include "keystore_update.h"
#include "kstore/password.h"
#include "outcome.h"

namespace kstool {

// Loads -srckeystore (-srcstoretype, -srcprovidername, -srcstorepass; when
// no password is given, "Enter source keystore password:  " once, and an
// empty answer loads without integrity check, with keytool's banner).
// A PKCS#12 source takes its store password for -srckeypass, with keytool's
// warning, which is why `inv.srckeypass` may change.
Outcome open_source_keystore(Context& ctx, OpenedKeystore& src);

// The destination (ctx.keystore_path), locked for the whole command.
//  - in place (`fresh_password` set: the source's store password when
//    -deststorepass is absent): a new, empty store of -deststoretype or PKCS12;
//  - an existing file: loaded with keytool's destination password prompt;
//  - no file: a new store of -deststoretype or PKCS12, its password given
//    (at least 6 characters) or asked for twice.
// New PKCS#12 stores get the protection of the -J-Dkeystore.pkcs12.*
// properties; an invalid property is reported in `pkcs12_property_error`,
// which keytool only notices when it writes the file.
// -genseckey and -importpass open or create their keystore the same way,
// asking "Enter keystore password:  " instead.
struct Destination {
  const char* password_prompt = "Enter destination keystore password:  ";
  KeystoreLock lock;
  OpenedKeystore ks;
  bool created = false;
  std::optional<Outcome> pkcs12_property_error;
};
Outcome open_destination_keystore(Context& ctx, bool in_place, const kstore::Password* in_place_password,
                                  Destination& out);

}  // namespace kstool
