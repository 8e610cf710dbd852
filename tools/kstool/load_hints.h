// One hint line on stderr where kstool knows more about a keystore than
// keytool's message says (README, "Differences from keytool"): a PEM file
// given as a keystore, a file whose name says another format, a file cut
// short, a password that matched only in an encoding keytool does not try.
// stdout stays keytool's.
#pragma once

#include <ostream>
#include <string>

#include "kstore/keystore.h"
#include "kstore/status.h"

namespace kstool {

// After a failed load of `file` (read from `path`).
void print_load_failure_hint(std::ostream& err, const std::string& path, kstore::ByteView file,
                             const kstore::Status& status);

// After a successful load with a password.
void print_load_hint(std::ostream& err, const std::string& path, const kstore::Keystore& store);

}  // namespace kstool
