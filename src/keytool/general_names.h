// GeneralName text as the JDK prints it (sun.security.x509.GeneralName and
// the DNSName, RFC822Name, URIName, IPAddressName, OIDName, OtherName,
// X500Name, X400Address and EDIPartyName toString methods).
#pragma once

#include <string>
#include <vector>

#include "keytool/java_der.h"
#include "kstore/status.h"

namespace kstore::keytool {

// One GeneralName; `name_constraint` relaxes URI syntax as the JDK does for
// NameConstraints subtrees. Errors carry the JDK's exception text.
Result<std::string> general_name_to_string(const JavaDer& name, bool name_constraint = false);

// GeneralNames(DerValue): the text of each name of a non-empty SEQUENCE OF GeneralName.
Result<std::vector<std::string>> general_names(const JavaDer& value);

// AbstractCollection.toString(): "[a, b]".
std::string java_list(const std::vector<std::string>& items);

// IPAddressName.toString() of the raw address (4, 8, 16 or 32 bytes).
Result<std::string> ip_address_to_string(ByteView address);

}  // namespace kstore::keytool
