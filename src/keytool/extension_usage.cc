// Usage and constraint extensions as JDK 17 prints them:
// sun.security.x509.BasicConstraintsExtension, KeyUsageExtension,
// ExtendedKeyUsageExtension, NetscapeCertTypeExtension,
// PrivateKeyUsageExtension, InhibitAnyPolicyExtension, OCSPNoCheckExtension
// (constructor checks with their exception texts, then toString()).
#include <optional>

#include "keytool/extension_bodies.h"
#include "keytool/java_date.h"
#include "keytool/java_der.h"
#include "keytool/known_oids.h"
#include "x509/certificate.h"

namespace kstore::keytool::ext {
namespace {

std::string bool_text(bool b) { return b ? "true" : "false"; }

}  // namespace

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
    auto t = x509::parse_time(0x18, opt.data);
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

// InhibitAnyPolicyExtension refuses to exist unless critical (RFC 5280 §4.2.1.14).
Result<std::string> inhibit_any_policy(bool critical, ByteView value) {
  if (!critical) return java_io_error("Criticality cannot be false for InhibitAnyPolicy");
  KS_ASSIGN_OR_RETURN(JavaDer val, java_der_value(value));
  if (val.tag != 0x02) return java_io_error("Invalid encoding of InhibitAnyPolicy: data not integer");
  KS_ASSIGN_OR_RETURN(int32_t skip, java_get_integer(val));
  if (skip < -1) return java_io_error("Invalid value for skipCerts");
  return "InhibitAnyPolicy: " + std::to_string(skip == -1 ? INT32_MAX : skip) + "\n";
}

// OCSPNoCheckExtension ignores its value and prints nothing beyond the header.
Result<std::string> ocsp_no_check(bool, ByteView) { return std::string(); }

}  // namespace kstore::keytool::ext
