// X.500 distinguished names as Java prints them. sun.security.x509.X500Name,
// RDN and AVA (with its AVAKeyword table).
#pragma once

#include <string>

#include "kstore/bytes.h"
#include "kstore/status.h"

namespace kstore::x509 {

// X500Principal.toString() / X500Name.toString(): RDNs most-specific first,
// joined by ", ", AVAs of one RDN joined by " + ", RFC 1779-style quoting.
// `name` is the whole Name TLV (SEQUENCE OF RDN).
Result<std::string> name_to_java_string(ByteView name);

// RDN.toString() of one RelativeDistinguishedName given the contents of its SET.
Result<std::string> rdn_to_java_string(ByteView set_contents);

// X500Principal.getName() (RFC 2253): "," between RDNs, "+" inside an RDN,
// backslash escapes, "#hex" for non-string values and unknown types.
Result<std::string> name_to_rfc2253(ByteView name);

}  // namespace kstore::x509
