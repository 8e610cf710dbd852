// The toString() bodies of the extensions the JDK decodes (what follows the
// "ObjectId: … Criticality=…" line), one function per sun.security.x509
// extension class. A failure carries the exception text keytool prints for
// an extension it could not decode.
#pragma once

#include <string>
#include <vector>

#include "kstore/bytes.h"
#include "kstore/status.h"

namespace kstore::keytool::ext {

// extension_usage.cc
Result<std::string> basic_constraints(bool critical, ByteView value);
Result<std::string> key_usage(bool critical, ByteView value);
Result<std::string> extended_key_usage(bool critical, ByteView value);
Result<std::string> netscape_cert_type(bool critical, ByteView value);
Result<std::string> private_key_usage(bool critical, ByteView value);
Result<std::string> inhibit_any_policy(bool critical, ByteView value);
Result<std::string> ocsp_no_check(bool critical, ByteView value);
// The purposes of an ExtendedKeyUsage value, as dotted OIDs.
Result<std::vector<std::string>> eku_oids(ByteView value);

// extension_names.cc
Result<std::string> subject_key_identifier(bool critical, ByteView value);
Result<std::string> authority_key_identifier(bool critical, ByteView value);
Result<std::string> subject_alt_name(bool critical, ByteView value);
Result<std::string> issuer_alt_name(bool critical, ByteView value);
Result<std::string> crl_distribution_points(bool critical, ByteView value);
Result<std::string> freshest_crl(bool critical, ByteView value);
Result<std::string> authority_info_access(bool critical, ByteView value);
Result<std::string> subject_info_access(bool critical, ByteView value);

// extension_policies.cc
Result<std::string> certificate_policies(bool critical, ByteView value);
Result<std::string> name_constraints(bool critical, ByteView value);
Result<std::string> policy_constraints(bool critical, ByteView value);
Result<std::string> policy_mappings(bool critical, ByteView value);

}  // namespace kstore::keytool::ext
