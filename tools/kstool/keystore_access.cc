// Opening the keystore of a command the way keytool's doCommands does, and
// the JDK's view of what is in it (sun.security.tools.keytool.Main,
// java.security.KeyStoreSpi, PKCS12KeyStore, JavaKeyStore, JceKeyStore).
#include "keystore_access.h"

#include <sys/stat.h>

#include "cli.h"
#include "errors.h"
#include "kstore/file.h"
#include "load_hints.h"
#include "kstore/java_string.h"
#include "text.h"

namespace kstool {

using kstore::Entry;
using kstore::EntryType;
using kstore::Result;
using kstore::StoreType;

namespace {

bool pkcs12_has_encrypted_data(kstore::ByteView file, kstore::CryptoBackend crypto) {
  Result<kstore::Keystore> bare = kstore::load_keystore(file, nullptr, {StoreType::kPkcs12, {}, crypto});
  // Not the protection's cert_encryption: a store without certificates
  // keeps the default there, for the certificates it may get.
  return !bare.ok() || bare->load_info().encrypted_contents_skipped > 0;
}

// What add_proprietary_format_warning asks of a store. Every open and save
// records it, so the entries are looked at only where the answer can matter
// (JKS, JCEKS) and only until one entry decides it. `format` is the format
// of the bytes on disk, which keytool names (not the reader's).
Context::StoreOnDisk describe_on_disk(StoreType format, const kstore::Keystore& store) {
  if (format != StoreType::kJks && format != StoreType::kJceks) return {format, false};
  for (const Entry& e : store.entries()) {
    // JavaKeyStore finds the entry under its lower-cased alias only, so an
    // upper-case alias written by another tool never counts as a certificate.
    const bool found = e.alias == kstore::java_lower_case(e.alias);
    if (!found || e.type != EntryType::kTrustedCert) return {format, false};
  }
  return {format, true};
}

// The type of the store to open and the reader for its bytes, as keytool's
// KeyStore.getInstance and load choose them: probed from the bytes unless
// -storetype or -providername is given (then the type asked for, or the
// default "pkcs12" when only a provider is named).
Outcome choose_type(const Invocation& inv, kstore::ByteView file, OpenedKeystore& out, StoreType& reader) {
  const std::optional<StoreType> detected = out.in_memory ? std::nullopt : kstore::detect_store_type(file);
  if (!inv.storetype && !inv.providername && !out.in_memory) {
    if (!detected)
      return Outcome::error("java.security.KeyStoreException",
                            "Unrecognized keystore format. Please load it with a specified type");
    out.type = kstore::keystore_type_of(*detected);
    out.type_name = kstore::store_type_name(*detected);
    reader = *detected;
    return Outcome::ok();
  }
  const std::string name = inv.storetype.value_or("pkcs12");
  std::optional<kstore::KeystoreType> type = kstore::parse_keystore_type(name);
  if (inv.providername) {
    if (!known_provider_name(*inv.providername))
      return Outcome::error("java.security.NoSuchProviderException", "no such provider: " + *inv.providername);
    if (type && *inv.providername != kstore::provider_name(*type)) type.reset();
  }
  if (!type) return Outcome::error("java.security.KeyStoreException", name + " not found");
  out.type = *type;
  out.type_name = name;
  const std::optional<StoreType> read_by =
      out.in_memory ? kstore::format_of(*type) : kstore::reader_for(*type, detected);
  if (!read_by) return Outcome::error("java.io.IOException", "Invalid keystore format");
  reader = *read_by;
  return Outcome::ok();
}

// The bytes of an existing store, failing as keytool's FileInputStream and
// load do: an empty file, a missing or unreadable one, one over the size limit.
Outcome read_keystore_bytes(const std::string& path, kstore::Bytes& file) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && st.st_size == 0)
    return Outcome::exception("Keystore file exists, but is empty: " + path);
  Result<kstore::Bytes> read = kstore::read_file(path);
  if (!read.ok()) {
    if (read.status().code() == kstore::ErrorCode::kLimitExceeded)
      return Outcome::error("java.io.IOException", read.status().message());
    // keytool: FileInputStream failed (missing, unreadable, a directory).
    return Outcome::exception("Keystore file does not exist: " + path);
  }
  file = std::move(read).value();
  return Outcome::ok();
}

// The store password typed at the prompt: once, or (for commands that may
// create the store) up to three times until it has six characters.
Outcome prompt_store_password(Context& ctx, StorePasswordPrompt prompt, const char* prompt_text,
                              OpenedKeystore& out) {
  const int tries = prompt == StorePasswordPrompt::kOnce ? 1 : 3;
  for (int i = 0; i < tries && !out.password; ++i) {
    ctx.io.out.flush();
    ctx.io.err << prompt_text << std::flush;
    out.password = read_password(ctx.io.in);
    if (prompt == StorePasswordPrompt::kOnce) return Outcome::ok();
    if (!out.in_memory && (!out.password || out.password->length() < 6)) {
      ctx.io.err << "Keystore password is too short - must be at least 6 characters\n";
      out.password.reset();
    }
  }
  if (!out.password) return store_password_given_up(ctx.inv.strict, ctx.io.err);
  return Outcome::ok();
}

}  // namespace

bool known_provider_name(const std::string& name) {
  static const char* const kNames[] = {"SUN", "SunRsaSign", "SunEC", "SunJSSE", "SunJCE", "SunJGSS", "SunSASL",
                                       "XMLDSig", "SunPCSC", "JdkLDAP", "JdkSASL", "SunPKCS11"};
  for (const char* k : kNames)
    if (name == k) return true;
  return false;
}

Outcome open_existing_keystore(Context& ctx, StorePasswordPrompt prompt, OpenedKeystore& out,
                               const char* prompt_text) {
  Invocation& inv = ctx.inv;
  const std::string& path = ctx.keystore_path;
  out.loaded_at_ms = ctx.env.now_ms;
  out.in_memory = path == "NONE";

  kstore::Bytes file;
  if (!out.in_memory) KSTOOL_TRY(read_keystore_bytes(path, file));

  StoreType reader = StoreType::kPkcs12;
  if (Outcome chosen = choose_type(inv, file, out, reader); !chosen.is_ok()) {
    if (!out.in_memory) print_load_failure_hint(ctx.io.err, path, file, kstore::Status::UnknownFormat(""));
    return chosen;
  }
  kstore::LoadOptions options;
  options.type = reader;
  options.crypto = ctx.env.crypto_backend;

  auto load = [&](const kstore::Password* password) -> Outcome {
    if (out.in_memory) {
      out.store = kstore::Keystore(reader);
      return Outcome::ok();
    }
    Result<kstore::Keystore> loaded = kstore::load_keystore(file, password, options);
    if (!loaded.ok()) {
      print_load_failure_hint(ctx.io.err, path, file, loaded.status());
      LoadContext lc{path, reader, password != nullptr, true};
      if (reader == StoreType::kPkcs12 && loaded.status().code() == kstore::ErrorCode::kIntegrityFailure)
        lc.pkcs12_has_encrypted_data = pkcs12_has_encrypted_data(file, ctx.env.crypto_backend);
      return load_failure(loaded.status(), lc);
    }
    out.store = std::move(loaded).value();
    if (password != nullptr) print_load_hint(ctx.io.err, path, out.store);
    ctx.store_on_disk = describe_on_disk(kstore::detect_store_type(file).value_or(reader), out.store);
    return Outcome::ok();
  };

  // With a password the store is loaded once; without one it is loaded
  // first as it is (so format errors show before any prompt), then again
  // with the password typed.
  if (inv.storepass) {
    out.password = inv.storepass->clone();
    KSTOOL_TRY(load(&*out.password));
  } else {
    KSTOOL_TRY(load(nullptr));
    if (!inv.protected_path && !out.jdk().passwordless()) {
      KSTOOL_TRY(prompt_store_password(ctx, prompt, prompt_text, out));
      if (out.password) KSTOOL_TRY(load(&*out.password));
    }
  }

  if (out.password) {
    ignore_pkcs12_key_password(ctx, out, inv.keypass, "-keypass");
    ignore_pkcs12_key_password(ctx, out, inv.destkeypass, "-destkeypass");
  }
  return Outcome::ok();
}

void ignore_pkcs12_key_password(Context& ctx, const OpenedKeystore& ks, std::optional<kstore::Password>& key_password,
                                const char* option) {
  if (kstore::key_password_may_differ(ks.type) || !ks.password) return;
  const kstore::Password& store_password = *ks.password;
  if (key_password && store_password != *key_password) {
    ctx.io.err << "Warning:  Different store and key passwords not supported for PKCS12 KeyStores. "
                  "Ignoring user-specified "
               << option << " value.\n";
    key_password = store_password.clone();
  }
}

Outcome save_keystore_file(Context& ctx, const OpenedKeystore& ks, const kstore::Password* new_password) {
  if (ctx.inv.verbose) ctx.io.err << "[Storing " << (ks.in_memory ? "keystore" : ctx.keystore_path) << "]\n";
  if (ks.in_memory) return Outcome::ok();
  const kstore::Password none;
  const kstore::Password& password = new_password ? *new_password : ks.password ? *ks.password : none;
  Result<kstore::Bytes> bytes = kstore::save_keystore(ks.store, password, {{}, ctx.env.crypto_backend});
  if (!bytes.ok()) return library_failure(bytes.status());
  kstore::Status written = kstore::write_file_atomic(ctx.keystore_path, *bytes);
  if (!written.ok()) return Outcome::error("java.io.IOException", written.message());
  ctx.store_on_disk = describe_on_disk(ks.store.type(), ks.store);
  return Outcome::ok();
}

void print_no_integrity_warning(std::ostream& err) {
  err << "\n"
         "*****************  WARNING WARNING WARNING  *****************\n"
         "* The integrity of the information stored in your keystore  *\n"
         "* has NOT been verified!  In order to verify its integrity, *\n"
         "* you must provide your keystore password.                  *\n"
         "*****************  WARNING WARNING WARNING  *****************\n"
         "\n";
}

void add_proprietary_format_warning(Context& ctx) {
  // keytool re-probes the file on disk: the warning follows what is there
  // now, whatever -storetype said. When this command read or wrote the file
  // it knows that already; otherwise the file is read again.
  if (!ctx.store_on_disk) {
    Result<kstore::Bytes> file = kstore::read_file(ctx.keystore_path);
    if (!file.ok()) return;
    const std::optional<StoreType> type = kstore::detect_store_type(*file);
    if (type != StoreType::kJks && type != StoreType::kJceks) return;
    Result<kstore::Keystore> store = kstore::load_keystore(*file, nullptr, {*type, {}, ctx.env.crypto_backend});
    if (!store.ok()) return;
    ctx.store_on_disk = describe_on_disk(*type, *store);
  }
  const StoreType type = ctx.store_on_disk->format;
  if (type != StoreType::kJks && type != StoreType::kJceks) return;
  if (ctx.store_on_disk->only_certificates) return;
  const std::string name = kstore::store_type_name(type);
  ctx.warnings.push_back("The " + name +
                         " keystore uses a proprietary format. It is recommended to migrate to PKCS12 which is an "
                         "industry standard format using \"keytool -importkeystore -srckeystore " +
                         ctx.keystore_path + " -destkeystore " + ctx.keystore_path + " -deststoretype pkcs12\".");
}

}  // namespace kstool
