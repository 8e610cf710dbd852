// One entry from the source keystore to the destination keystore.
#include "entry_transfer.h"

#include "errors.h"
#include "kstore/jdk_view.h"
#include "text.h"

namespace kstool {

using kstore::Entry;
using kstore::EntryType;
using kstore::KeyProtection;
using kstore::Password;
using kstore::StoreType;

namespace {

// Unseals e's key with `password`; kBadPassword means "wrong password".
kstore::Status try_unseal(const Context& ctx, const Entry& e, const Password& password, RecoveredEntry& out) {
  const kstore::CryptoBackend crypto = ctx.env.crypto_backend;
  if (kstore::holds_secret_key(e)) {
    kstore::Result<kstore::SecretKeyMaterial> key = kstore::unseal_secret_key(*e.key, password, {}, crypto);
    if (!key.ok()) return key.status();
    out.secret_key = std::move(key).value();
  } else {
    kstore::Result<kstore::SecretBytes> key = kstore::unseal_private_key(*e.key, password, {}, crypto);
    if (!key.ok()) return key.status();
    out.private_key = std::move(key).value();
  }
  out.key_password = password.clone();
  return kstore::Status::Ok();
}

// What keytool reports when the last password it tries does not open the key.
Outcome unseal_failure(const Entry& e, const kstore::Status& status) {
  if (status.code() != kstore::ErrorCode::kBadPassword) return library_failure(status);
  if (e.key->protection == KeyProtection::kJceSealedObject) {
    // javax.crypto.SealedObject with a wrong key fails in the padding check.
    return Outcome::error("java.security.UnrecoverableKeyException",
                          "Given final block not properly padded. Such issues can arise if a bad key is used during "
                          "decryption.");
  }
  if (e.key->protection == KeyProtection::kPkcs12Shrouded) {
    // PKCS12KeyStore.engineGetKey decrypts the shrouded key bag (a CBC
    // cipher) and wraps the padding failure of a wrong password.
    return Outcome::error("java.security.UnrecoverableKeyException",
                          "Get Key failed: Given final block not properly padded. Such issues can arise if a bad "
                          "key is used during decryption.");
  }
  return Outcome::error("java.security.UnrecoverableKeyException", "Cannot recover key");
}

}  // namespace

Outcome recover_entry(Context& ctx, const OpenedKeystore& src, const Entry& e, const std::string& alias,
                      RecoveredEntry& out) {
  return recover_entry(ctx, src, e, alias, ctx.inv.srckeypass, out);
}

Outcome recover_entry(Context& ctx, const OpenedKeystore& src, const Entry& e, const std::string& alias,
                      const std::optional<Password>& key_password, RecoveredEntry& out) {
  out.source = &e;
  if (!e.key) return Outcome::ok();  // a certificate needs no password

  if (key_password) {
    kstore::Status s = try_unseal(ctx, e, *key_password, out);
    return s.ok() ? Outcome::ok() : unseal_failure(e, s);
  }
  if (src.password) {
    kstore::Status s = try_unseal(ctx, e, *src.password, out);
    if (s.ok()) return Outcome::ok();
    if (s.code() != kstore::ErrorCode::kBadPassword || !kstore::key_password_may_differ(src.type))
      return unseal_failure(e, s);
  }
  // keytool's getKeyPasswd: three tries to get a non-empty answer.
  std::optional<Password> typed;
  for (int tries = 0; tries < 3 && !typed; ++tries) {
    ctx.io.out.flush();
    ctx.io.err << "Enter key password for <" << alias << ">" << std::flush;
    typed = read_password(ctx.io.in);
  }
  if (!typed) return Outcome::exception("Too many failures - try later");
  kstore::Status s = try_unseal(ctx, e, *typed, out);
  return s.ok() ? Outcome::ok() : unseal_failure(e, s);
}

Outcome convert_for_destination(Context& ctx, const OpenedKeystore& dest, const RecoveredEntry& rec,
                                const std::string& dest_alias, const kstore::SealParams& params, Entry& out,
                                std::string& store_failure, const PresealedKey* presealed) {
  const Entry& e = *rec.source;
  out = Entry{};
  out.alias = kstore::stored_alias(dest.type, dest_alias);
  out.type = e.type;
  out.chain = e.chain;
  const StoreType format = dest.store.type();
  const bool pkcs12 = format == StoreType::kPkcs12;
  // setEntry dates the new entry now; PKCS#12 records no date for certificates.
  if (!pkcs12 || e.key) out.creation_time_ms = ctx.env.now_ms;
  if (!e.key) {
    // keytool passes -destkeypass to setEntry for every entry, and
    // KeyStore.setEntry refuses a password for a certificate.
    if (ctx.inv.destkeypass) {
      store_failure = "java.security.KeyStoreException: trusted certificate entries are not password-protected";
      return Outcome::ok();
    }
    // A trusted certificate: kept with its trusted usages when it had any.
    if (pkcs12) out.format_details = e.format_details.trusted_key_usages_only();
    return Outcome::ok();
  }

  // In a password-less PKCS#12 store a key keeps the password it was opened
  // with (keytool's isPasswordlessKeyStore), whatever the store password.
  const Password* store_password = dest.password && !dest.jdk().passwordless() ? &*dest.password : nullptr;
  const Password& password = kstore::password_for_imported_key(
      dest.type, ctx.inv.destkeypass ? &*ctx.inv.destkeypass : nullptr, store_password, *rec.key_password);
  auto seal = [&]() -> kstore::Result<kstore::SealedKey> {
    if (presealed != nullptr && *presealed->password == password) return presealed->key;
    const kstore::CryptoBackend crypto = ctx.env.crypto_backend;
    if (rec.secret_key) return kstore::seal_secret_key(format, *rec.secret_key, password, params, crypto);
    return kstore::seal_private_key(format, rec.private_key->view(), password, params, crypto);
  };
  kstore::Result<kstore::SealedKey> sealed = seal();
  if (!sealed.ok()) {
    // KeyStore.setEntry's KeyStoreException: reported per entry.
    store_failure = "java.security.KeyStoreException: " + sealed.status().message();
    return Outcome::ok();
  }
  out.key = std::move(sealed).value();
  if (e.type == EntryType::kPrivateKey && rec.secret_key) out.type = EntryType::kSecretKey;
  return Outcome::ok();
}

}  // namespace kstool
