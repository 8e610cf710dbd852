// The option table (options.h): keytool's Option enum rows, in its order,
// with their help texts (JDK 17 Resources), then the words keytool's parser
// accepts that the help never shows.
#include "options.h"

#include <array>

#include "text.h"

namespace kstool {
namespace {

using I = Invocation;
using K = ValueKind;

const std::vector<OptionRow>& option_table() {
  static const std::vector<OptionRow> rows = {
      {"-alias", K::kText, &I::alias, kAlias, "<alias>", "alias name of the entry to process"},
      {"-groupname", K::kText, &I::groupname, kGroupName, "<name>", "Group name. For example, an Elliptic Curve name."},
      {"-destalias", K::kText, &I::dest, kDestAlias, "<alias>", "destination alias"},
      {"-destkeypass", K::kPassword, &I::destkeypass, kDestKeyPass, "<arg>", "destination key password"},
      {"-destkeystore", K::kText, &I::keystore, kDestKeystore, "<keystore>", "destination keystore name"},
      {"-destprotected", K::kFlag, &I::protected_path, kDestProtected, nullptr,
       "destination keystore password protected"},
      {"-destprovidername", K::kText, &I::providername, kDestProviderName, "<name>",
       "destination keystore provider name"},
      {"-deststorepass", K::kPassword, &I::storepass, kDestStorePass, "<arg>", "destination keystore password"},
      {"-deststoretype", K::kStoreType, &I::storetype, kDestStoreType, "<type>", "destination keystore type"},
      {"-dname", K::kText, &I::dname, kDname, "<name>", "distinguished name"},
      {"-ext", K::kList, &I::ext, kExt, "<value>", "X.509 extension", true},
      {"-file", K::kText, &I::file, kFileOut, "<file>", "output file name"},
      {"-file", K::kText, &I::file, kFileIn, "<file>", "input file name"},
      {"-id", K::kList, &I::ids, kId, "<id:reason>", "Serial ID of cert to revoke", true},
      {"-infile", K::kText, &I::infile, kInfile, "<file>", "input file name"},
      {"-keyalg", K::kText, &I::keyalg, kKeyAlg, "<alg>", "key algorithm name"},
      {"-keypass", K::kPassword, &I::keypass, kKeyPass, "<arg>", "key password"},
      {"-keysize", K::kInt32, &I::keysize, kKeySize, "<size>", "key bit size"},
      {"-keystore", K::kKeystorePath, &I::keystore, kKeystore, "<keystore>", "keystore name"},
      {"-cacerts", K::kFlag, &I::cacerts, kCacerts, nullptr, "access the cacerts keystore"},
      {"-new", K::kPassword, &I::newpass, kNew, "<arg>", "new password"},
      {"-noprompt", K::kFlag, &I::noprompt, kNoPrompt, nullptr, "do not prompt"},
      {"-outfile", K::kText, &I::outfile, kOutfile, "<file>", "output file name"},
      {"-protected", K::kFlag, &I::protected_path, kProtected, nullptr, "password through protected mechanism"},
      {"-providerclass", K::kProvider, &I::provider_classes, kProviderClass, "<class>\n[-providerarg <arg>]",
       "add security provider by fully-qualified class name\nconfigure argument for -providerclass", true},
      {"-addprovider", K::kProvider, &I::providers, kAddProvider, "<name>\n[-providerarg <arg>]",
       "add security provider by name (e.g. SunPKCS11)\nconfigure argument for -addprovider", true},
      {"-providername", K::kText, &I::providername, kProviderName, "<name>", "provider name"},
      {"-providerpath", K::kText, &I::providerpath, kProviderPath, "<list>", "provider classpath"},
      {"-rfc", K::kFlag, &I::rfc, kRfc, nullptr, "output in RFC style"},
      {"-sigalg", K::kText, &I::sigalg, kSigAlg, "<alg>", "signature algorithm name"},
      {"-signer", K::kText, &I::signer, kSigner, "<alias>", "signer alias"},
      {"-signerkeypass", K::kPassword, &I::signerkeypass, kSignerKeyPass, "<arg>", "signer key password"},
      {"-srcalias", K::kText, &I::alias, kSrcAlias, "<alias>", "source alias"},
      {"-srckeypass", K::kPassword, &I::srckeypass, kSrcKeyPass, "<arg>", "source key password"},
      {"-srckeystore", K::kText, &I::srckeystore, kSrcKeystore, "<keystore>", "source keystore name"},
      {"-srcprotected", K::kFlag, &I::src_protected_path, kSrcProtected, nullptr,
       "source keystore password protected"},
      {"-srcprovidername", K::kText, &I::srcprovidername, kSrcProviderName, "<name>", "source keystore provider name"},
      {"-srcstorepass", K::kPassword, &I::srcstorepass, kSrcStorePass, "<arg>", "source keystore password"},
      {"-srcstoretype", K::kStoreType, &I::srcstoretype, kSrcStoreType, "<type>", "source keystore type"},
      {"-sslserver", K::kText, &I::sslserver, kSslServer, "<server[:port]>", "SSL server host and port"},
      {"-jarfile", K::kText, &I::jarfile, kJarFile, "<file>", "signed jar file"},
      {"-startdate", K::kText, &I::startdate, kStartDate, "<date>", "certificate validity start date/time"},
      {"-storepass", K::kPassword, &I::storepass, kStorePass, "<arg>", "keystore password"},
      {"-storetype", K::kStoreType, &I::storetype, kStoreType, "<type>", "keystore type"},
      {"-tls", K::kFlag, &I::tls, kTls, nullptr, "Displays TLS configuration information"},
      {"-trustcacerts", K::kFlag, &I::trustcacerts, kTrustCacerts, nullptr, "trust certificates from cacerts"},
      {"-v", K::kFlag, &I::verbose, kV, nullptr, "verbose output"},
      {"-validity", K::kInt64, &I::validity, kValidity, "<days>", "validity number of days"},
      // Words keytool's parser takes that its help does not list.
      {"-dest", K::kText, &I::dest, std::nullopt, nullptr, nullptr},
      {"-provider", K::kProvider, &I::provider_classes, std::nullopt, nullptr, nullptr, true},
      {"--help", K::kHelp, {}, std::nullopt, nullptr, nullptr},
      {"-h", K::kHelp, {}, std::nullopt, nullptr, nullptr},
      {"-?", K::kHelp, {}, std::nullopt, nullptr, nullptr},
      {"-help", K::kHelp, {}, std::nullopt, nullptr, nullptr},
      {"-conf", K::kConf, {}, std::nullopt, nullptr, nullptr},
      {"-nowarn", K::kFlag, &I::nowarn, std::nullopt, nullptr, nullptr},
      {"-debug", K::kSeenBefore, {}, std::nullopt, nullptr, nullptr},
      // kstool's own (README, "Extensions").
      {"-showhidden", K::kFlag, &I::show_hidden, std::nullopt, nullptr, nullptr},
      {"-strict", K::kFlag, &I::strict, std::nullopt, nullptr, nullptr},
  };
  return rows;
}

}  // namespace

const OptionRow* find_option(std::string_view typed) {
  for (const OptionRow& row : option_table())
    if (collator_equals(typed, row.name)) return &row;
  return nullptr;
}

const OptionRow& option_row(Opt o) {
  static const std::array<const OptionRow*, kOptCount> by_opt = [] {
    std::array<const OptionRow*, kOptCount> index{};
    for (const OptionRow& row : option_table())
      if (row.help) index[*row.help] = &row;
    return index;
  }();
  return *by_opt[o];
}

bool takes_value(ValueKind kind) {
  switch (kind) {
    case ValueKind::kFlag:
    case ValueKind::kHelp:
    case ValueKind::kSeenBefore: return false;
    default: return true;
  }
}

}  // namespace kstool
