// The PKCS#12 side of kstore::FormatDetails: the bag attributes an entry
// keeps through a load/save round trip, and the one way in for the PKCS#12
// reader and writer.
#pragma once

#include <vector>

#include "kstore/bytes.h"
#include "kstore/format_details.h"

namespace kstore::detail {

struct Pkcs12BagDetails {
  Bytes local_key_id;                    // empty when absent
  std::vector<Bytes> trusted_key_usages;  // OID contents; empty when absent
  std::vector<Bytes> other_attributes;    // DER of each whole Attribute SEQUENCE
};

struct FormatDetailsAccess {
  // nullptr when the entry has none.
  static const Pkcs12BagDetails* pkcs12(const FormatDetails& details) { return details.pkcs12_.get(); }
  // Empty details when every part is empty.
  static FormatDetails from_pkcs12(Pkcs12BagDetails details);
};

}  // namespace kstore::detail
