// Presealing for -importkeystore (import_preseal.h).
#include "import_preseal.h"

#include "kstore/batch_sealing.h"
#include "kstore/jdk_view.h"

namespace kstool {

PresealedKeys preseal_keys(const Context& ctx, const OpenedKeystore& src, const OpenedKeystore& dest,
                           const std::vector<const kstore::Entry*>& entries, const kstore::SealParams& params) {
  PresealedKeys out;
  if (!src.password) return out;
  // convert_for_destination's choice, with the source store password standing
  // for the password each key opens with.
  const kstore::Password* target = &kstore::password_for_imported_key(
      dest.type, ctx.inv.destkeypass ? &*ctx.inv.destkeypass : nullptr, dest.password ? &*dest.password : nullptr,
      *src.password);
  std::vector<kstore::ResealRequest> requests;
  std::vector<const kstore::Entry*> owners;
  for (const kstore::Entry* e : entries) {
    if (!e->key) continue;
    kstore::ResealRequest r;
    r.key = &*e->key;
    r.type = kstore::holds_secret_key(*e) ? kstore::EntryType::kSecretKey : kstore::EntryType::kPrivateKey;
    r.source_password = &*src.password;
    r.target = dest.store.type();
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
