// -storepasswd: keytool's doChangeStorePasswd (JDK 17). The new password
// comes from -new or is asked for twice. JKS and JCEKS only get a new
// digest; PKCS#12 keys are sealed again under the new password
// (kstore/password_change.h). Silent on success.
#include "commands.h"
#include "errors.h"
#include "key_protection.h"
#include "keystore_update.h"
#include "kstore/password_change.h"
#include "new_password.h"

namespace kstool {

Outcome run_store_passwd(Context& ctx) {
  KeystoreLock lock;
  OpenedKeystore ks;
  KSTOOL_TRY(open_keystore_for_update(ctx, lock, ks));
  const kstore::Password none;
  const kstore::Password& old_password = ks.password ? *ks.password : none;

  std::optional<kstore::Password> new_password;
  if (ctx.inv.newpass) {
    new_password = ctx.inv.newpass->clone();
  } else {
    KSTOOL_TRY(prompt_changed_password(ctx, "keystore password", ks.password ? &*ks.password : nullptr, new_password));
  }
  // keytool recovers PKCS#12 keys with -keypass when given (which, there,
  // is the store password by now) and the store password otherwise.
  const kstore::Password& key_password = ctx.inv.keypass ? *ctx.inv.keypass : old_password;
  if (std::optional<kstore::JdkRefusal> r = kstore::jdk17_pkcs12_password_refusal(ks.store, *new_password, false))
    return jdk_refusal(*r);
  const kstore::SealParams params = seal_params_for_new_keys(ctx, ks.store.type());
  kstore::Status changed = kstore::change_store_password(ks.store, key_password, *new_password, params, ctx.env.now_ms,
                                                         ctx.env.crypto_backend, ctx.env.workers);
  if (!changed.ok()) return library_failure(changed);
  return save_keystore_file(ctx, ks, &*new_password);
}

}  // namespace kstool
