// Extensions made of names as JDK 17 prints them: SubjectAlternativeName,
// IssuerAlternativeName, Subject/AuthorityKeyIdentifier (KeyIdentifier,
// SerialNumber), CRLDistributionPoints/FreshestCRL (DistributionPoint) and
// Authority/SubjectInfoAccess (AccessDescription) in sun.security.x509.
#include <optional>

#include "keytool/extension_bodies.h"
#include "keytool/general_names.h"
#include "keytool/hex_dump.h"
#include "keytool/java_der.h"
#include "x509/java_text.h"
#include "x509/x500_name.h"

namespace kstore::keytool::ext {
namespace {

std::string key_identifier(ByteView id) { return "KeyIdentifier [\n" + hex_dump(id) + "]\n"; }

}  // namespace

Result<std::string> subject_key_identifier(bool, ByteView value) {
  KS_ASSIGN_OR_RETURN(JavaDer val, java_der_value(value));
  KS_ASSIGN_OR_RETURN(Bytes id, java_get_octet_string(val));
  return "SubjectKeyIdentifier [\n" + key_identifier(id) + "]\n";
}

namespace {

Result<std::string> alt_names(const char* title, ByteView value) {
  KS_ASSIGN_OR_RETURN(JavaDer val, java_der_value(value));
  KS_ASSIGN_OR_RETURN(std::vector<std::string> names, general_names(val));
  std::string out = std::string(title) + " [\n";
  for (const std::string& n : names) out += "  " + n + "\n";
  return out + "]\n";
}
}  // namespace

Result<std::string> subject_alt_name(bool, ByteView v) { return alt_names("SubjectAlternativeName", v); }
Result<std::string> issuer_alt_name(bool, ByteView v) { return alt_names("IssuerAlternativeName", v); }

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
        hex += x509::hex_lower(ByteView(&b[i], 1));
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

namespace {

// DistributionPointName ([0] of a DistributionPoint): fullName as a list of
// GeneralNames, or nameRelativeToCRLIssuer as RDN.toString() of its SET.
Result<std::string> distribution_point_name(const JavaDer& opt) {
  JavaDerStream inner(opt.data);
  KS_ASSIGN_OR_RETURN(JavaDer dpn, inner.get_der_value());
  if (dpn.context(0) && dpn.constructed()) {
    dpn.tag = 0x30;
    KS_ASSIGN_OR_RETURN(std::vector<std::string> list, general_names(dpn));
    return java_list(list);
  }
  if (dpn.context(1) && dpn.constructed()) {
    auto text = x509::rdn_to_java_string(dpn.data);
    if (!text.ok()) return java_io_error("X500 RDN");
    return *text;
  }
  return java_io_error("Invalid DistributionPointName in DistributionPoint");
}

// The ReasonFlags lines of DistributionPoint.toString (its REASON_STRINGS).
std::string reason_flags(const std::vector<bool>& reasons) {
  static const char* const kReasons[] = {nullptr,
                                         "key compromise",
                                         "CA compromise",
                                         "affiliation changed",
                                         "superseded",
                                         "cessation of operation",
                                         "certificate hold",
                                         "privilege withdrawn",
                                         "AA compromise"};
  std::string out = "   ReasonFlags:\n";
  for (size_t i = 0; i < reasons.size(); ++i) {
    if (!reasons[i]) continue;
    out += "    ";
    out += (i > 0 && i < 9) ? std::string(kReasons[i]) : "Unknown reason " + std::to_string(i);
    out += "\n";
  }
  return out;
}

// DistributionPoint.toString, with reason_flags above.
Result<std::string> distribution_point(const JavaDer& val) {
  if (val.tag != 0x30) return java_io_error("Invalid encoding of DistributionPoint.");
  std::optional<std::string> name, issuer;
  std::optional<std::vector<bool>> reasons;
  JavaDerStream in(val.data);
  while (in.available()) {
    KS_ASSIGN_OR_RETURN(JavaDer opt, in.get_der_value());
    if (opt.context(0) && opt.constructed()) {
      if (name) return java_io_error("Duplicate DistributionPointName in DistributionPoint.");
      KS_ASSIGN_OR_RETURN(name, distribution_point_name(opt));
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
  std::string out = "DistributionPoint:\n     ";
  if (name) out += *name;
  out += "\n";
  if (reasons) out += reason_flags(*reasons);
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
}  // namespace

Result<std::string> crl_distribution_points(bool, ByteView v) { return distribution_points("CRLDistributionPoints", v); }
Result<std::string> freshest_crl(bool, ByteView v) { return distribution_points("FreshestCRL", v); }

namespace {

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
}  // namespace

Result<std::string> authority_info_access(bool, ByteView v) { return info_access("AuthorityInfoAccess", v); }
Result<std::string> subject_info_access(bool, ByteView v) { return info_access("SubjectInfoAccess", v); }

}  // namespace kstore::keytool::ext
