// keytool's commands as one table: name, help text, the options its help
// lists, and the function that runs it (nullptr for the commands kstool
// does not implement yet). Adding a command is one row here and one file
// with its run_<name> function (docs/architecture.md, "Adding things").
#include "commands.h"

#include "options.h"

namespace kstool {

// Each command's entry function, in its own <name>_command.cc.
Outcome run_list(Context& ctx);
Outcome run_delete(Context& ctx);
Outcome run_change_alias(Context& ctx);
Outcome run_import_keystore(Context& ctx);
Outcome run_gen_sec_key(Context& ctx);
Outcome run_import_pass(Context& ctx);
Outcome run_store_passwd(Context& ctx);
Outcome run_key_passwd(Context& ctx);
Outcome run_export_cert(Context& ctx);

namespace {

struct CommandRow {
  CommandInfo info;
  std::vector<Opt> options;  // what its help lists, in order
  CommandHandler run;
};

// Order = keytool's Command enum order, which is the order of the help text.
const std::vector<CommandRow>& command_table() {
  static const std::vector<CommandRow> rows = {
      {{Command::kCertReq, "-certreq", nullptr, "Generates a certificate request", true},
       {kAlias, kSigAlg, kFileOut, kKeyPass, kKeystore, kDname, kExt, kStorePass, kStoreType, kProviderName,
        kAddProvider, kProviderClass, kProviderPath, kV, kProtected}, nullptr},
      {{Command::kChangeAlias, "-changealias", nullptr, "Changes an entry's alias", true},
       {kAlias, kDestAlias, kKeyPass, kKeystore, kCacerts, kStorePass, kStoreType, kProviderName, kAddProvider,
        kProviderClass, kProviderPath, kV, kProtected}, &run_change_alias},
      {{Command::kDelete, "-delete", nullptr, "Deletes an entry", true},
       {kAlias, kKeystore, kCacerts, kStorePass, kStoreType, kProviderName, kAddProvider, kProviderClass,
        kProviderPath, kV, kProtected}, &run_delete},
      {{Command::kExportCert, "-exportcert", "-export", "Exports certificate", true},
       {kRfc, kAlias, kFileOut, kKeystore, kCacerts, kStorePass, kStoreType, kProviderName, kAddProvider,
        kProviderClass, kProviderPath, kV, kProtected}, &run_export_cert},
      {{Command::kGenKeyPair, "-genkeypair", "-genkey", "Generates a key pair", true},
       {kAlias, kKeyAlg, kKeySize, kGroupName, kSigAlg, kDname, kStartDate, kExt, kValidity, kKeyPass, kKeystore,
        kSigner, kSignerKeyPass, kStorePass, kStoreType, kProviderName, kAddProvider, kProviderClass,
        kProviderPath, kV, kProtected}, nullptr},
      {{Command::kGenSecKey, "-genseckey", nullptr, "Generates a secret key", true},
       {kAlias, kKeyPass, kKeyAlg, kKeySize, kKeystore, kStorePass, kStoreType, kProviderName, kAddProvider,
        kProviderClass, kProviderPath, kV, kProtected}, &run_gen_sec_key},
      {{Command::kGenCert, "-gencert", nullptr, "Generates certificate from a certificate request", true},
       {kRfc, kInfile, kOutfile, kAlias, kSigAlg, kDname, kStartDate, kExt, kValidity, kKeyPass, kKeystore,
        kStorePass, kStoreType, kProviderName, kAddProvider, kProviderClass, kProviderPath, kV, kProtected}, nullptr},
      {{Command::kImportCert, "-importcert", "-import", "Imports a certificate or a certificate chain", true},
       {kNoPrompt, kTrustCacerts, kProtected, kAlias, kFileIn, kKeyPass, kKeystore, kCacerts, kStorePass,
        kStoreType, kProviderName, kAddProvider, kProviderClass, kProviderPath, kV}, nullptr},
      {{Command::kImportPass, "-importpass", "-importpassword", "Imports a password", true},
       {kAlias, kKeyPass, kKeyAlg, kKeySize, kKeystore, kStorePass, kStoreType, kProviderName, kAddProvider,
        kProviderClass, kProviderPath, kV, kProtected}, &run_import_pass},
      {{Command::kImportKeystore, "-importkeystore", nullptr, "Imports one or all entries from another keystore",
        true},
       {kSrcKeystore, kDestKeystore, kSrcStoreType, kDestStoreType, kSrcStorePass, kDestStorePass, kSrcProtected,
        kDestProtected, kSrcProviderName, kDestProviderName, kSrcAlias, kDestAlias, kSrcKeyPass, kDestKeyPass,
        kNoPrompt, kAddProvider, kProviderClass, kProviderPath, kV}, &run_import_keystore},
      {{Command::kKeyPasswd, "-keypasswd", nullptr, "Changes the key password of an entry", true},
       {kAlias, kKeyPass, kNew, kKeystore, kStorePass, kStoreType, kProviderName, kAddProvider, kProviderClass,
        kProviderPath, kV}, &run_key_passwd},
      {{Command::kList, "-list", nullptr, "Lists entries in a keystore", true},
       {kRfc, kAlias, kKeystore, kCacerts, kStorePass, kStoreType, kProviderName, kAddProvider, kProviderClass,
        kProviderPath, kV, kProtected}, &run_list},
      {{Command::kPrintCert, "-printcert", nullptr, "Prints the content of a certificate", true},
       {kRfc, kFileIn, kSslServer, kJarFile, kKeystore, kStorePass, kStoreType, kTrustCacerts, kProviderName,
        kAddProvider, kProviderClass, kProviderPath, kV, kProtected}, nullptr},
      {{Command::kPrintCertReq, "-printcertreq", nullptr, "Prints the content of a certificate request", true},
       {kFileIn, kV}, nullptr},
      {{Command::kPrintCrl, "-printcrl", nullptr, "Prints the content of a CRL file", true},
       {kFileIn, kKeystore, kStorePass, kStoreType, kTrustCacerts, kProviderName, kAddProvider, kProviderClass,
        kProviderPath, kV, kProtected}, nullptr},
      {{Command::kStorePasswd, "-storepasswd", nullptr, "Changes the store password of a keystore", true},
       {kNew, kKeystore, kCacerts, kStorePass, kStoreType, kProviderName, kAddProvider, kProviderClass,
        kProviderPath, kV}, &run_store_passwd},
      {{Command::kShowInfo, "-showinfo", nullptr, "Displays security-related information", true}, {kTls, kV}, nullptr},
      {{Command::kKeyClone, "-keyclone", nullptr, "Clones a key entry", false},
       {kAlias, kDestAlias, kKeyPass, kNew, kStoreType, kKeystore, kStorePass, kProviderName, kAddProvider,
        kProviderClass, kProviderPath, kV}, nullptr},
      {{Command::kSelfCert, "-selfcert", nullptr, "Generates a self-signed certificate", false},
       {kAlias, kSigAlg, kDname, kStartDate, kExt, kValidity, kKeyPass, kStoreType, kKeystore, kStorePass,
        kProviderName, kAddProvider, kProviderClass, kProviderPath, kV}, nullptr},
      {{Command::kGenCrl, "-gencrl", nullptr, "Generates CRL", false},
       {kRfc, kFileOut, kId, kAlias, kSigAlg, kKeyPass, kKeystore, kStorePass, kStoreType, kProviderName,
        kAddProvider, kProviderClass, kProviderPath, kV, kProtected}, nullptr},
      {{Command::kIdentityDb, "-identitydb", nullptr, "Imports entries from a JDK 1.1.x-style identity database",
        false},
       {kFileIn, kStoreType, kKeystore, kStorePass, kProviderName, kAddProvider, kProviderClass, kProviderPath,
        kV}, nullptr},
  };
  return rows;
}

const CommandRow& row_of(Command c) {
  for (const CommandRow& r : command_table())
    if (r.info.command == c) return r;
  return command_table().front();  // unreachable: every Command has a row
}

}  // namespace

const std::vector<CommandInfo>& commands() {
  static const std::vector<CommandInfo> infos = [] {
    std::vector<CommandInfo> v;
    for (const CommandRow& r : command_table()) v.push_back(r.info);
    return v;
  }();
  return infos;
}

const CommandInfo& command_info(Command c) { return row_of(c).info; }

std::vector<OptionInfo> command_options(Command c) {
  std::vector<OptionInfo> out;
  for (Opt o : row_of(c).options) {
    const OptionRow& row = option_row(o);
    out.push_back({row.name, row.arg, row.description});
  }
  return out;
}

std::optional<Command> find_command(std::string_view typed) {
  for (const CommandRow& r : command_table()) {
    if (collator_equals(typed, r.info.name) || (r.info.alt_name && collator_equals(typed, r.info.alt_name)))
      return r.info.command;
  }
  return std::nullopt;
}

CommandHandler command_handler(Command c) { return row_of(c).run; }

}  // namespace kstool
