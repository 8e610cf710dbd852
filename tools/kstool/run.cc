// keytool's Main.run and the checks at the start of Main.doCommands (JDK 17),
// in keytool's order, then the command, then the final Warning block.
#include "run.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>

#include "commands.h"
#include "help.h"
#include "kstore/bytes.h"
#include "kstore/clock.h"
#include "keystore_access.h"
#include "text.h"

namespace kstool {
namespace {

// The Java launcher takes every "-J<option>" argument for the JVM, wherever
// it stands (even where keytool expects an option value).
void take_jvm_options(std::vector<std::string>& args, Invocation& inv) {
  std::vector<std::string> rest;
  for (std::string& a : args) {
    if (a.size() >= 2 && a[0] == '-' && a[1] == 'J') {
      std::string option = a.substr(2);
      if (option.rfind("-D", 0) == 0) {
        const std::string def = option.substr(2);
        const size_t eq = def.find('=');
        if (eq == std::string::npos) {
          inv.system_properties[def] = "";
        } else {
          inv.system_properties[def.substr(0, eq)] = def.substr(eq + 1);
        }
      }
      inv.jvm_options.push_back(std::move(option));
    } else {
      rest.push_back(std::move(a));
    }
  }
  args = std::move(rest);
}

// Commands that use a keystore file (Main.isKeyStoreRelated).
bool is_keystore_related(Command c) { return c != Command::kPrintCertReq && c != Command::kShowInfo; }

// Commands for which a missing keystore file is not an error.
bool may_create_keystore(Command c) {
  switch (c) {
    case Command::kGenKeyPair:
    case Command::kGenSecKey:
    case Command::kIdentityDb:
    case Command::kImportCert:
    case Command::kImportPass:
    case Command::kImportKeystore:
    case Command::kPrintCrl:
    case Command::kPrintCert:
      return true;
    default:
      return false;
  }
}

bool is_windows_type(const std::optional<std::string>& t) {
  return t && (*t == "Windows-MY" || *t == "Windows-ROOT");
}

// -cacerts, and the store types without a file (PKCS11, Windows-MY/-ROOT),
// in Main.doCommands' order.
Outcome check_store_selection(Invocation& inv, const Environment& env) {
  if (inv.cacerts) {
    if (inv.keystore || inv.storetype)
      return Outcome::error("java.lang.IllegalArgumentException",
                            "The -keystore or -storetype option cannot be used with the -cacerts option");
    inv.keystore = env.cacerts_path;
  }
  const bool token = inv.storetype == "PKCS11" || is_windows_type(inv.storetype);
  if (!token) return Outcome::ok();
  if (!inv.keystore) inv.keystore = "NONE";
  if (*inv.keystore != "NONE")
    return Outcome::usage("-keystore must be NONE if -storetype is " + *inv.storetype + "\n");
  if (*inv.command == Command::kKeyPasswd || *inv.command == Command::kStorePasswd)
    return Outcome::error("java.lang.UnsupportedOperationException",
                          "-storepasswd and -keypasswd commands not supported if -storetype is " + *inv.storetype);
  if (inv.keypass || inv.newpass || inv.destkeypass)
    return Outcome::error("java.lang.IllegalArgumentException",
                          "-keypass and -new can not be specified if -storetype is " + *inv.storetype);
  return Outcome::ok();
}

// Password options that other options rule out.
Outcome check_password_options(const Invocation& inv) {
  if (inv.protected_path && (inv.storepass || inv.keypass || inv.newpass || inv.destkeypass))
    return Outcome::error("java.lang.IllegalArgumentException",
                          "if -protected is specified, then -storepass, -keypass, and -new must not be specified");
  if (inv.src_protected_path && (inv.srcstorepass || inv.srckeypass))
    return Outcome::error("java.lang.IllegalArgumentException",
                          "if -srcprotected is specified, then -srcstorepass and -srckeypass must not be specified");
  if (is_windows_type(inv.storetype) && (inv.storepass || inv.keypass || inv.newpass || inv.destkeypass))
    return Outcome::error("java.lang.IllegalArgumentException",
                          "if keystore is not password protected, then -storepass, -keypass, and -new must not be "
                          "specified");
  if (is_windows_type(inv.srcstoretype) && (inv.srcstorepass || inv.srckeypass))
    return Outcome::error("java.lang.IllegalArgumentException",
                          "if source keystore is not password protected, then -srcstorepass and -srckeypass must "
                          "not be specified");
  return Outcome::ok();
}

// -addprovider and -providerclass: only the JDK's own providers, by name.
Outcome check_providers(const Invocation& inv) {
  for (const auto& [name, arg] : inv.providers) {
    if (!known_provider_name(name)) return Outcome::exception("Provider named \"" + name + "\" not found");
    // Provider.configure: only SunPKCS11 takes an argument, and kstool has no PKCS#11.
    if (arg && name == "SunPKCS11")
      return Outcome::error("java.lang.UnsupportedOperationException", "kstool does not support PKCS#11 (SunPKCS11)");
    if (arg) return Outcome::error("java.lang.UnsupportedOperationException", "configure is not supported");
  }
  for (const auto& [name, arg] : inv.provider_classes) return Outcome::exception("Provider \"" + name + "\" not found");
  return Outcome::ok();
}

// Main.doCommands up to the command itself.
Outcome pre_command_checks(Context& ctx) {
  Invocation& inv = ctx.inv;
  KSTOOL_TRY(check_store_selection(inv, ctx.env));
  KSTOOL_TRY(check_password_options(inv));
  if (inv.validity <= 0) return Outcome::exception("Validity must be greater than zero");
  KSTOOL_TRY(check_providers(inv));

  if (*inv.command == Command::kList && inv.verbose && inv.rfc)
    return Outcome::usage("Must not specify both -v and -rfc with 'list' command");

  if (*inv.command == Command::kGenKeyPair && inv.keypass && inv.keypass->length() < 6)
    return Outcome::exception("Key password must be at least 6 characters");
  if (inv.newpass && inv.newpass->length() < 6) return Outcome::exception("New password must be at least 6 characters");
  if (inv.destkeypass && inv.destkeypass->length() < 6)
    return Outcome::exception("New password must be at least 6 characters");

  ctx.keystore_path = inv.keystore ? *inv.keystore : ctx.env.home + "/.keystore";

  // Existence checks for commands that only read; the others decide for
  // themselves whether a missing file is a new keystore.
  if (is_keystore_related(*inv.command) && ctx.keystore_path != "NONE" && !may_create_keystore(*inv.command)) {
    struct stat st {};
    if (::stat(ctx.keystore_path.c_str(), &st) == 0 && st.st_size == 0)
      return Outcome::exception("Keystore file exists, but is empty: " + ctx.keystore_path);
    if (::stat(ctx.keystore_path.c_str(), &st) != 0 || S_ISDIR(st.st_mode) ||
        ::access(ctx.keystore_path.c_str(), R_OK) != 0)
      return Outcome::exception("Keystore file does not exist: " + ctx.keystore_path);
  }
  return Outcome::ok();
}

void print_warnings(const Invocation& inv, const std::vector<std::string>& warnings, std::ostream& err) {
  if (warnings.empty() || inv.nowarn) return;
  err << "\nWarning:\n";
  for (const std::string& w : warnings) err << w << "\n";
}

// The command after the shared checks, and what it adds to the Warning block.
Outcome run_command(Invocation& inv, Io io, const Environment& env, std::vector<std::string>& warnings) {
  Context ctx{inv, io, env, warnings, ""};
  KSTOOL_TRY(pre_command_checks(ctx));
  CommandHandler handler = command_handler(*inv.command);
  if (handler == nullptr) {
    return Outcome::error("java.lang.UnsupportedOperationException",
                          std::string("kstool does not implement ") + command_info(*inv.command).name);
  }
  KSTOOL_TRY(handler(ctx));
  if (is_keystore_related(*inv.command) && ctx.keystore_path != "NONE") add_proprietary_format_warning(ctx);
  warnings.insert(warnings.end(), ctx.late_warnings.begin(), ctx.late_warnings.end());
  return Outcome::ok();
}

// An error under -debug: keytool prints its error line, then rethrows the
// exception instead of exiting, so its Warning block still prints and the
// JVM reports the exception on stderr. kstool prints that report's first
// line; the Java stack trace under it has no counterpart (README,
// "Differences from keytool").
int finish_with_exception(const std::string& exception, const Invocation& inv,
                          const std::vector<std::string>& warnings, Io io) {
  io.out << "keytool error: " << exception << "\n";
  io.out.flush();
  print_warnings(inv, warnings, io.err);
  io.err << "Exception in thread \"main\" " << exception << "\n";
  io.err.flush();
  return 1;
}

// Prints how the run ended, as keytool's Main.main does, and gives the exit status.
int finish(const Outcome& outcome, const Invocation& inv, const std::vector<std::string>& warnings, Io io) {
  io.out.flush();
  switch (outcome.kind()) {
    case Outcome::Kind::kOk:
      print_warnings(inv, warnings, io.err);
      io.err.flush();
      return 0;
    case Outcome::Kind::kHelp:
      print_usage(io.err, inv.command);
      print_warnings(inv, warnings, io.err);
      io.err.flush();
      return 0;
    case Outcome::Kind::kExit:
      // keytool returns normally here, so its Warning block still prints.
      print_warnings(inv, warnings, io.err);
      io.err.flush();
      return outcome.exit_code();
    case Outcome::Kind::kUsage:
      // JDK 17 exits inside tinyHelp(): no Warning block. With -debug it
      // throws instead, and that exception ends the run like any error.
      if (!outcome.message().empty()) io.err << outcome.message() << "\n";
      print_usage(io.err, inv.command);
      if (inv.debug) return finish_with_exception("java.lang.RuntimeException: NO BIG ERROR, SORRY", inv, warnings, io);
      io.err.flush();
      return 1;
    case Outcome::Kind::kError:
      if (inv.debug) return finish_with_exception(outcome.error_text(), inv, warnings, io);
      // JDK 17 calls System.exit(1) in its error handler: no Warning block.
      io.out << "keytool error: " << outcome.error_text() << "\n";
      io.out.flush();
      io.err.flush();
      return 1;
  }
  return 1;
}

}  // namespace

int run(std::vector<std::string> args, Io io, const Environment& env) {
  Invocation inv;
  take_jvm_options(args, inv);

  ParseEnvironment penv;
  penv.getenv = env.getenv;
  penv.cacerts_path = env.cacerts_path;
  penv.system_properties = env.system_properties;
  penv.debug_out = &io.out;
  Outcome parsed = parse_args(args, penv, inv);
  for (std::string& a : args) kstore::secure_wipe(a.data(), a.size());
  for (const std::string& line : inv.notices) io.err << line << "\n";

  std::vector<std::string> warnings = inv.warnings;
  const Outcome outcome = parsed.is_ok() ? run_command(inv, io, env, warnings) : std::move(parsed);
  return finish(outcome, inv, warnings, io);
}

Environment process_environment() {
  Environment env;
  env.getenv = [](const std::string& name) -> std::optional<std::string_view> {
    const char* v = std::getenv(name.c_str());
    if (v == nullptr) return std::nullopt;
    return std::string_view(v);
  };
  env.now_ms = kstore::current_time_ms();
  // Test hook: pins "now" (the creation date keytool shows for PKCS#12
  // entries that recorded none) so that outputs can be compared.
  if (const char* pinned = std::getenv("KSTORE_NOW_MS")) {
    char* end = nullptr;
    const long long v = std::strtoll(pinned, &end, 10);
    if (end != pinned && *end == '\0') env.now_ms = v;
  }
  if (const char* name = std::getenv("KSTORE_CRYPTO_BACKEND")) {
    const std::optional<kstore::CryptoBackend> chosen = kstore::parse_crypto_backend(name);
    if (chosen && kstore::crypto_backend_available(*chosen)) env.crypto_backend = *chosen;
  }
  if (const char* workers = std::getenv("KSTORE_WORKERS"); workers != nullptr && *workers != 0) {
    char* end = nullptr;
    const unsigned long n = std::strtoul(workers, &end, 10);
    if (*end == 0 && n > 0 && n <= 1024) env.workers = static_cast<unsigned>(n);
  }
  if (const char* home = std::getenv("HOME")) env.home = home;
  // What the JDK opens for -cacerts: ${java.home}/lib/security/cacerts.
  std::string cacerts;
  if (const char* java_home = std::getenv("JAVA_HOME")) cacerts = std::string(java_home) + "/lib/security/cacerts";
  struct stat st {};
  if (cacerts.empty() || ::stat(cacerts.c_str(), &st) != 0) cacerts = "/etc/ssl/certs/java/cacerts";
  env.cacerts_path = cacerts;
  std::map<std::string, std::string>& props = env.system_properties;
  props["user.home"] = env.home;
  if (const char* user = std::getenv("USER")) props["user.name"] = user;
  if (char* cwd = ::getcwd(nullptr, 0)) {
    props["user.dir"] = cwd;
    std::free(cwd);
  }
  if (const char* java_home = std::getenv("JAVA_HOME")) props["java.home"] = java_home;
  props["file.separator"] = "/";
  props["path.separator"] = ":";
  props["line.separator"] = "\n";
  return env;
}

}  // namespace kstool
