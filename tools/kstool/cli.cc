// keytool's argument parser, after sun.security.tools.keytool.Main.parseArgs
// and KeyStoreUtil.getPassWithModifier (JDK 17). The order of the checks is
// the order keytool makes them, because it decides which message wins.
#include "cli.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <set>
#include <sstream>

#include "conf_file.h"
#include "kstore/java_string.h"
#include "text.h"

namespace kstool {
namespace {

// ---- tables ---------------------------------------------------------------

// keytool's Option enum, in its order (which matters: the "needs an argument"
// check stops at the first option matching the last word).
struct OptionDef {
  const char* name;
  const char* arg;
  const char* description;
};
enum Opt {
  kAlias, kGroupName, kDestAlias, kDestKeyPass, kDestKeystore, kDestProtected, kDestProviderName,
  kDestStorePass, kDestStoreType, kDname, kExt, kFileOut, kFileIn, kId, kInfile, kKeyAlg, kKeyPass,
  kKeySize, kKeystore, kCacerts, kNew, kNoPrompt, kOutfile, kProtected, kProviderClass, kAddProvider,
  kProviderName, kProviderPath, kRfc, kSigAlg, kSigner, kSignerKeyPass, kSrcAlias, kSrcKeyPass,
  kSrcKeystore, kSrcProtected, kSrcProviderName, kSrcStorePass, kSrcStoreType, kSslServer, kJarFile,
  kStartDate, kStorePass, kStoreType, kTls, kTrustCacerts, kV, kValidity, kOptCount
};
constexpr OptionDef kOptions[kOptCount] = {
    {"-alias", "<alias>", "alias name of the entry to process"},
    {"-groupname", "<name>", "Group name. For example, an Elliptic Curve name."},
    {"-destalias", "<alias>", "destination alias"},
    {"-destkeypass", "<arg>", "destination key password"},
    {"-destkeystore", "<keystore>", "destination keystore name"},
    {"-destprotected", nullptr, "destination keystore password protected"},
    {"-destprovidername", "<name>", "destination keystore provider name"},
    {"-deststorepass", "<arg>", "destination keystore password"},
    {"-deststoretype", "<type>", "destination keystore type"},
    {"-dname", "<name>", "distinguished name"},
    {"-ext", "<value>", "X.509 extension"},
    {"-file", "<file>", "output file name"},
    {"-file", "<file>", "input file name"},
    {"-id", "<id:reason>", "Serial ID of cert to revoke"},
    {"-infile", "<file>", "input file name"},
    {"-keyalg", "<alg>", "key algorithm name"},
    {"-keypass", "<arg>", "key password"},
    {"-keysize", "<size>", "key bit size"},
    {"-keystore", "<keystore>", "keystore name"},
    {"-cacerts", nullptr, "access the cacerts keystore"},
    {"-new", "<arg>", "new password"},
    {"-noprompt", nullptr, "do not prompt"},
    {"-outfile", "<file>", "output file name"},
    {"-protected", nullptr, "password through protected mechanism"},
    {"-providerclass", "<class>\n[-providerarg <arg>]",
     "add security provider by fully-qualified class name\nconfigure argument for -providerclass"},
    {"-addprovider", "<name>\n[-providerarg <arg>]",
     "add security provider by name (e.g. SunPKCS11)\nconfigure argument for -addprovider"},
    {"-providername", "<name>", "provider name"},
    {"-providerpath", "<list>", "provider classpath"},
    {"-rfc", nullptr, "output in RFC style"},
    {"-sigalg", "<alg>", "signature algorithm name"},
    {"-signer", "<alias>", "signer alias"},
    {"-signerkeypass", "<arg>", "signer key password"},
    {"-srcalias", "<alias>", "source alias"},
    {"-srckeypass", "<arg>", "source key password"},
    {"-srckeystore", "<keystore>", "source keystore name"},
    {"-srcprotected", nullptr, "source keystore password protected"},
    {"-srcprovidername", "<name>", "source keystore provider name"},
    {"-srcstorepass", "<arg>", "source keystore password"},
    {"-srcstoretype", "<type>", "source keystore type"},
    {"-sslserver", "<server[:port]>", "SSL server host and port"},
    {"-jarfile", "<file>", "signed jar file"},
    {"-startdate", "<date>", "certificate validity start date/time"},
    {"-storepass", "<arg>", "keystore password"},
    {"-storetype", "<type>", "keystore type"},
    {"-tls", nullptr, "Displays TLS configuration information"},
    {"-trustcacerts", nullptr, "trust certificates from cacerts"},
    {"-v", nullptr, "verbose output"},
    {"-validity", "<days>", "validity number of days"},
};

struct CommandDef {
  CommandInfo info;
  std::vector<Opt> options;
};

const std::vector<CommandDef>& command_defs() {
  static const std::vector<CommandDef> defs = {
      {{Command::kCertReq, "-certreq", nullptr, "Generates a certificate request", true},
       {kAlias, kSigAlg, kFileOut, kKeyPass, kKeystore, kDname, kExt, kStorePass, kStoreType, kProviderName,
        kAddProvider, kProviderClass, kProviderPath, kV, kProtected}},
      {{Command::kChangeAlias, "-changealias", nullptr, "Changes an entry's alias", true},
       {kAlias, kDestAlias, kKeyPass, kKeystore, kCacerts, kStorePass, kStoreType, kProviderName, kAddProvider,
        kProviderClass, kProviderPath, kV, kProtected}},
      {{Command::kDelete, "-delete", nullptr, "Deletes an entry", true},
       {kAlias, kKeystore, kCacerts, kStorePass, kStoreType, kProviderName, kAddProvider, kProviderClass,
        kProviderPath, kV, kProtected}},
      {{Command::kExportCert, "-exportcert", "-export", "Exports certificate", true},
       {kRfc, kAlias, kFileOut, kKeystore, kCacerts, kStorePass, kStoreType, kProviderName, kAddProvider,
        kProviderClass, kProviderPath, kV, kProtected}},
      {{Command::kGenKeyPair, "-genkeypair", "-genkey", "Generates a key pair", true},
       {kAlias, kKeyAlg, kKeySize, kGroupName, kSigAlg, kDname, kStartDate, kExt, kValidity, kKeyPass, kKeystore,
        kSigner, kSignerKeyPass, kStorePass, kStoreType, kProviderName, kAddProvider, kProviderClass,
        kProviderPath, kV, kProtected}},
      {{Command::kGenSecKey, "-genseckey", nullptr, "Generates a secret key", true},
       {kAlias, kKeyPass, kKeyAlg, kKeySize, kKeystore, kStorePass, kStoreType, kProviderName, kAddProvider,
        kProviderClass, kProviderPath, kV, kProtected}},
      {{Command::kGenCert, "-gencert", nullptr, "Generates certificate from a certificate request", true},
       {kRfc, kInfile, kOutfile, kAlias, kSigAlg, kDname, kStartDate, kExt, kValidity, kKeyPass, kKeystore,
        kStorePass, kStoreType, kProviderName, kAddProvider, kProviderClass, kProviderPath, kV, kProtected}},
      {{Command::kImportCert, "-importcert", "-import", "Imports a certificate or a certificate chain", true},
       {kNoPrompt, kTrustCacerts, kProtected, kAlias, kFileIn, kKeyPass, kKeystore, kCacerts, kStorePass,
        kStoreType, kProviderName, kAddProvider, kProviderClass, kProviderPath, kV}},
      {{Command::kImportPass, "-importpass", "-importpassword", "Imports a password", true},
       {kAlias, kKeyPass, kKeyAlg, kKeySize, kKeystore, kStorePass, kStoreType, kProviderName, kAddProvider,
        kProviderClass, kProviderPath, kV, kProtected}},
      {{Command::kImportKeystore, "-importkeystore", nullptr, "Imports one or all entries from another keystore",
        true},
       {kSrcKeystore, kDestKeystore, kSrcStoreType, kDestStoreType, kSrcStorePass, kDestStorePass, kSrcProtected,
        kDestProtected, kSrcProviderName, kDestProviderName, kSrcAlias, kDestAlias, kSrcKeyPass, kDestKeyPass,
        kNoPrompt, kAddProvider, kProviderClass, kProviderPath, kV}},
      {{Command::kKeyPasswd, "-keypasswd", nullptr, "Changes the key password of an entry", true},
       {kAlias, kKeyPass, kNew, kKeystore, kStorePass, kStoreType, kProviderName, kAddProvider, kProviderClass,
        kProviderPath, kV}},
      {{Command::kList, "-list", nullptr, "Lists entries in a keystore", true},
       {kRfc, kAlias, kKeystore, kCacerts, kStorePass, kStoreType, kProviderName, kAddProvider, kProviderClass,
        kProviderPath, kV, kProtected}},
      {{Command::kPrintCert, "-printcert", nullptr, "Prints the content of a certificate", true},
       {kRfc, kFileIn, kSslServer, kJarFile, kKeystore, kStorePass, kStoreType, kTrustCacerts, kProviderName,
        kAddProvider, kProviderClass, kProviderPath, kV, kProtected}},
      {{Command::kPrintCertReq, "-printcertreq", nullptr, "Prints the content of a certificate request", true},
       {kFileIn, kV}},
      {{Command::kPrintCrl, "-printcrl", nullptr, "Prints the content of a CRL file", true},
       {kFileIn, kKeystore, kStorePass, kStoreType, kTrustCacerts, kProviderName, kAddProvider, kProviderClass,
        kProviderPath, kV, kProtected}},
      {{Command::kStorePasswd, "-storepasswd", nullptr, "Changes the store password of a keystore", true},
       {kNew, kKeystore, kCacerts, kStorePass, kStoreType, kProviderName, kAddProvider, kProviderClass,
        kProviderPath, kV}},
      {{Command::kShowInfo, "-showinfo", nullptr, "Displays security-related information", true}, {kTls, kV}},
      {{Command::kKeyClone, "-keyclone", nullptr, "Clones a key entry", false},
       {kAlias, kDestAlias, kKeyPass, kNew, kStoreType, kKeystore, kStorePass, kProviderName, kAddProvider,
        kProviderClass, kProviderPath, kV}},
      {{Command::kSelfCert, "-selfcert", nullptr, "Generates a self-signed certificate", false},
       {kAlias, kSigAlg, kDname, kStartDate, kExt, kValidity, kKeyPass, kStoreType, kKeystore, kStorePass,
        kProviderName, kAddProvider, kProviderClass, kProviderPath, kV}},
      {{Command::kGenCrl, "-gencrl", nullptr, "Generates CRL", false},
       {kRfc, kFileOut, kId, kAlias, kSigAlg, kKeyPass, kKeystore, kStorePass, kStoreType, kProviderName,
        kAddProvider, kProviderClass, kProviderPath, kV, kProtected}},
      {{Command::kIdentityDb, "-identitydb", nullptr, "Imports entries from a JDK 1.1.x-style identity database",
        false},
       {kFileIn, kStoreType, kKeystore, kStorePass, kProviderName, kAddProvider, kProviderClass, kProviderPath,
        kV}},
  };
  return defs;
}

std::optional<Command> find_command(std::string_view flags) {
  for (const CommandDef& d : command_defs()) {
    if (collator_equals(flags, d.info.name) || (d.info.alt_name && collator_equals(flags, d.info.alt_name)))
      return d.info.command;
  }
  return std::nullopt;
}

// ---- number parsing as Integer.parseInt / Long.parseLong -------------------

template <typename T>
Outcome parse_java_integer(const std::string& s, T& out) {
  const Outcome bad = Outcome::error("java.lang.NumberFormatException", "For input string: \"" + s + "\"");
  size_t i = 0;
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    i = 1;
  }
  if (i >= s.size()) return bad;
  // The magnitude may reach max + 1 for a negative number (the minimum value).
  const uint64_t limit = static_cast<uint64_t>(std::numeric_limits<T>::max()) + (negative ? 1 : 0);
  uint64_t value = 0;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return bad;
    const uint64_t digit = static_cast<uint64_t>(s[i] - '0');
    if (value > (limit - digit) / 10) return bad;
    value = value * 10 + digit;
  }
  out = negative ? static_cast<T>(uint64_t(0) - value) : static_cast<T>(value);
  return Outcome::ok();
}

// Lower-casing as String.toLowerCase(Locale.ROOT) for the words of a
// command line (ASCII and Latin letters; others are kept).
std::string lower_for_message(std::string_view s) {
  std::u32string cps = kstore::decode_utf8_lenient(s);
  for (char32_t& c : cps) c = simple_lower(c);
  return encode_utf8(cps);
}

bool is_url_with_known_scheme(std::string_view s, std::string* scheme_out) {
  // java.net.URL accepts these protocols out of the box; anything else is a
  // MalformedURLException, and keytool then treats the text as a file name.
  static const char* const kSchemes[] = {"file", "http", "https", "ftp", "jar", "jrt", "mailto"};
  const size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  std::string scheme(s.substr(0, colon));
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* k : kSchemes) {
    if (scheme == k) {
      *scheme_out = scheme;
      return true;
    }
  }
  return false;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// BufferedReader.readLine on the file's first line: the text up to \n, \r or
// \r\n; an empty file gives an empty password.
// The first line of a password file. Read with plain read(2) in small
// chunks into wiped buffers: an ifstream would leave the file's contents in
// its own buffer, freed without being cleared.
Outcome read_first_line(const std::string& path, const std::string& shown, kstore::SecretBytes& line) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
    return Outcome::usage("java.io.IOException: " + shown + " (Is a directory)");
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    return Outcome::usage("java.io.FileNotFoundException: " + shown + " (" + java_errno_text(err) + ")");
  }
  line = kstore::SecretBytes();
  kstore::SecretBytes chunk(256);
  bool done = false;
  while (!done) {
    const ssize_t n = ::read(fd, chunk.data(), chunk.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    size_t end = 0;
    while (end < static_cast<size_t>(n) && chunk[end] != '\n' && chunk[end] != '\r') ++end;
    line.append(chunk.view().first(end));
    done = end < static_cast<size_t>(n);
  }
  ::close(fd);
  return Outcome::ok();
}

}  // namespace

const std::vector<CommandInfo>& commands() {
  static const std::vector<CommandInfo> infos = [] {
    std::vector<CommandInfo> v;
    for (const CommandDef& d : command_defs()) v.push_back(d.info);
    return v;
  }();
  return infos;
}

const CommandInfo& command_info(Command c) {
  for (const CommandDef& d : command_defs())
    if (d.info.command == c) return d.info;
  return command_defs().front().info;  // unreachable: every Command has a row
}

std::vector<OptionInfo> command_options(Command c) {
  std::vector<OptionInfo> out;
  for (const CommandDef& d : command_defs()) {
    if (d.info.command != c) continue;
    for (Opt o : d.options) out.push_back({kOptions[o].name, kOptions[o].arg, kOptions[o].description});
  }
  return out;
}

bool collator_equals(std::string_view typed, std::string_view keyword) {
  // Every argument is compared with every option name; for plain printable
  // ASCII the collation key is just the lower-cased text, and building keys
  // for all of them was a fifth of a one-entry -list's CPU time.
  auto plain = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
  };
  if (plain(typed) && plain(keyword)) return kstore::equals_ignore_ascii_case(typed, keyword);
  return primary_collation_key(typed) == primary_collation_key(keyword);
}

std::string nice_store_type_name(std::string_view typed) {
  if (kstore::equals_ignore_ascii_case(typed, "Windows-MY")) return "Windows-MY";
  if (kstore::equals_ignore_ascii_case(typed, "Windows-ROOT")) return "Windows-ROOT";
  // toUpperCase(Locale.ENGLISH)
  std::u32string cps = kstore::decode_utf8_lenient(typed);
  for (char32_t& c : cps) c = simple_upper(c);
  return encode_utf8(cps);
}

Outcome password_from_modifier(const std::optional<std::string>& modifier, const std::string& arg,
                               const ParseEnvironment& env, std::optional<kstore::Password>& out) {
  if (!modifier) {
    out = kstore::Password::from_utf8(arg);
    return Outcome::ok();
  }
  if (collator_equals(*modifier, "env")) {
    const std::optional<std::string_view> value = env.getenv ? env.getenv(arg) : std::nullopt;
    if (!value) return Outcome::usage("Cannot find environment variable: " + arg);
    out = kstore::Password::from_utf8(*value);  // the value itself is wiped by whoever owns it
    return Outcome::ok();
  }
  if (collator_equals(*modifier, "file")) {
    std::string path = arg;
    std::string scheme;
    if (is_url_with_known_scheme(arg, &scheme)) {
      if (scheme != "file")
        return Outcome::usage("java.io.IOException: kstool reads passwords from local files only, not from " + arg);
      // file:/p, file:///p and file://localhost/p all name /p.
      std::string_view rest = std::string_view(arg).substr(5);
      if (rest.substr(0, 2) == "//") {
        rest.remove_prefix(2);
        const size_t slash = rest.find('/');
        rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
      }
      path = percent_decode(rest);
    } else {
      struct stat st {};
      if (::stat(path.c_str(), &st) != 0) return Outcome::usage("Cannot find file: " + arg);
    }
    kstore::SecretBytes line;
    KSTOOL_TRY(read_first_line(path, path, line));
    out = kstore::Password::from_utf8(
        std::string_view(reinterpret_cast<const char*>(line.data()), line.size()));
    return Outcome::ok();
  }
  return Outcome::usage("Unknown password type: " + *modifier);
}

Outcome parse_args(const std::vector<std::string>& args_in, const ParseEnvironment& env, Invocation& inv) {
  inv.help = args_in.empty();

  // First pass: repeated options (warned about at the end) and the command,
  // so that a usage error names the command wherever it appears.
  std::set<std::string> seen;
  for (size_t i = 0; i < args_in.size(); ++i) {
    const std::string& flags = args_in[i];
    if (flags.empty() || flags[0] != '-') continue;
    const std::string lower = lower_for_message(flags);
    if (seen.count(lower)) {
      if (lower != "-ext" && lower != "-id" && lower != "-provider" && lower != "-addprovider" &&
          lower != "-providerclass" && lower != "-providerarg") {
        inv.warnings.push_back("The " + lower + " option is specified multiple times. All except the last one will be ignored.");
      }
    } else {
      seen.insert(lower);
    }
    if (collator_equals(flags, "-conf")) {
      if (i == args_in.size() - 1) return Outcome::usage("Command option " + flags + " needs an argument.");
      inv.conf = args_in[++i];
    } else if (std::optional<Command> c = find_command(flags)) {
      if (!inv.command) {
        inv.command = c;
      } else {
        return Outcome::exception(std::string("Only one command is allowed: both ") +
                                  command_info(*inv.command).name + " and " + command_info(*c).name +
                                  " were specified.");
      }
    }
  }

  std::vector<std::string> expanded;
  if (inv.conf && inv.command) {
    std::map<std::string, std::string> props = env.system_properties;
    for (const auto& [k, v] : inv.system_properties) props[k] = v;
    expanded = args_in;
    const CommandInfo& info = command_info(*inv.command);
    KSTOOL_TRY(expand_conf_args(*inv.conf, info.name, info.alt_name, props, expanded));
  }
  const std::vector<std::string>& args = expanded.empty() ? args_in : expanded;
  const size_t n = args.size();

  for (const std::string& a : args) {
    if (collator_equals(a, "-debug")) inv.debug = true;
  }

  size_t i = 0;
  // The value after option i; keytool indexes past the end when an option it
  // does not check (e.g. "-storepass:env" last) has none.
  auto next_value = [&](std::string& value) -> Outcome {
    if (i + 1 >= n) {
      return Outcome::error("java.lang.ArrayIndexOutOfBoundsException",
                            "Index " + std::to_string(n) + " out of bounds for length " + std::to_string(n));
    }
    value = args[++i];
    return Outcome::ok();
  };
  auto password_value = [&](const std::optional<std::string>& modifier,
                            std::optional<kstore::Password>& out) -> Outcome {
    std::string value;
    KSTOOL_TRY(next_value(value));
    Outcome o = password_from_modifier(modifier, value, env, out);
    kstore::secure_wipe(value.data(), value.size());
    return o;
  };
  auto string_value = [&](std::optional<std::string>& out) -> Outcome {
    std::string value;
    KSTOOL_TRY(next_value(value));
    out = std::move(value);
    return Outcome::ok();
  };
  // -providerclass / -addprovider take an optional "-providerarg <arg>" after their value.
  auto provider_value = [&](std::vector<std::pair<std::string, std::optional<std::string>>>& out) -> Outcome {
    std::string value;
    KSTOOL_TRY(next_value(value));
    std::optional<std::string> provider_arg;
    if (n > i + 1 && collator_equals(args[i + 1], "-providerarg")) {
      if (n == i + 2) return Outcome::usage("Command option " + args[i + 1] + " needs an argument.");
      provider_arg = args[i + 2];
      i += 2;
    }
    out.emplace_back(std::move(value), std::move(provider_arg));
    return Outcome::ok();
  };

  for (; i < n && !args[i].empty() && args[i][0] == '-'; ++i) {
    std::string flags = args[i];

    if (i == n - 1) {
      for (const OptionDef& o : kOptions) {
        if (collator_equals(flags, o.name)) {
          if (o.arg != nullptr) return Outcome::usage("Command option " + flags + " needs an argument.");
          break;
        }
      }
    }

    std::optional<std::string> modifier;
    const size_t colon = flags.find(':');
    if (colon != std::string::npos && colon > 0) {
      modifier = flags.substr(colon + 1);
      flags.resize(colon);
    }

    auto is = [&](const char* word) { return collator_equals(flags, word); };
    if (std::optional<Command> c = find_command(flags)) {
      inv.command = c;
    } else if (is("--help") || is("-h") || is("-?") || is("-help")) {
      inv.help = true;
    } else if (is("-conf")) {
      ++i;
    } else if (is("-nowarn")) {
      inv.nowarn = true;
    } else if (is("-keystore")) {
      KSTOOL_TRY(string_value(inv.keystore));
      if (!env.cacerts_path.empty() && same_file(*inv.keystore, env.cacerts_path))
        inv.notices.push_back("Warning: use -cacerts option to access cacerts keystore");
    } else if (is("-destkeystore")) {
      KSTOOL_TRY(string_value(inv.keystore));
    } else if (is("-cacerts")) {
      inv.cacerts = true;
    } else if (is("-storepass") || is("-deststorepass")) {
      KSTOOL_TRY(password_value(modifier, inv.storepass));
    } else if (is("-storetype") || is("-deststoretype")) {
      KSTOOL_TRY(string_value(inv.storetype));
      inv.storetype = nice_store_type_name(*inv.storetype);
    } else if (is("-srcstorepass")) {
      KSTOOL_TRY(password_value(modifier, inv.srcstorepass));
    } else if (is("-srcstoretype")) {
      KSTOOL_TRY(string_value(inv.srcstoretype));
      inv.srcstoretype = nice_store_type_name(*inv.srcstoretype);
    } else if (is("-srckeypass")) {
      KSTOOL_TRY(password_value(modifier, inv.srckeypass));
    } else if (is("-srcprovidername")) {
      KSTOOL_TRY(string_value(inv.srcprovidername));
    } else if (is("-providername") || is("-destprovidername")) {
      KSTOOL_TRY(string_value(inv.providername));
    } else if (is("-providerpath")) {
      KSTOOL_TRY(string_value(inv.providerpath));
    } else if (is("-keypass")) {
      KSTOOL_TRY(password_value(modifier, inv.keypass));
    } else if (is("-new")) {
      KSTOOL_TRY(password_value(modifier, inv.newpass));
    } else if (is("-destkeypass")) {
      KSTOOL_TRY(password_value(modifier, inv.destkeypass));
    } else if (is("-alias") || is("-srcalias")) {
      KSTOOL_TRY(string_value(inv.alias));
    } else if (is("-dest") || is("-destalias")) {
      KSTOOL_TRY(string_value(inv.dest));
    } else if (is("-dname")) {
      KSTOOL_TRY(string_value(inv.dname));
    } else if (is("-keysize")) {
      std::string v;
      KSTOOL_TRY(next_value(v));
      int32_t size = 0;
      KSTOOL_TRY(parse_java_integer(v, size));
      inv.keysize = size;
    } else if (is("-groupname")) {
      KSTOOL_TRY(string_value(inv.groupname));
    } else if (is("-keyalg")) {
      KSTOOL_TRY(string_value(inv.keyalg));
    } else if (is("-sigalg")) {
      KSTOOL_TRY(string_value(inv.sigalg));
    } else if (is("-signer")) {
      KSTOOL_TRY(string_value(inv.signer));
    } else if (is("-signerkeypass")) {
      KSTOOL_TRY(password_value(modifier, inv.signerkeypass));
    } else if (is("-startdate")) {
      KSTOOL_TRY(string_value(inv.startdate));
    } else if (is("-validity")) {
      std::string v;
      KSTOOL_TRY(next_value(v));
      KSTOOL_TRY(parse_java_integer(v, inv.validity));
      inv.validity_given = true;
    } else if (is("-ext")) {
      std::optional<std::string> v;
      KSTOOL_TRY(string_value(v));
      inv.ext.push_back(*v);
    } else if (is("-id")) {
      std::optional<std::string> v;
      KSTOOL_TRY(string_value(v));
      inv.ids.push_back(*v);
    } else if (is("-file")) {
      KSTOOL_TRY(string_value(inv.file));
    } else if (is("-infile")) {
      KSTOOL_TRY(string_value(inv.infile));
    } else if (is("-outfile")) {
      KSTOOL_TRY(string_value(inv.outfile));
    } else if (is("-sslserver")) {
      KSTOOL_TRY(string_value(inv.sslserver));
    } else if (is("-jarfile")) {
      KSTOOL_TRY(string_value(inv.jarfile));
    } else if (is("-srckeystore")) {
      KSTOOL_TRY(string_value(inv.srckeystore));
    } else if (is("-provider") || is("-providerclass")) {
      KSTOOL_TRY(provider_value(inv.provider_classes));
    } else if (is("-addprovider")) {
      KSTOOL_TRY(provider_value(inv.providers));
    } else if (is("-v")) {
      inv.verbose = true;
    } else if (is("-debug")) {
      // already seen above
    } else if (is("-rfc")) {
      inv.rfc = true;
    } else if (is("-noprompt")) {
      inv.noprompt = true;
    } else if (is("-trustcacerts")) {
      inv.trustcacerts = true;
    } else if (is("-protected") || is("-destprotected")) {
      inv.protected_path = true;
    } else if (is("-srcprotected")) {
      inv.src_protected_path = true;
    } else if (is("-tls")) {
      inv.tls = true;
    } else {
      return Outcome::usage("Illegal option:  " + flags);
    }
  }

  if (i < n) return Outcome::usage("Illegal option:  " + args[i]);

  if (!inv.command) {
    if (inv.help) return Outcome::help();
    return Outcome::usage("Usage error: no command provided");
  }
  if (inv.help) return Outcome::help();
  return Outcome::ok();
}

}  // namespace kstool
