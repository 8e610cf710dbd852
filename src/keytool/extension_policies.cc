// Policy and name-constraint extensions as JDK 17 prints them:
// sun.security.x509.CertificatePoliciesExtension (PolicyInformation and
// java.security.cert.PolicyQualifierInfo), NameConstraintsExtension
// (GeneralSubtrees), PolicyConstraintsExtension, PolicyMappingsExtension.
#include <optional>

#include "keytool/extension_bodies.h"
#include "keytool/general_names.h"
#include "keytool/hex_dump.h"
#include "keytool/java_der.h"

namespace kstore::keytool::ext {

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

namespace {

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

}  // namespace

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

}  // namespace kstore::keytool::ext
