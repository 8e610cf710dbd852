// The extensions block of keytool's certificate text: which extensions the
// JDK decodes (sun.security.x509.OIDMap), the order CertificateExtensions
// keeps them in, and keytool's printExtensions framing. The bodies are in
// extension_{usage,names,policies}.cc; the evidence for every byte is in
// testdata/x509/*.printcert.txt.
#include "keytool/extensions_text.h"

#include <map>

#include "keytool/extension_bodies.h"
#include "keytool/hex_dump.h"

namespace kstore::keytool {
namespace {

using Render = Result<std::string> (*)(bool critical, ByteView value);

std::string bool_text(bool b) { return b ? "true" : "false"; }

// OIDMap's certificate extensions, with the key CertificateExtensions files them under.
struct KnownExtension {
  const char* oid;
  const char* name;
  Render render;
};
using namespace ext;  // NOLINT: the table below names every renderer
constexpr KnownExtension kKnown[] = {
    {"2.5.29.14", "SubjectKeyIdentifier", subject_key_identifier},
    {"2.5.29.15", "KeyUsage", key_usage},
    {"2.5.29.16", "PrivateKeyUsage", private_key_usage},
    {"2.5.29.17", "SubjectAlternativeName", subject_alt_name},
    {"2.5.29.18", "IssuerAlternativeName", issuer_alt_name},
    {"2.5.29.19", "BasicConstraints", basic_constraints},
    {"2.5.29.30", "NameConstraints", name_constraints},
    {"2.5.29.31", "CRLDistributionPoints", crl_distribution_points},
    {"2.5.29.32", "CertificatePolicies", certificate_policies},
    {"2.5.29.33", "PolicyMappings", policy_mappings},
    {"2.5.29.35", "AuthorityKeyIdentifier", authority_key_identifier},
    {"2.5.29.36", "PolicyConstraints", policy_constraints},
    {"2.5.29.37", "ExtendedKeyUsage", extended_key_usage},
    {"2.5.29.46", "FreshestCRL", freshest_crl},
    {"2.5.29.54", "InhibitAnyPolicy", inhibit_any_policy},
    {"2.16.840.1.113730.1.1", "NetscapeCertType", netscape_cert_type},
    {"1.3.6.1.5.5.7.1.1", "AuthorityInfoAccess", authority_info_access},
    {"1.3.6.1.5.5.7.1.11", "SubjectInfoAccess", subject_info_access},
    {"1.3.6.1.5.5.7.48.1.5", "OCSPNoCheck", ocsp_no_check},
};

const KnownExtension* find_known(const std::string& oid) {
  for (const KnownExtension& k : kKnown) {
    if (oid == k.oid) return &k;
  }
  return nullptr;
}

std::string header(const x509::Extension& e) {
  return "ObjectId: " + e.oid + " Criticality=" + bool_text(e.critical) + "\n";
}

}  // namespace

Result<std::string> render_extensions(const std::vector<x509::Extension>& extensions) {
  // CertificateExtensions: a TreeMap keyed by the extension's name (or OID
  // for unknown ones), then the ones that failed to decode, by OID.
  std::map<std::string, std::string> parsed;
  std::map<std::string, std::string> unparseable;
  for (const x509::Extension& e : extensions) {
    const KnownExtension* known = find_known(e.oid);
    std::string key = known ? known->name : e.oid;
    std::string text;
    if (!known) {
      text = header(e) + (e.value.empty() ? "(Empty value)\n" : hex_dump(e.value) + "\n");
    } else {
      auto body = known->render(e.critical, e.value);
      if (!body.ok()) {
        if (e.critical) return Status::Malformed("critical ", known->name, " extension: ", body.status().message());
        unparseable[e.oid] = header(e) + "Unparseable " + known->name + " extension due to\n" +
                             body.status().message() + "\n\n" + hex_dump(e.value);
        continue;
      }
      text = header(e) + *body;
    }
    if (!parsed.emplace(key, std::move(text)).second) {
      return Status::Malformed("duplicate extension ", e.oid);
    }
  }
  if (parsed.empty() && unparseable.empty()) return std::string();
  std::string out = "\nExtensions: \n\n";
  int n = 0;
  for (const auto* m : {&parsed, &unparseable}) {
    for (const auto& [key, text] : *m) out += "#" + std::to_string(++n) + ": " + text + "\n";
  }
  return out;
}

std::optional<std::vector<std::string>> extended_key_usages(const std::vector<x509::Extension>& extensions) {
  for (const x509::Extension& e : extensions) {
    if (e.oid != "2.5.29.37") continue;
    auto oids = ext::eku_oids(e.value);
    if (oids.ok()) return *oids;
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace kstore::keytool
