// Sealing parameters for the keys keytool adds (key_protection.h).
#include "key_protection.h"

#include <string>
#include <utility>
#include <vector>

#include "kstore/pkcs12.h"

namespace kstool {

kstore::SealParams seal_params_for_new_keys(const Context& ctx, kstore::StoreType format) {
  kstore::SealParams params;
  if (format != kstore::StoreType::kPkcs12) return params;
  // keytool seals the keys it adds with its configured default
  // (the -J-Dkeystore.pkcs12.* properties), whatever the file used so far.
  std::vector<std::pair<std::string, std::string>> props(ctx.inv.system_properties.begin(),
                                                         ctx.inv.system_properties.end());
  kstore::Result<kstore::Pkcs12Protection> protection = kstore::pkcs12_protection_from_properties(props);
  if (protection.ok()) return kstore::pkcs12_seal_params(*protection);
  return kstore::pkcs12_seal_params(kstore::pkcs12_profile_protection(kstore::Pkcs12Profile::kModern));
}

}  // namespace kstool
