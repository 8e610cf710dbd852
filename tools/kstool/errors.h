// The one place where kstore errors become keytool's "keytool error:" lines.
#pragma once

#include <ostream>
#include <string>

#include "kstore/jdk_refusal.h"
#include "kstore/keystore.h"
#include "kstore/status.h"
#include "outcome.h"

namespace kstool {

// What was being loaded, for messages that name the file and its format.
struct LoadContext {
  std::string file;                 // the path as typed
  kstore::StoreType format;         // the file's own format (detected), or the one asked for
  bool with_password = false;       // a store password was given (integrity checked)
  // PKCS#12 only: the file has encrypted SafeContents, so the JDK's wrong
  // password shows while decrypting them rather than when checking the MAC.
  bool pkcs12_has_encrypted_data = true;
};

// Maps a failure of kstore::load_keystore to what keytool prints:
//  - wrong store password: keytool's own texts per format;
//  - everything keytool has no text for: a line naming the file and the cause,
//    "java.io.IOException: <file>: malformed JKS keystore: entry 3: …".
Outcome load_failure(const kstore::Status& status, const LoadContext& ctx);

// Any other kstore failure inside a command, as "java.lang.Exception: <message>"
// unless the code has a more specific Java counterpart.
Outcome library_failure(const kstore::Status& status);

// keytool's store-password prompt after three unusable answers (doCommands,
// the commands that may write): keytool prints "Too many failures - try
// later" on stderr and returns normally, exit 0, having done nothing. That is
// what kstool does, unless `strict` (-strict): then it is an error, exit 1.
Outcome store_password_given_up(bool strict, std::ostream& err);

// A refusal the JDK would make (kstore/jdk_refusal.h), as its exception.
Outcome jdk_refusal(const kstore::JdkRefusal& refusal);

}  // namespace kstool
