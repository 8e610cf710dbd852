// -keypasswd: keytool's doChangeKeyPasswd (JDK 17). JKS and JCEKS only:
// the key is recovered (-keypass, else the store password, else asked for)
// and stored again under the new password (-new, else asked for twice),
// dated now. PKCS#12 protects every key with the store password, so keytool
// refuses the command there.
#include <optional>

#include "commands.h"
#include "entry_transfer.h"
#include "key_protection.h"
#include "keystore_update.h"
#include "kstore/file.h"
#include "kstore/jdk_view.h"
#include "kstore/store_type.h"
#include "new_password.h"

namespace kstool {
namespace {

Outcome not_for_pkcs12() {
  return Outcome::error("java.lang.UnsupportedOperationException",
                        "-keypasswd commands not supported if -storetype is PKCS12");
}

// keytool refuses right after its first load of the file, before any
// password prompt: by -storetype, else by the type the bytes have.
bool refused_before_prompt(const Context& ctx) {
  if (ctx.inv.storetype) {
    std::optional<kstore::KeystoreType> type = kstore::parse_keystore_type(*ctx.inv.storetype);
    return type && !kstore::key_password_may_differ(*type);
  }
  kstore::Result<kstore::Bytes> file = kstore::read_file(ctx.keystore_path);
  const std::optional<kstore::StoreType> detected = file.ok() ? kstore::detect_store_type(*file) : std::nullopt;
  return detected && !kstore::key_password_may_differ(kstore::keystore_type_of(*detected));
}

// The key sealed again under `new_password` in the store's own format.
Outcome reseal(Context& ctx, OpenedKeystore& ks, const RecoveredEntry& rec, const kstore::Password& new_password) {
  const kstore::StoreType format = ks.store.type();
  const kstore::SealParams params = seal_params_for_new_keys(ctx, format);
  const kstore::CryptoBackend crypto = ctx.env.crypto_backend;
  kstore::Result<kstore::SealedKey> sealed =
      rec.secret_key ? kstore::seal_secret_key(format, *rec.secret_key, new_password, params, crypto)
                     : kstore::seal_private_key(format, rec.private_key->view(), new_password, params, crypto);
  if (!sealed.ok()) return Outcome::error("java.security.KeyStoreException", sealed.status().message());
  kstore::Entry e = *rec.source;
  e.key = std::move(sealed).value();
  e.creation_time_ms = ctx.env.now_ms;
  ks.store.put(std::move(e));
  return Outcome::ok();
}

}  // namespace

Outcome run_key_passwd(Context& ctx) {
  if (refused_before_prompt(ctx)) return not_for_pkcs12();
  KeystoreLock lock;
  OpenedKeystore ks;
  KSTOOL_TRY(open_keystore_for_update(ctx, lock, ks));
  if (!kstore::key_password_may_differ(ks.type)) return not_for_pkcs12();

  const std::string alias = ctx.inv.alias.value_or("mykey");
  const kstore::Entry* e = ks.jdk().find(alias);
  if (e == nullptr) return Outcome::exception("Alias <" + alias + "> does not exist");
  if (!e->key) return Outcome::exception("Alias <" + alias + "> has no key");
  RecoveredEntry rec;
  KSTOOL_TRY(recover_entry(ctx, ks, *e, alias, ctx.inv.keypass, rec));

  std::optional<kstore::Password> new_password;
  if (ctx.inv.newpass) {
    new_password = ctx.inv.newpass->clone();
  } else {
    KSTOOL_TRY(prompt_changed_password(ctx, "key password for <" + alias + ">", &*rec.key_password, new_password));
  }
  KSTOOL_TRY(reseal(ctx, ks, rec, *new_password));
  return save_keystore_file(ctx, ks);
}

}  // namespace kstool
