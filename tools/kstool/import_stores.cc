// Opening the source and the destination of -importkeystore
// (sun.security.tools.keytool.Main.loadSourceKeyStore and the part of
// doCommands that opens or creates the keystore, JDK 17).
#include "import_stores.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <utility>
#include <vector>

#include "kstore/java_string.h"
#include "kstore/pkcs12.h"
#include "new_password.h"
#include "text.h"

namespace kstool {

using kstore::Password;
using kstore::StoreType;

namespace {

void print_source_no_integrity_warning(std::ostream& err) {
  err << "\n"
         "*****************  WARNING WARNING WARNING  *****************\n"
         "* The integrity of the information stored in the srckeystore*\n"
         "* has NOT been verified!  In order to verify its integrity, *\n"
         "* you must provide the srckeystore password.                *\n"
         "*****************  WARNING WARNING WARNING  *****************\n"
         "\n";
}

// The -J-Dkeystore.pkcs12.* properties as keytool's PKCS12KeyStore reads them.
kstore::Result<kstore::Pkcs12Protection> pkcs12_protection_of(const Invocation& inv) {
  std::vector<std::pair<std::string, std::string>> props(inv.system_properties.begin(), inv.system_properties.end());
  return kstore::pkcs12_protection_from_properties(props);
}

}  // namespace

Outcome open_source_keystore(Context& ctx, OpenedKeystore& src) {
  Invocation& inv = ctx.inv;
  const std::string& path = *inv.srckeystore;
  // keytool opens a FileInputStream first.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Outcome::error("java.io.FileNotFoundException", path + " (" + java_errno_text(errno) + ")");
  struct stat st {};
  const bool is_dir = ::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode);
  ::close(fd);
  if (is_dir) return Outcome::error("java.io.FileNotFoundException", path + " (Is a directory)");

  // The source is opened like any keystore, with the -src* options.
  Invocation src_inv;
  src_inv.command = inv.command;
  src_inv.storetype = inv.srcstoretype;
  src_inv.providername = inv.srcprovidername;
  if (inv.srcstorepass) src_inv.storepass = inv.srcstorepass->clone();
  src_inv.protected_path = inv.src_protected_path;
  Context src_ctx{src_inv, ctx.io, ctx.env, ctx.warnings, path};
  KSTOOL_TRY(open_existing_keystore(src_ctx, StorePasswordPrompt::kOnce, src, "Enter source keystore password:  "));
  ignore_pkcs12_key_password(ctx, src, inv.srckeypass, "-srckeypass");
  if (!src.password && !src.jdk().passwordless() && !inv.src_protected_path)
    print_source_no_integrity_warning(ctx.io.err);
  return Outcome::ok();
}

Outcome open_destination_keystore(Context& ctx, bool in_place, const Password* in_place_password,
                                  Destination& out) {
  Invocation& inv = ctx.inv;
  if (!out.lock.lock) KSTOOL_TRY(lock_keystore(ctx, out.lock));
  struct stat st {};
  if (!in_place && ::stat(ctx.keystore_path.c_str(), &st) == 0)
    return open_existing_keystore(ctx, StorePasswordPrompt::kUntilValid, out.ks, out.password_prompt);

  // A new keystore of the type asked for, else keytool's default, PKCS12.
  OpenedKeystore& ks = out.ks;
  ks.type_name = inv.storetype.value_or("PKCS12");
  ks.loaded_at_ms = ctx.env.now_ms;
  const std::optional<kstore::KeystoreType> type = kstore::parse_keystore_type(ks.type_name);
  if (!type) return Outcome::error("java.security.KeyStoreException", ks.type_name + " not found");
  ks.type = *type;
  ks.store = kstore::Keystore(kstore::format_of(*type));
  out.created = true;

  if (ks.store.type() == StoreType::kPkcs12) {
    kstore::Result<kstore::Pkcs12Protection> protection = pkcs12_protection_of(inv);
    if (protection.ok()) {
      ks.store.pkcs12_protection() = std::move(protection).value();
    } else {
      out.pkcs12_property_error = Outcome::error("java.lang.IllegalArgumentException", protection.status().message());
    }
  }

  std::optional<Password> given;
  if (inv.storepass) {
    given = inv.storepass->clone();
  } else if (in_place_password != nullptr) {
    given = in_place_password->clone();
  }
  // A new PKCS#12 store with neither a MAC nor encrypted certificates
  // (-J-Dkeystore.pkcs12.macAlgorithm=NONE and certProtectionAlgorithm=NONE)
  // needs no password, and keytool asks for none.
  if (!given && ks.jdk().passwordless()) return Outcome::ok();
  KSTOOL_TRY(new_store_password(ctx, std::move(given), out.password_prompt, ks.password));
  ignore_pkcs12_key_password(ctx, ks, inv.keypass, "-keypass");
  ignore_pkcs12_key_password(ctx, ks, inv.destkeypass, "-destkeypass");
  return Outcome::ok();
}

}  // namespace kstool
