// The JDK's keytool as the judge of what kstore writes: keytool
// -importkeystore recovers every key with the password, so an import
// without failures proves the JDK reads the file.
#pragma once

#include <string>

#include "kstore/bytes.h"

namespace kstore::testing {

// Whether keytool is on the PATH; the tests that need it skip without it.
bool have_keytool();

struct KeytoolImport {
  int exit_code = -1;  // std::system's status: 0 when keytool succeeded
  std::string output;  // keytool's stdout and stderr
};

// Writes `store` to a temporary file and imports it with keytool, as
// `type` (JKS, JCEKS, …) with `password`, into a new PKCS#12 store with the
// same password.
KeytoolImport keytool_import(ByteView store, const std::string& type, const std::string& password);

}  // namespace kstore::testing
