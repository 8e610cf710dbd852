// keytool -conf <file>: options prepended from a pre-configured options file
// (sun.security.tools.KeyStoreUtil.expandArgs).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "outcome.h"

namespace kstool {

// Reads `file` (java.util.Properties syntax) and returns the words of its
// "keytool.all" line, then of "keytool.<command>" (or of the command's
// alternative name), then `args`. Words are split on whitespace, may be
// quoted with " or ', and have ${property} expanded from `properties`.
Outcome expand_conf_args(const std::string& file, const std::string& command, const char* alt_command,
                         const std::map<std::string, std::string>& properties, std::vector<std::string>& args);

// java.util.Properties.load: key/value pairs of a .properties text.
std::map<std::string, std::string> parse_java_properties(const std::string& text);

}  // namespace kstool
