// keytool's doGenSecretKey (JDK 17), which -genseckey and -importpass both
// run (secret_key_entry.h). A -keyalg starting with "PBE" (the default of
// -importpass) stores a password read from the user; any other names a
// KeyGenerator. The JDK's rules (generators, sizes, which store holds which
// key, the password entry) come from kstore/secret_keys.h.
#include <optional>
#include <string>

#include "commands.h"
#include "errors.h"
#include "import_stores.h"
#include "key_protection.h"
#include "kstore/java_string.h"
#include "kstore/jdk_view.h"
#include "kstore/password_change.h"
#include "kstore/secret_keys.h"
#include "new_password.h"
#include "secret_key_entry.h"
#include "text.h"

namespace kstool {

using kstore::Password;
using kstore::SecretKeyMaterial;

namespace {

bool starts_with_pbe(const std::string& name) {
  return name.size() >= 3 && kstore::equals_ignore_ascii_case(name.substr(0, 3), "PBE");
}

// A password entry: the password asked for, then the PBEKey made of it.
Outcome make_password_key(Context& ctx, bool default_pbe, SecretKeyMaterial& key) {
  Password secret;
  KSTOOL_TRY(prompt_password_to_store(ctx, secret));
  if (std::optional<kstore::JdkRefusal> r = kstore::password_entry_key(secret, key)) return jdk_refusal(*r);
  if (ctx.inv.verbose) ctx.io.err << "Generated " << (default_pbe ? "PBE" : key.algorithm) << " secret key\n";
  return Outcome::ok();
}

// A generated key: the generator, keytool's default size, the JDK's size rules.
Outcome make_generated_key(Context& ctx, const std::string& keyalg, SecretKeyMaterial& key) {
  kstore::SecretKeyGenerator generator;
  if (std::optional<kstore::JdkRefusal> r = kstore::find_secret_key_generator(keyalg, generator))
    return jdk_refusal(*r);
  // keytool's "not given" is -1, typed or not.
  std::optional<int32_t> bits = ctx.inv.keysize;
  if (bits == -1) bits.reset();
  if (!bits) bits = kstore::keytool_default_secret_key_size(keyalg);
  if (!bits) return Outcome::exception("Please provide -keysize for secret key generation");
  if (std::optional<kstore::JdkRefusal> r = kstore::check_secret_key_size(generator, *bits)) return jdk_refusal(*r);
  kstore::Result<SecretKeyMaterial> made = kstore::generate_secret_key(generator, *bits, ctx.env.crypto_backend);
  if (!made.ok()) return Outcome::exception(made.status().message());
  key = std::move(made).value();
  ctx.io.err << "Generated " << format_integer(*bits) << "-bit " << key.algorithm << " secret key\n";
  return Outcome::ok();
}

// The key password: -keypass, else PKCS#12's store password, else asked for.
Outcome key_password_for(Context& ctx, const OpenedKeystore& ks, const std::string& alias,
                         std::optional<Password>& out) {
  if (ctx.inv.keypass) {
    out = ctx.inv.keypass->clone();
    return Outcome::ok();
  }
  const Password none;
  const Password& store_password = ks.password ? *ks.password : none;
  if (!kstore::key_password_may_differ(ks.type)) {
    out = store_password.clone();
    return Outcome::ok();
  }
  return prompt_new_key_password(ctx, alias, store_password, out);
}

// KeyStore.setKeyEntry / setEntry: the key sealed as the store protects it.
Outcome seal_into(Context& ctx, OpenedKeystore& ks, const std::string& alias, bool default_pbe,
                  const SecretKeyMaterial& key, const Password& key_password) {
  const kstore::StoreType format = ks.store.type();
  kstore::SealParams params = seal_params_for_new_keys(ctx, format);
  std::optional<kstore::JdkRefusal> refusal =
      default_pbe ? kstore::check_secret_key_storable(format, key.algorithm)
                  : kstore::password_entry_protection(format, *ctx.inv.keyalg, params, params);
  if (!refusal) refusal = kstore::jdk17_pkcs12_password_refusal(ks.store, key_password, /*adding_key=*/true);
  if (refusal) return jdk_refusal(*refusal);
  kstore::Result<kstore::SealedKey> sealed =
      kstore::seal_secret_key(format, key, key_password, params, ctx.env.crypto_backend);
  if (!sealed.ok()) return Outcome::error("java.security.KeyStoreException", sealed.status().message());
  kstore::Entry entry;
  entry.alias = kstore::stored_alias(ks.type, alias);
  entry.type = kstore::EntryType::kSecretKey;
  entry.creation_time_ms = ctx.env.now_ms;
  entry.key = std::move(sealed).value();
  ks.store.put(std::move(entry));
  return Outcome::ok();
}

}  // namespace

Outcome add_secret_key_entry(Context& ctx) {
  Destination dest;
  dest.password_prompt = "Enter keystore password:  ";
  KSTOOL_TRY(open_destination_keystore(ctx, /*in_place=*/false, nullptr, dest));
  OpenedKeystore& ks = dest.ks;
  // keytool checks -keyalg once the keystore is open.
  if (!ctx.inv.keyalg) return Outcome::exception("The -keyalg option must be specified.");
  const std::string& keyalg = *ctx.inv.keyalg;
  const std::string alias = ctx.inv.alias.value_or("mykey");
  if (ks.jdk().find(alias) != nullptr)
    return Outcome::exception("Secret Key not generated, alias <" + alias + "> already exists");

  const bool pbe = starts_with_pbe(keyalg);
  // "PBE" itself stores with the store's own protection; another PBE name
  // asks for that algorithm (KeyStore.PasswordProtection with an algorithm).
  const bool default_protection = !pbe || kstore::equals_ignore_ascii_case(keyalg, "PBE");
  SecretKeyMaterial key;
  KSTOOL_TRY(pbe ? make_password_key(ctx, default_protection, key) : make_generated_key(ctx, keyalg, key));
  std::optional<Password> key_password;
  KSTOOL_TRY(key_password_for(ctx, ks, alias, key_password));
  KSTOOL_TRY(seal_into(ctx, ks, alias, default_protection, key, *key_password));
  if (dest.pkcs12_property_error) return *dest.pkcs12_property_error;
  return save_keystore_file(ctx, ks);
}

}  // namespace kstool
