// keytool's command line: the commands and options it knows, and a parser
// that follows sun.security.tools.keytool.Main.parseArgs (JDK 17) rule by rule.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kstore/password.h"
#include "outcome.h"

namespace kstool {

// Order = keytool's Command enum order, which is the order of the help text.
enum class Command {
  kCertReq,
  kChangeAlias,
  kDelete,
  kExportCert,
  kGenKeyPair,
  kGenSecKey,
  kGenCert,
  kImportCert,
  kImportPass,
  kImportKeystore,
  kKeyPasswd,
  kList,
  kPrintCert,
  kPrintCertReq,
  kPrintCrl,
  kStorePasswd,
  kShowInfo,
  // Undocumented (not in the general help) but accepted by keytool.
  kKeyClone,
  kSelfCert,
  kGenCrl,
  kIdentityDb,
};

struct CommandInfo {
  Command command;
  const char* name;        // "-list"
  const char* alt_name;    // "-genkey" for -genkeypair, else nullptr
  const char* description; // help text
  bool documented;         // listed by the general help
};
// The command table (commands.cc), in keytool's order.
const std::vector<CommandInfo>& commands();
const CommandInfo& command_info(Command c);
// The command a typed word names, matched as keytool matches words.
std::optional<Command> find_command(std::string_view typed);

// One option as the help prints it.
struct OptionInfo {
  const char* name;         // "-keystore"
  const char* arg;          // "<keystore>", nullptr for flags; may hold "\n" for a continuation line
  const char* description;  // may hold "\n" matching `arg`
};
// The options of `c`, in help order.
std::vector<OptionInfo> command_options(Command c);

// keytool matches words with a java.text.Collator of PRIMARY strength: case
// and accents do not matter ("-LIST", "-lïst"), ignorable characters are skipped.
bool collator_equals(std::string_view typed, std::string_view keyword);

// Everything the command line said, in keytool's variables. Absent optionals
// mean "not given".
struct Invocation {
  std::optional<Command> command;
  bool help = false;

  std::optional<std::string> keystore;       // -keystore / -destkeystore, as typed
  bool cacerts = false;
  std::optional<kstore::Password> storepass;  // -storepass / -deststorepass
  std::optional<std::string> storetype;      // -storetype / -deststoretype, upper-cased
  std::optional<kstore::Password> srcstorepass;
  std::optional<std::string> srcstoretype;
  std::optional<kstore::Password> srckeypass;
  std::optional<std::string> srcprovidername;
  std::optional<std::string> providername;   // -providername / -destprovidername
  std::optional<std::string> providerpath;
  std::optional<kstore::Password> keypass;
  std::optional<kstore::Password> newpass;
  std::optional<kstore::Password> destkeypass;
  std::optional<std::string> alias;          // -alias / -srcalias, as typed
  std::optional<std::string> dest;           // -destalias / -dest
  std::optional<std::string> dname;
  std::optional<int32_t> keysize;
  std::optional<std::string> groupname;
  std::optional<std::string> keyalg;
  std::optional<std::string> sigalg;
  std::optional<std::string> signer;
  std::optional<kstore::Password> signerkeypass;
  std::optional<std::string> startdate;
  int64_t validity = 90;
  std::vector<std::string> ext;
  std::vector<std::string> ids;
  std::optional<std::string> file;
  std::optional<std::string> infile;
  std::optional<std::string> outfile;
  std::optional<std::string> sslserver;
  std::optional<std::string> jarfile;
  std::optional<std::string> srckeystore;
  std::vector<std::pair<std::string, std::optional<std::string>>> provider_classes;  // -providerclass [-providerarg]
  std::vector<std::pair<std::string, std::optional<std::string>>> providers;         // -addprovider [-providerarg]
  std::optional<std::string> conf;

  bool verbose = false;
  bool debug = false;
  bool rfc = false;
  bool noprompt = false;
  bool trustcacerts = false;
  bool protected_path = false;     // -protected / -destprotected
  bool src_protected_path = false; // -srcprotected
  bool tls = false;
  bool nowarn = false;
  // kstool's own options (README, "Extensions"); keytool's help does not list them.
  bool show_hidden = false;        // -showhidden: -list also lists the entries the JDK does not see
  // -strict: where keytool exits 0 although it did not do everything asked
  // (entries not imported, no usable store password), exit 1 with an error.
  bool strict = false;

  // -J<option> arguments (the Java launcher's), in order, without the "-J".
  std::vector<std::string> jvm_options;
  // The -J-D<name>=<value> ones ("-J-Dname" alone gives an empty value).
  std::map<std::string, std::string> system_properties;

  // Lines for the final "Warning:" block gathered while parsing.
  std::vector<std::string> warnings;
  // Lines printed on stderr while parsing, before anything else (keytool
  // prints them as it meets the option).
  std::vector<std::string> notices;
};

// Environment and files the parser reads, replaceable in tests.
struct ParseEnvironment {
  // getenv: a view of the value, never a copy (see Environment::getenv).
  std::function<std::optional<std::string_view>(const std::string&)> getenv;
  // The path `-cacerts` stands for (to warn when -keystore names it), empty if unknown.
  std::string cacerts_path;
  // Java system properties for ${name} in -conf files (user.home, …); the
  // -J-D ones of the command line are added to these.
  std::map<std::string, std::string> system_properties;
  // Where -debug's "Command line args: [...]" line goes (keytool prints it
  // on stdout while it parses); nowhere when null.
  std::ostream* debug_out = nullptr;
};

// Parses argv[1..]. On failure the Outcome says what to print; `inv` then
// holds what was parsed so far (its command selects the usage text).
Outcome parse_args(const std::vector<std::string>& args, const ParseEnvironment& env, Invocation& inv);

// Reads a password option value: plain, ":env VAR" or ":file PATH" (first
// line, without its \n, \r\n or \r terminator). On failure returns a usage
// Outcome with keytool's message.
Outcome password_from_modifier(const std::optional<std::string>& modifier, const std::string& arg,
                               const ParseEnvironment& env, std::optional<kstore::Password>& out);

// KeyStoreUtil.niceStoreTypeName: Windows-MY/-ROOT keep their case, others are upper-cased.
std::string nice_store_type_name(std::string_view typed);

}  // namespace kstool
