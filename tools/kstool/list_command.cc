// -list: keytool's doPrintEntries / doPrintEntry, byte for byte (JDK 17),
// plus what kstool adds for entries the JDK cannot see.
//
// Entries the JDK does not see (Entry::visible_to_jdk == false: OpenSSL
// truststore certificates without the trusted-key-usage attribute,
// unencrypted key bags, ...) are never mixed into keytool's output, which a
// script reads as the entries the JDK can use:
//  - -list, -list -v and -list -rfc print exactly what keytool prints on
//    stdout, then one note on stderr saying how many entries were left out;
//  - with kstool's -showhidden, stdout goes on with a section headed
//    "kstool: entries the JDK does not see: N" listing each of them in the
//    form asked for, with the reason;
//  - -list -alias X for such an entry fails as keytool does ("does not
//    exist"), with a stderr note that the entry is in the file.
#include "commands.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "errors.h"
#include "keystore_access.h"
#include "kstore/file.h"
#include "kstore/java_string.h"
#include "kstore/keytool/certificate_text.h"
#include "kstore/x509.h"
#include "text.h"
#include "weak_algorithms.h"

namespace kstool {
namespace {

using kstore::Entry;
using kstore::EntryType;
using kstore::Result;

constexpr const char* kStars = "*******************************************";

// The certificates -list prints are checked against the listed store.
void check_weak(Context& ctx, const TrustedCertificates& trusted, const std::string& label, kstore::ByteView der) {
  check_weak_certificate(ctx, label, der, [&](kstore::ByteView d) { return trusted.contains(d); });
}

// keytool's certificate text (`as_text`), or the certificate as PEM.
Outcome print_certificate(const TrustedCertificates& trusted, const std::string& alias, size_t index,
                          kstore::ByteView der, bool as_text, std::ostream& out) {
  if (as_text) {
    // keytool prints a trust anchor's signature algorithm without the weak marker.
    kstore::keytool::CertificateTextOptions options;
    options.trusted = trusted.contains(der);
    Result<std::string> text = kstore::keytool::certificate_text(der, options);
    if (!text.ok()) {
      return Outcome::error("java.security.cert.CertificateParsingException",
                            "<" + alias + ">: certificate " + std::to_string(index + 1) + ": " +
                                text.status().message());
    }
    out << *text;
  } else {
    out << kstore::x509::to_pem(der, kstore::x509::PemLineEndings::kJdk17);
  }
  return Outcome::ok();
}

// One entry; `shown_alias` is the alias as keytool prints it (as typed for
// -alias). `note`, when set, follows the "Entry type:" line (kstool's own).
// -debug prints the long form as -v does, where keytool prints each
// certificate as Java's X509Certificate.toString(): kstool prints the -v text
// (tools/kstool/README.md, "Differences from keytool"), and like keytool no
// "Entry type:" line for a trusted certificate.
// `label` names the entry in weak-algorithm warnings ("<alias>", or "The
// certificate" for -alias); empty for entries keytool would not check.
Outcome print_entry(Context& ctx, const OpenedKeystore& ks, const TrustedCertificates& trusted, const Entry& e,
                    const std::string& shown_alias, const std::string& label, std::ostream& out,
                    const std::string* note = nullptr) {
  const Invocation& inv = ctx.inv;
  const bool detailed = inv.verbose || inv.rfc || inv.debug;
  const std::string date = format_medium_date(ks.creation_ms(e));
  if (detailed) {
    out << "Alias name: " << shown_alias << "\n";
    out << "Creation date: " << date << "\n";
  } else {
    out << shown_alias << ", " << date << ", ";
  }
  auto note_line = [&] {
    if (note != nullptr) out << "Not visible to the JDK: " << *note << "\n";
  };
  switch (ks.jdk().entry_type(e)) {
    case EntryType::kSecretKey:
      out << (detailed ? "Entry type: SecretKeyEntry\n" : "SecretKeyEntry, \n");
      note_line();
      break;
    case EntryType::kPrivateKey:
      out << (detailed ? "Entry type: PrivateKeyEntry\n" : "PrivateKeyEntry, \n");
      note_line();
      if (e.chain.empty()) {
        out << "Certificate chain length: 0\n";
      } else if (detailed) {
        out << "Certificate chain length: " << e.chain.size() << "\n";
        for (size_t i = 0; i < e.chain.size(); ++i) {
          out << "Certificate[" << format_integer(static_cast<int64_t>(i + 1)) << "]:\n";
          KSTOOL_TRY(print_certificate(trusted, shown_alias, i, e.chain[i].encoded, inv.verbose || inv.debug, out));
          if (!label.empty()) check_weak(ctx, trusted, label, e.chain[i].encoded);
        }
      } else {
        out << "Certificate fingerprint (SHA-256): " << kstore::x509::sha256_fingerprint(e.chain[0].encoded) << "\n";
        // Main.oneInMany: "<a> #2 of 3" when the chain has more than one certificate.
        for (size_t i = 0; !label.empty() && i < e.chain.size(); ++i) {
          const std::string full = e.chain.size() > 1 ? label + " #" + std::to_string(i + 1) + " of " +
                                                            std::to_string(e.chain.size())
                                                      : label;
          check_weak(ctx, trusted, full, e.chain[i].encoded);
        }
      }
      break;
    case EntryType::kTrustedCert:
      if (e.chain.empty()) return Outcome::error("java.security.KeyStoreException", "<" + shown_alias + "> has no certificate");
      if (inv.verbose || inv.rfc) {
        out << "Entry type: trustedCertEntry\n";
        note_line();
        out << "\n";
        KSTOOL_TRY(print_certificate(trusted, shown_alias, 0, e.chain[0].encoded, inv.verbose, out));
      } else if (inv.debug) {
        note_line();
        KSTOOL_TRY(print_certificate(trusted, shown_alias, 0, e.chain[0].encoded, true, out));
      } else {
        out << "trustedCertEntry, \n";
        out << "Certificate fingerprint (SHA-256): " << kstore::x509::sha256_fingerprint(e.chain[0].encoded) << "\n";
      }
      if (!label.empty()) check_weak(ctx, trusted, label, e.chain[0].encoded);
      break;
  }
  return Outcome::ok();
}

void print_separator(std::ostream& out) { out << "\n\n" << kStars << "\n" << kStars << "\n\n\n"; }

std::string entries_word(size_t n) { return n == 1 ? "entry" : "entries"; }

// After keytool's output: the entries the JDK does not see, listed with
// -showhidden, else counted in one note on stderr.
Outcome print_hidden_entries(Context& ctx, const OpenedKeystore& ks, const TrustedCertificates& trusted,
                             std::vector<const Entry*> hidden, std::ostream& out) {
  if (hidden.empty()) return Outcome::ok();
  if (!ctx.inv.show_hidden) {
    const bool one = hidden.size() == 1;
    ctx.io.err << "kstool: " << format_integer(static_cast<int64_t>(hidden.size())) << " "
               << entries_word(hidden.size()) << (one ? " is" : " are")
               << " not visible to the JDK and not listed; -list -showhidden lists " << (one ? "it" : "them")
               << "\n";
    return Outcome::ok();
  }
  out << "kstool: entries the JDK does not see: " << format_integer(static_cast<int64_t>(hidden.size())) << "\n\n";
  std::stable_sort(hidden.begin(), hidden.end(),
                   [](const Entry* a, const Entry* b) { return kstore::java_compare(a->alias, b->alias) < 0; });
  for (const Entry* e : hidden) {
    KSTOOL_TRY(print_entry(ctx, ks, trusted, *e, e->alias, "", out, &e->jdk_invisible_reason));
    if (ctx.inv.verbose || ctx.inv.rfc) print_separator(out);
  }
  return Outcome::ok();
}

}  // namespace

Outcome run_list(Context& ctx) {
  Invocation& inv = ctx.inv;
  OpenedKeystore ks;
  KSTOOL_TRY(open_existing_keystore(ctx, StorePasswordPrompt::kOnce, ks));
  if (!ks.password && !inv.protected_path && !ks.jdk().passwordless()) print_no_integrity_warning(ctx.io.err);
  for (const std::string& temporary : kstore::stale_temporaries(ctx.keystore_path)) {
    ctx.io.err << "kstool: " << temporary << " was left by an interrupted write; the next write to "
               << ctx.keystore_path << " removes it\n";
  }

  std::ostream& out = ctx.io.out;
  const TrustedCertificates trusted(ks);
  if (inv.alias) {
    const Entry* e = ks.jdk().find(*inv.alias);
    if (e == nullptr) {
      if (const Entry* hidden = ks.store.find(*inv.alias); hidden != nullptr && !hidden->visible_to_jdk) {
        ctx.io.err << "kstool: <" << hidden->alias << "> is in the file but not visible to the JDK ("
                   << hidden->jdk_invisible_reason << "); -list -showhidden lists it\n";
      }
      return Outcome::exception("Alias <" + *inv.alias + "> does not exist");
    }
    return print_entry(ctx, ks, trusted, *e, *inv.alias, "The certificate", out);
  }

  std::vector<const Entry*> visible;
  std::vector<const Entry*> hidden;
  for (const Entry& e : ks.store.entries()) (e.visible_to_jdk ? visible : hidden).push_back(&e);
  std::vector<std::pair<std::string, const Entry*>> sorted;
  const kstore::JdkView jdk = ks.jdk();
  for (const Entry* e : visible) sorted.emplace_back(jdk.alias(*e), e);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return kstore::java_compare(a.first, b.first) < 0; });

  out << "Keystore type: " << ks.type_name << "\n";
  out << "Keystore provider: " << kstore::provider_name(ks.type) << "\n\n";
  out << "Your keystore contains " << format_integer(static_cast<int64_t>(sorted.size())) << " "
      << entries_word(sorted.size()) << "\n\n";
  const bool detailed = inv.verbose || inv.rfc;
  for (const auto& [alias, e] : sorted) {
    KSTOOL_TRY(print_entry(ctx, ks, trusted, *e, alias, "<" + alias + ">", out));
    if (detailed) print_separator(out);
  }

  return print_hidden_entries(ctx, ks, trusted, std::move(hidden), out);
}

}  // namespace kstool
