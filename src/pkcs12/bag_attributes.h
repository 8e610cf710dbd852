// SafeBag attributes: friendlyName, localKeyId, the JDK trusted-usage
// attribute, and the rest kept opaque. RFC 7292 §4.2 (PKCS12Attribute),
// RFC 2985 §5.5.1-2; docs/formats.md, "PKCS#12: bag attributes".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "der/reader.h"
#include "der/writer.h"
#include "kstore/keystore.h"

namespace kstore::pkcs12 {

struct BagAttributes {
  std::optional<std::string> friendly_name;  // UTF-8; a trailing NUL is kept, as the JDK keeps it
  std::optional<Bytes> local_key_id;
  std::optional<std::vector<Bytes>> trusted_key_usages;  // present (even empty) marks a JDK trusted cert
  std::vector<Bytes> others;  // DER of each whole Attribute SEQUENCE kstore does not interpret
};

// Reads the optional `SET OF PKCS12Attribute` that ends a SafeBag.
Result<BagAttributes> read_bag_attributes(der::Reader& safe_bag);

// What a bag gets written with. The JDK writes its attributes in this order,
// not in DER SET OF order (PKCS12KeyStore.getBagAttributes).
struct BagAttributesToWrite {
  std::optional<std::string> friendly_name;
  ByteView local_key_id;  // empty: none
  const std::vector<Bytes>* trusted_key_usages = nullptr;
  const std::vector<Bytes>* others = nullptr;
};

// Writes nothing at all when there is no attribute, as the JDK does.
void write_bag_attributes(der::Writer& safe_bag, const BagAttributesToWrite& attrs);

}  // namespace kstore::pkcs12
