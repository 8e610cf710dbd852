// The JDK's standard names for object identifiers (sun.security.util.KnownOIDs).
#pragma once

#include <string_view>

namespace kstore::keytool {

// stdName() of the KnownOIDs constant for a dotted OID, or nullptr.
const char* known_oid_name(std::string_view dotted);

}  // namespace kstore::keytool
