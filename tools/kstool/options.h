// keytool's options as one table: each row says how the option's value is
// read, where it goes in the Invocation, and what -help says about it. The
// parser (cli.cc) and the help (help.cc) are both read off this table.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "cli.h"

namespace kstool {

// keytool's Option enum, in its order: the help lists name these, and the
// "needs an argument" check walks them in this order.
enum Opt : uint8_t {
  kAlias, kGroupName, kDestAlias, kDestKeyPass, kDestKeystore, kDestProtected, kDestProviderName,
  kDestStorePass, kDestStoreType, kDname, kExt, kFileOut, kFileIn, kId, kInfile, kKeyAlg, kKeyPass,
  kKeySize, kKeystore, kCacerts, kNew, kNoPrompt, kOutfile, kProtected, kProviderClass, kAddProvider,
  kProviderName, kProviderPath, kRfc, kSigAlg, kSigner, kSignerKeyPass, kSrcAlias, kSrcKeyPass,
  kSrcKeystore, kSrcProtected, kSrcProviderName, kSrcStorePass, kSrcStoreType, kSslServer, kJarFile,
  kStartDate, kStorePass, kStoreType, kTls, kTrustCacerts, kV, kValidity,
  kOptCount
};

// How an option's value is read.
enum class ValueKind : uint8_t {
  kFlag,          // no value: sets a bool
  kText,          // the next word
  kPassword,      // the next word, through a :env or :file modifier
  kStoreType,     // the next word, upper-cased as keytool names store types
  kKeystorePath,  // the next word; a notice when it names the cacerts file
  kInt32,         // the next word as Integer.parseInt reads it
  kInt64,         // the next word as Long.parseLong reads it
  kList,          // the next word, appended (the option may repeat)
  kProvider,      // the next word, then an optional "-providerarg <arg>" (may repeat)
  kHelp,          // asks for the help
  kConf,          // -conf <url>: read before parsing (conf_file.h); skipped here
  kSeenBefore,    // -debug: noted before parsing
};

// Where the value goes.
using Provider = std::pair<std::string, std::optional<std::string>>;
using OptionTarget =
    std::variant<std::monostate, bool Invocation::*, std::optional<std::string> Invocation::*,
                 std::optional<kstore::Password> Invocation::*, std::optional<int32_t> Invocation::*,
                 int64_t Invocation::*, std::vector<std::string> Invocation::*, std::vector<Provider> Invocation::*>;

struct OptionRow {
  const char* name;         // "-storepass"
  ValueKind kind;
  OptionTarget target;
  std::optional<Opt> help;  // its row in keytool's Option enum; none for words the help never shows
  const char* arg;          // "<arg>" for the help, nullptr for flags; may hold "\n" for a continuation line
  const char* description;  // may hold "\n" matching `arg`
  bool may_repeat = false;  // no "specified multiple times" warning
};

// The row for a typed word (matched as keytool matches words), nullptr if none.
const OptionRow* find_option(std::string_view typed);

// The row of keytool's Option enum entry `o`.
const OptionRow& option_row(Opt o);

// Whether a row of this kind takes the next word as its value.
bool takes_value(ValueKind kind);

}  // namespace kstool
