// -changealias: keytool's doCloneEntry(alias, dest, changeAlias=true).
//
// keytool recovers the key (asking for its password when it is not the
// store password), stores it again under the new alias and deletes the old
// one. kstool moves the entry with its protected key bytes as they are: no
// key password is needed (-keypass is accepted and not used). What keytool's
// new entry shows is reproduced: the lower-cased alias, a new creation date,
// and for PKCS#12 a new localKeyId and the last place in the file.
#include "commands.h"
#include "keystore_update.h"
#include "reply_prompt.h"

namespace kstool {

Outcome run_change_alias(Context& ctx) {
  KeystoreLock lock;
  OpenedKeystore ks;
  KSTOOL_TRY(open_keystore_for_update(ctx, lock, ks));

  // keytool's default -alias.
  const std::string alias = ctx.inv.alias.value_or("mykey");
  std::string dest;
  if (ctx.inv.dest) {
    dest = *ctx.inv.dest;
  } else {
    // keytool fails with a NullPointerException at the end of input; kstool
    // says what is missing (README, Differences).
    std::optional<std::string> typed = ask_line(ctx.io, "Enter destination alias name:  ");
    if (!typed || typed->empty()) return Outcome::exception("Must specify destination alias");
    dest = *typed;
  }

  // keytool checks the destination first.
  const kstore::JdkView jdk = ks.jdk();
  if (jdk.find(dest) != nullptr) return Outcome::exception("Destination alias <" + dest + "> already exists");
  const kstore::Entry* source = jdk.find(alias);
  if (source == nullptr) return Outcome::exception("Alias <" + alias + "> does not exist");

  kstore::Entry moved = *source;
  const std::string old_alias = source->alias;
  moved.alias = kstore::stored_alias(ks.type, dest);
  if (ks.store.type() == kstore::StoreType::kPkcs12) {
    // A new PKCS#12 key entry: dated now, with a localKeyId made from that
    // date when written. Certificates carry no date in PKCS#12.
    if (moved.key) {
      moved.creation_time_ms = ctx.env.now_ms;
      moved.format_details.clear_local_key_id();
    }
  } else {
    moved.creation_time_ms = ctx.env.now_ms;
  }
  ks.store.remove(old_alias);
  ks.store.append(std::move(moved));
  return save_keystore_file(ctx, ks);
}

}  // namespace kstool
