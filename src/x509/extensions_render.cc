// Extension text as JDK 17 keytool prints it. Each renderer mirrors the
// constructor (for what it accepts and the exception it throws) and the
// toString() of one sun.security.x509 extension class; the evidence for every
// byte is in testdata/x509/*.printcert.txt.
#include "x509/extensions_render.h"

#include <algorithm>
#include <map>

#include "x509/general_names.h"
#include "x509/hex_dump.h"
#include "x509/java_der.h"
#include "x509/java_text.h"
#include "x509/known_oids.h"
#include "x509/x500_name.h"

namespace kstore::x509 {
namespace {

using Render = Result<std::string> (*)(bool critical, ByteView value);

std::string bool_text(bool b) { return b ? "true" : "false"; }

// BasicConstraintsExtension: a missing cA means "not a CA, path length
// undefined"; cA without pathLenConstraint means no limit.
Result<std::string> basic_constraints(bool, ByteView value) {
  KS_ASSIGN_OR_RETURN(JavaDer val, java_der_value(value));
  if (val.tag != 0x30) return java_io_error("Invalid encoding of BasicConstraints");
  bool ca = false;
  int64_t path_len = -1;
  JavaDerStream in(val.data);
  if (in.available()) {
    KS_ASSIGN_OR_RETURN(JavaDer opt, in.get_der_value());
    if (opt.tag == 0x01) {
      KS_ASSIGN_OR_RETURN(ca, java_get_boolean(opt));
      if (!in.available()) {
        path_len = INT32_MAX;
      } else {
        KS_ASSIGN_OR_RETURN(JavaDer len, in.get_der_value());
        if (len.tag != 0x02) return java_io_error("Invalid encoding of BasicConstraints");
        KS_ASSIGN_OR_RETURN(path_len, java_get_integer(len));
      }
    }
  }
  std::string len_text = path_len < 0 ? " undefined" : path_len == INT32_MAX ? " no limit" : std::to_string(path_len);
  return "BasicConstraints:[\n  CA:" + bool_text(ca) + "\n  PathLen:" + len_text + "\n]\n";
}

// KeyUsageExtension (it also accepts a value wrapped in one more OCTET STRING).
Result<std::string> key_usage(bool, ByteView value) {
  Bytes unwrapped;
  if (!value.empty() && value[0] == 0x04) {
    KS_ASSIGN_OR_RETURN(JavaDer wrapper, java_der_value(value));
    KS_ASSIGN_OR_RETURN(unwrapped, java_get_octet_string(wrapper));
    value = unwrapped;
  }
  KS_ASSIGN_OR_RETURN(JavaDer val, java_der_value(value));
  KS_ASSIGN_OR_RETURN(std::vector<bool> bits, java_get_bit_string(val));
  static const char* const kNames[] = {"DigitalSignature", "Non_repudiation", "Key_Encipherment",
                                       "Data_Encipherment", "Key_Agreement",  "Key_CertSign",
                                       "Crl_Sign",          "Encipher_Only",  "Decipher_Only"};
  std::string out = "KeyUsage [\n";
  for (size_t i = 0; i < 9; ++i) {
    if (i < bits.size() && bits[i]) out += std::string("  ") + kNames[i] + "\n";
  }
  return out + "]\n";
}

Result<std::vector<std::string>> eku_oids(ByteView value) {
  KS_ASSIGN_OR_RETURN(JavaDer val, java_der_value(value));
  if (val.tag != 0x30) return java_io_error("Invalid encoding for ExtendedKeyUsageExtension.");
  std::vector<std::string> out;
  JavaDerStream in(val.data);
  while (in.available()) {
    KS_ASSIGN_OR_RETURN(JavaDer usage, in.get_der_value());
    KS_ASSIGN_OR_RETURN(std::string oid, java_get_oid(usage));
    out.push_back(std::move(oid));
  }
  return out;
}

// ExtendedKeyUsageExtension: known purposes by their KnownOIDs name.
Result<std::string> extended_key_usage(bool, ByteView value) {
  KS_ASSIGN_OR_RETURN(std::vector<std::string> oids, eku_oids(value));
  std::string usage = "  ";
  for (size_t i = 0; i < oids.size(); ++i) {
    if (i) usage += "\n  ";
    const char* name = known_oid_name(oids[i]);
    usage += name ? name : oids[i];
  }
  return "ExtendedKeyUsages [\n" + usage + "\n]\n";
}

Result<std::string> alt_names(const char* title, ByteView value) {
  KS_ASSIGN_OR_RETURN(JavaDer val, java_der_value(value));
  KS_ASSIGN_OR_RETURN(std::vector<std::string> names, general_names(val));
  std::string out = std::string(title) + " [\n";
  for (const std::string& n : names) out += "  " + n + "\n";
  return out + "]\n";
}
Result<std::string> subject_alt_name(bool, ByteView v) { return alt_names("SubjectAlternativeName", v); }
Result<std::string> issuer_alt_name(bool, ByteView v) { return alt_names("IssuerAlternativeName", v); }

std::string key_identifier(ByteView id) { return "KeyIdentifier [\n" + hex_dump(id) + "]\n"; }

Result<std::string> subject_key_identifier(bool, ByteView value) {
  KS_ASSIGN_OR_RETURN(JavaDer val, java_der_value(value));
  KS_ASSIGN_OR_RETURN(Bytes id, java_get_octet_string(val));
  return "SubjectKeyIdentifier [\n" + key_identifier(id) + "]\n";
}

// AuthorityKeyIdentifierExtension: [0] keyIdentifier, [1] authorityCertIssuer,
// [2] authorityCertSerialNumber, any order, each at most once.
Result<std::string> authority_key_identifier(bool, ByteView value) {
  KS_ASSIGN_OR_RETURN(JavaDer val, java_der_value(value));
  if (val.tag != 0x30) return java_io_error("Invalid encoding for AuthorityKeyIdentifierExtension.");
  std::optional<std::string> id, names, serial;
  JavaDerStream in(val.data);
  while (in.available()) {
    KS_ASSIGN_OR_RETURN(JavaDer opt, in.get_der_value());
    if (opt.context(0) && !opt.constructed()) {
      if (id) return java_io_error("Duplicate KeyIdentifier in AuthorityKeyIdentifier.");
      id = key_identifier(opt.data);
    } else if (opt.context(1) && opt.constructed()) {
      if (names) return java_io_error("Duplicate GeneralNames in AuthorityKeyIdentifier.");
      JavaDer seq = opt;
      seq.tag = 0x30;
      KS_ASSIGN_OR_RETURN(std::vector<std::string> list, general_names(seq));
      names = java_list(list);
    } else if (opt.context(2) && !opt.constructed()) {
      if (serial) return java_io_error("Duplicate SerialNumber in AuthorityKeyIdentifier.");
      if (opt.data.empty()) return java_io_error("Invalid encoding: zero length Int value");
      // SerialNumber.toString(): Debug.toString(BigInteger.toByteArray()), lower-case hex with colons.
      const Bytes b = big_integer_bytes(opt.data);
      std::string hex;
      for (size_t i = 0; i < b.size(); ++i) {
        if (i) hex.push_back(':');
        hex += hex_lower(ByteView(&b[i], 1));
      }
      serial = "SerialNumber: " + hex;
    } else {
      return java_io_error("Invalid encoding of AuthorityKeyIdentifierExtension.");
    }
  }
  std::string out = "AuthorityKeyIdentifier [\n";
  if (id) out += *id;
  if (names) out += *names + "\n";
  if (serial) out += *serial + "\n";
  return out + "]\n";
}

// DistributionPoint.toString, with REASON_STRINGS for the reason flags.
Result<std::string> distribution_point(const JavaDer& val) {
  if (val.tag != 0x30) return java_io_error("Invalid encoding of DistributionPoint.");
  std::optional<std::string> name, issuer;
  std::optional<std::vector<bool>> reasons;
  JavaDerStream in(val.data);
  while (in.available()) {
    KS_ASSIGN_OR_RETURN(JavaDer opt, in.get_der_value());
    if (opt.context(0) && opt.constructed()) {
      if (name) return java_io_error("Duplicate DistributionPointName in DistributionPoint.");
      JavaDerStream inner(opt.data);
      KS_ASSIGN_OR_RETURN(JavaDer dpn, inner.get_der_value());
      if (dpn.context(0) && dpn.constructed()) {
        dpn.tag = 0x30;
        KS_ASSIGN_OR_RETURN(std::vector<std::string> list, general_names(dpn));
        name = java_list(list);
      } else if (dpn.context(1) && dpn.constructed()) {
        // nameRelativeToCRLIssuer: RDN.toString() of the [1] IMPLICIT SET.
        auto text = rdn_to_java_string(dpn.data);
        if (!text.ok()) return java_io_error("X500 RDN");
        name = *text;
      } else {
        return java_io_error("Invalid DistributionPointName in DistributionPoint");
      }
    } else if (opt.context(1) && !opt.constructed()) {
      if (reasons) return java_io_error("Duplicate Reasons in DistributionPoint.");
      KS_ASSIGN_OR_RETURN(reasons, java_get_bit_string(opt, opt.tag));
    } else if (opt.context(2) && opt.constructed()) {
      if (issuer) return java_io_error("Duplicate CRLIssuer in DistributionPoint.");
      JavaDer seq = opt;
      seq.tag = 0x30;
      KS_ASSIGN_OR_RETURN(std::vector<std::string> list, general_names(seq));
      issuer = java_list(list);
    } else {
      return java_io_error("Invalid encoding of DistributionPoint.");
    }
  }
  if (!name && !issuer) return java_io_error("One of fullName, relativeName,  and crlIssuer has to be set");
  static const char* const kReasons[] = {nullptr,
                                         "key compromise",
                                         "CA compromise",
                                         "affiliation changed",
                                         "superseded",
                                         "cessation of operation",
                                         "certificate hold",
                                         "privilege withdrawn",
                                         "AA compromise"};
  std::string out = "DistributionPoint:\n     ";
  if (name) out += *name;
  out += "\n";
  if (reasons) {
    out += "   ReasonFlags:\n";
    for (size_t i = 0; i < reasons->size(); ++i) {
      if (!(*reasons)[i]) continue;
      out += "    ";
      out += (i > 0 && i < 9) ? std::string(kReasons[i]) : "Unknown reason " + std::to_string(i);
      out += "\n";
    }
  }
  if (issuer) out += "   CRLIssuer:" + *issuer + "\n";
  return out;
}

Result<std::string> distribution_points(const char* name, ByteView value) {
  KS_ASSIGN_OR_RETURN(JavaDer val, java_der_value(value));
  if (val.tag != 0x30) return java_io_error(std::string("Invalid encoding for ") + name + " extension.");
  std::vector<std::string> points;
  JavaDerStream in(val.data);
  while (in.available()) {
    KS_ASSIGN_OR_RETURN(JavaDer dp, in.get_der_value());
    KS_ASSIGN_OR_RETURN(std::string text, distribution_point(dp));
    points.push_back(std::move(text));
  }
  return std::string(name) + " [\n  " + java_list(points) + "]\n";
}
Result<std::string> crl_distribution_points(bool, ByteView v) { return distribution_points("CRLDistributionPoints", v); }
Result<std::string> freshest_crl(bool, ByteView v) { return distribution_points("FreshestCRL", v); }

// AccessDescription.toString with the JDK's short names for the four PKIX methods.
Result<std::string> info_access(const char* name, ByteView value) {
  KS_ASSIGN_OR_RETURN(JavaDer val, java_der_value(value));
  if (val.tag != 0x30) return java_io_error(std::string("Invalid encoding for ") + name + "Extension.");
  std::vector<std::string> descriptions;
  JavaDerStream in(val.data);
  while (in.available()) {
    KS_ASSIGN_OR_RETURN(JavaDer desc, in.get_der_value());
    JavaDerStream fields(desc.data);
    KS_ASSIGN_OR_RETURN(JavaDer method_der, fields.get_der_value());
    KS_ASSIGN_OR_RETURN(std::string method, java_get_oid(method_der));
    KS_ASSIGN_OR_RETURN(JavaDer location, fields.get_der_value());
    KS_ASSIGN_OR_RETURN(std::string where, general_name_to_string(location));
    if (method == "1.3.6.1.5.5.7.48.2") method = "caIssuers";
    else if (method == "1.3.6.1.5.5.7.48.5") method = "caRepository";
    else if (method == "1.3.6.1.5.5.7.48.3") method = "timeStamping";
    else if (method == "1.3.6.1.5.5.7.48.1") method = "ocsp";
    descriptions.push_back("\n   accessMethod: " + method + "\n   accessLocation: " + where + "\n");
  }
  return std::string(name) + " [\n  " + java_list(descriptions) + "\n]\n";
}
Result<std::string> authority_info_access(bool, ByteView v) { return info_access("AuthorityInfoAccess", v); }
Result<std::string> subject_info_access(bool, ByteView v) { return info_access("SubjectInfoAccess", v); }

// CertificatePoliciesExtension / PolicyInformation / java.security.cert.PolicyQualifierInfo.
Result<std::string> certificate_policies(bool, ByteView value) {
  KS_ASSIGN_OR_RETURN(JavaDer val, java_der_value(value));
  if (val.tag != 0x30) return java_io_error("Invalid encoding for CertificatePoliciesExtension.");
  std::string out = "CertificatePolicies [\n";
  JavaDerStream in(val.data);
  while (in.available()) {
    KS_ASSIGN_OR_RETURN(JavaDer info, in.get_der_value());
    if (info.tag != 0x30) return java_io_error("Invalid encoding of PolicyInformation");
    JavaDerStream fields(info.data);
    KS_ASSIGN_OR_RETURN(JavaDer id_der, fields.get_der_value());
    KS_ASSIGN_OR_RETURN(std::string id, java_get_oid(id_der));
    std::vector<std::string> qualifiers;
    if (fields.available()) {
      KS_ASSIGN_OR_RETURN(JavaDer seq, fields.get_der_value());
      if (seq.tag != 0x30) return java_io_error("Invalid encoding of PolicyInformation");
      if (seq.data.empty()) return java_io_error("No data available in policyQualifiers");
      JavaDerStream qs(seq.data);
      while (qs.available()) {
        KS_ASSIGN_OR_RETURN(JavaDer q, qs.get_der_value());
        KS_ASSIGN_OR_RETURN(JavaDer qv, java_der_value(q.encoding));
        if (qv.tag != 0x30) return java_io_error("Invalid encoding for PolicyQualifierInfo");
        JavaDerStream qf(qv.data);
        KS_ASSIGN_OR_RETURN(JavaDer qid_der, qf.get_der_value());
        KS_ASSIGN_OR_RETURN(std::string qid, java_get_oid(qid_der));
        const ByteView rest = qv.data.subspan(qid_der.encoding.size());
        qualifiers.push_back("PolicyQualifierInfo: [\n  qualifierID: " + qid + "\n  qualifier: " + hex_dump(rest) +
                             "\n]");
      }
    }
    out += "  [CertificatePolicyId: [" + id + "]\n" + java_list(qualifiers) + "  ]\n";
  }
  return out + "]\n";
}

Result<std::string> netscape_cert_type(bool, ByteView value) {
  KS_ASSIGN_OR_RETURN(JavaDer val, java_der_value(value));
  KS_ASSIGN_OR_RETURN(std::vector<bool> bits, java_get_bit_string(val));
  auto set = [&](size_t i) { return i < bits.size() && bits[i]; };
  std::string out = "NetscapeCertType [\n";
  if (set(0)) out += "   SSL client\n";
  if (set(1)) out += "   SSL server\n";
  if (set(2)) out += "   S/MIME\n";
  if (set(3)) out += "   Object Signing\n";
  if (set(5)) out += "   SSL CA\n";
  if (set(6)) out += "   S/MIME CA\n";
  if (set(7)) out += "   Object Signing CA";  // the JDK omits this newline
  return out + "]\n";
}

// PrivateKeyUsageExtension: [0]/[1] IMPLICIT GeneralizedTime.
Result<std::string> private_key_usage(bool, ByteView value) {
  JavaDerStream top(value);
  KS_ASSIGN_OR_RETURN(JavaDer seq, top.get_der_value());
  if (seq.tag != 0x30) return java_io_error("Sequence tag error");
  std::optional<int64_t> not_before, not_after;
  JavaDerStream in(seq.data);
  while (in.available()) {
    KS_ASSIGN_OR_RETURN(JavaDer opt, in.get_der_value());
    const bool before = opt.context(0) && !opt.constructed();
    const bool after = opt.context(1) && !opt.constructed();
    if (!before && !after) return java_io_error("Invalid encoding of PrivateKeyUsageExtension");
    if ((before && not_before) || (after && not_after)) {
      return Status::Malformed(std::string("java.security.cert.CertificateParsingException: Duplicate ") +
                               (before ? "notBefore" : "notAfter") + " in PrivateKeyUsage.");
    }
    if (opt.data.size() < 13) return java_io_error("DER Generalized Time length error");
    auto t = parse_time(0x18, opt.data);
    if (!t.ok()) return java_io_error("Parse Generalized time, invalid format");
    (before ? not_before : not_after) = *t;
  }
  std::string out = "PrivateKeyUsage: [\n";
  if (not_before) {
    out += "From: " + java_date_string(*not_before);
    if (not_after) out += ", ";
  }
  if (not_after) out += "To: " + java_date_string(*not_after);
  return out + "]\n";
}

// GeneralSubtrees / GeneralSubtree toString.
Result<std::string> general_subtrees(const JavaDer& val) {
  std::vector<std::string> trees;
  JavaDerStream in(val.data);
  while (in.available()) {
    KS_ASSIGN_OR_RETURN(JavaDer tree, in.get_der_value());
    if (tree.tag != 0x30) return java_io_error("Invalid encoding for GeneralSubtree.");
    JavaDerStream fields(tree.data);
    KS_ASSIGN_OR_RETURN(JavaDer base, fields.get_der_value());
    KS_ASSIGN_OR_RETURN(std::string name, general_name_to_string(base, /*name_constraint=*/true));
    int32_t minimum = 0, maximum = -1;
    while (fields.available()) {
      KS_ASSIGN_OR_RETURN(JavaDer opt, fields.get_der_value());
      if (opt.context(0) && !opt.constructed()) {
        KS_ASSIGN_OR_RETURN(minimum, java_get_integer(opt, opt.tag));
      } else if (opt.context(1) && !opt.constructed()) {
        KS_ASSIGN_OR_RETURN(maximum, java_get_integer(opt, opt.tag));
      } else {
        return java_io_error("Invalid encoding of GeneralSubtree.");
      }
    }
    trees.push_back("\n   GeneralSubtree: [\n    GeneralName: " + name + "\n    Minimum: " + std::to_string(minimum) +
                    "\n    Maximum: " + (maximum == -1 ? std::string("undefined") : std::to_string(maximum)) +
                    "    ]\n");
  }
  return "   GeneralSubtrees:\n" + java_list(trees) + "\n";
}

Result<std::string> name_constraints(bool, ByteView value) {
  KS_ASSIGN_OR_RETURN(JavaDer val, java_der_value(value));
  if (val.tag != 0x30) return java_io_error("Invalid encoding for NameConstraintsExtension.");
  std::optional<std::string> permitted, excluded;
  JavaDerStream in(val.data);
  while (in.available()) {
    KS_ASSIGN_OR_RETURN(JavaDer opt, in.get_der_value());
    if (opt.context(0) && opt.constructed()) {
      if (permitted) return java_io_error("Duplicate permitted GeneralSubtrees in NameConstraintsExtension.");
      KS_ASSIGN_OR_RETURN(permitted, general_subtrees(opt));
    } else if (opt.context(1) && opt.constructed()) {
      if (excluded) return java_io_error("Duplicate excluded GeneralSubtrees in NameConstraintsExtension.");
      KS_ASSIGN_OR_RETURN(excluded, general_subtrees(opt));
    } else {
      return java_io_error("Invalid encoding of NameConstraintsExtension.");
    }
  }
  std::string out = "NameConstraints: [";
  if (permitted) out += "\n    Permitted:" + *permitted;
  if (excluded) out += "\n    Excluded:" + *excluded;
  return out + "   ]\n";
}

Result<std::string> policy_constraints(bool, ByteView value) {
  KS_ASSIGN_OR_RETURN(JavaDer val, java_der_value(value));
  if (val.tag != 0x30) return java_io_error("Sequence tag missing for PolicyConstraint.");
  int32_t require = -1, inhibit = -1;
  JavaDerStream in(val.data);
  while (in.available()) {
    KS_ASSIGN_OR_RETURN(JavaDer next, in.get_der_value());
    if (next.context(0) && !next.constructed()) {
      // The missing space is the JDK 17 text.
      if (require != -1) return java_io_error("Duplicate requireExplicitPolicyfound in the PolicyConstraintsExtension");
      KS_ASSIGN_OR_RETURN(require, java_get_integer(next, next.tag));
    } else if (next.context(1) && !next.constructed()) {
      if (inhibit != -1) return java_io_error("Duplicate inhibitPolicyMapping found in the PolicyConstraintsExtension");
      KS_ASSIGN_OR_RETURN(inhibit, java_get_integer(next, next.tag));
    } else {
      return java_io_error("Invalid encoding of PolicyConstraint");
    }
  }
  return "PolicyConstraints: [  Require: " + (require == -1 ? std::string("unspecified;") : std::to_string(require) + ";") +
         "\tInhibit: " + (inhibit == -1 ? std::string("unspecified") : std::to_string(inhibit)) + " ]\n";
}

// InhibitAnyPolicyExtension refuses to exist unless critical (RFC 5280 §4.2.1.14).
Result<std::string> inhibit_any_policy(bool critical, ByteView value) {
  if (!critical) return java_io_error("Criticality cannot be false for InhibitAnyPolicy");
  KS_ASSIGN_OR_RETURN(JavaDer val, java_der_value(value));
  if (val.tag != 0x02) return java_io_error("Invalid encoding of InhibitAnyPolicy: data not integer");
  KS_ASSIGN_OR_RETURN(int32_t skip, java_get_integer(val));
  if (skip < -1) return java_io_error("Invalid value for skipCerts");
  return "InhibitAnyPolicy: " + std::to_string(skip == -1 ? INT32_MAX : skip) + "\n";
}

Result<std::string> policy_mappings(bool, ByteView value) {
  KS_ASSIGN_OR_RETURN(JavaDer val, java_der_value(value));
  if (val.tag != 0x30) return java_io_error("Invalid encoding for PolicyMappingsExtension.");
  std::vector<std::string> maps;
  JavaDerStream in(val.data);
  while (in.available()) {
    KS_ASSIGN_OR_RETURN(JavaDer map, in.get_der_value());
    if (map.tag != 0x30) return java_io_error("Invalid encoding for CertificatePolicyMap");
    JavaDerStream fields(map.data);
    KS_ASSIGN_OR_RETURN(JavaDer a, fields.get_der_value());
    KS_ASSIGN_OR_RETURN(std::string issuer, java_get_oid(a));
    KS_ASSIGN_OR_RETURN(JavaDer b, fields.get_der_value());
    KS_ASSIGN_OR_RETURN(std::string subject, java_get_oid(b));
    maps.push_back("CertificatePolicyMap: [\nIssuerDomain:CertificatePolicyId: [" + issuer +
                   "]\nSubjectDomain:CertificatePolicyId: [" + subject + "]\n]\n");
  }
  return "PolicyMappings [\n" + java_list(maps) + "]\n";
}

// OCSPNoCheckExtension ignores its value and prints nothing beyond the header.
Result<std::string> ocsp_no_check(bool, ByteView) { return std::string(); }

// OIDMap's certificate extensions, with the key CertificateExtensions files them under.
struct KnownExtension {
  const char* oid;
  const char* name;
  Render render;
};
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

std::string header(const Extension& e) {
  return "ObjectId: " + e.oid + " Criticality=" + bool_text(e.critical) + "\n";
}

}  // namespace

Result<std::string> render_extensions(const std::vector<Extension>& extensions) {
  // CertificateExtensions: a TreeMap keyed by the extension's name (or OID
  // for unknown ones), then the ones that failed to decode, by OID.
  std::map<std::string, std::string> parsed;
  std::map<std::string, std::string> unparseable;
  for (const Extension& e : extensions) {
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

std::optional<std::vector<std::string>> extended_key_usages(const std::vector<Extension>& extensions) {
  for (const Extension& e : extensions) {
    if (e.oid != "2.5.29.37") continue;
    auto oids = eku_oids(e.value);
    if (oids.ok()) return *oids;
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace kstore::x509
