// Presealing for -importkeystore (import_preseal.h).
#include "import_preseal.h"

#include "kstore/batch_sealing.h"
#include "kstore/java_string.h"

namespace kstool {

PresealedKeys preseal_keys(const Context& ctx, const OpenedKeystore& src, const OpenedKeystore& dest,
                           const std::vector<const kstore::Entry*>& entries, const kstore::SealParams& params) {
  PresealedKeys out;
  if (!src.password) return out;
  // convert_for_destination's choice, with the source store password standing
  // for the password each key opens with.
  const kstore::Password* target = &*src.password;
  if (ctx.inv.destkeypass) {
    target = &*ctx.inv.destkeypass;
  } else if (kstore::equals_ignore_ascii_case(dest.type_name, "PKCS12") && dest.password) {
    target = &*dest.password;
  }
  std::vector<kstore::ResealRequest> requests;
  std::vector<const kstore::Entry*> owners;
  for (const kstore::Entry* e : entries) {
    if (!e->key) continue;
    kstore::ResealRequest r;
    r.key = &*e->key;
    // entry_transfer.cc's holds_secret_key.
    const bool secret = e->key->protection == kstore::KeyProtection::kJceSealedObject ||
                        (e->key->protection == kstore::KeyProtection::kPkcs12Shrouded &&
                         e->type == kstore::EntryType::kSecretKey);
    r.type = secret ? kstore::EntryType::kSecretKey : kstore::EntryType::kPrivateKey;
    r.source_password = &*src.password;
    r.target = dest.format;
    r.target_password = target;
    r.params = params;
    requests.push_back(r);
    owners.push_back(e);
  }
  kstore::BatchOptions options;
  options.crypto = ctx.env.crypto_backend;
  options.workers = ctx.env.workers;
  std::vector<kstore::Result<kstore::SealedKey>> sealed = kstore::reseal_keys(requests, options);
  for (size_t i = 0; i < sealed.size(); ++i)
    if (sealed[i].ok()) out.emplace(owners[i], PresealedKey{std::move(sealed[i]).value(), target});
  return out;
}

}  // namespace kstool
