// From SafeBags to keystore entries with the JDK's semantics
// (PKCS12KeyStore.loadSafeContents and the key/chain matching of engineLoad;
// docs/formats.md, "PKCS#12: how the JDK loads bags into entries"), plus
// what the JDK would not show, marked visible_to_jdk = false with the reason
// ("PKCS#12: entries the JDK does not see").
#pragma once

#include <string>
#include <vector>

#include "kstore/keystore.h"
#include "pkcs12/safe_contents.h"

namespace kstore::pkcs12 {

struct BuiltEntries {
  std::vector<Entry> entries;  // JDK-visible in the JDK's order, then the invisible ones in file order
  std::vector<std::string> notes;
};

// `bags` in file order across all SafeContents that were opened.
Result<BuiltEntries> build_entries(const std::vector<SafeBag>& bags, const Limits& limits);

// The creation date the JDK reads from a "Time <ms>" localKeyId (Long.parseLong rules).
std::optional<int64_t> creation_time_from_key_id(ByteView key_id);

}  // namespace kstore::pkcs12
