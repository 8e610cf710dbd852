// Opening the keystore of a command the way keytool's doCommands does, and
// the JDK's view of what is in it (sun.security.tools.keytool.Main,
// java.security.KeyStoreSpi, PKCS12KeyStore, JavaKeyStore, JceKeyStore).
#include "keystore_access.h"

#include <sys/stat.h>

#include "cli.h"
#include "errors.h"
#include "kstore/file.h"
#include "kstore/java_string.h"
#include "text.h"

namespace kstool {

using kstore::Entry;
using kstore::EntryType;
using kstore::Result;
using kstore::StoreType;

namespace {

// The store types kstool can open, by keytool's (upper-cased) -storetype name.
struct TypeRequest {
  StoreType format;
  bool case_exact = false;
};
std::optional<TypeRequest> parse_type_request(const std::string& name) {
  if (name == "CASEEXACTJKS") return TypeRequest{StoreType::kJks, true};
  if (std::optional<StoreType> t = kstore::parse_store_type(name)) return TypeRequest{*t, false};
  return std::nullopt;
}

// PKCS12KeyStore.isPasswordless: no EncryptedData among the SafeContents and no MacData.
bool pkcs12_passwordless(const kstore::Keystore& store) {
  const auto& p = store.pkcs12_protection();
  return p && !p->mac && !p->cert_encryption;
}

bool pkcs12_has_encrypted_data(kstore::ByteView file, kstore::CryptoBackend crypto) {
  Result<kstore::Keystore> bare = kstore::load_keystore(file, nullptr, {StoreType::kPkcs12, {}, crypto});
  if (!bare.ok() || !bare->pkcs12_protection()) return true;
  return bare->pkcs12_protection()->cert_encryption.has_value();
}

// What add_proprietary_format_warning asks of a store. Every open and save
// records it, so the entries are looked at only where the answer can matter
// (JKS, JCEKS) and only until one entry decides it.
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

}  // namespace

bool same_password(const kstore::Password& a, const kstore::Password& b) {
  if (a.length() != b.length()) return false;
  for (size_t i = 0; i < a.length(); ++i)
    if (a.char_at(i) != b.char_at(i)) return false;
  return true;
}

const char* OpenedKeystore::provider_name() const {
  return kstore::equals_ignore_ascii_case(type_name, "JCEKS") ? "SunJCE" : "SUN";
}

bool known_provider_name(const std::string& name) {
  static const char* const kNames[] = {"SUN", "SunRsaSign", "SunEC", "SunJSSE", "SunJCE", "SunJGSS", "SunSASL",
                                       "XMLDSig", "SunPCSC", "JdkLDAP", "JdkSASL", "SunPKCS11"};
  for (const char* k : kNames)
    if (name == k) return true;
  return false;
}

std::string OpenedKeystore::jdk_alias(const Entry& e) const {
  if (format == StoreType::kPkcs12) return kstore::java_lower_case(e.alias);
  return e.alias;
}

const Entry* OpenedKeystore::find(std::string_view alias) const {
  if (case_exact) {
    for (const Entry& e : store.entries())
      if (e.alias == alias) return &e;
    return nullptr;
  }
  const Entry* e = store.find(alias);
  return e != nullptr && e->visible_to_jdk ? e : nullptr;
}

EntryType OpenedKeystore::jdk_entry_type(const Entry& e) const {
  if (format != StoreType::kPkcs12 && e.type == EntryType::kPrivateKey && e.chain.empty())
    return EntryType::kSecretKey;
  return e.type;
}

std::vector<const Entry*> OpenedKeystore::jdk_enumeration_order() const {
  std::vector<const Entry*> visible;
  for (const Entry& e : store.entries())
    if (e.visible_to_jdk) visible.push_back(&e);
  if (format == StoreType::kPkcs12) return visible;
  // JavaKeyStore keys its table by the alias as read, JceKeyStore by the
  // lower-cased alias.
  std::vector<std::string> keys;
  for (const Entry* e : visible)
    keys.push_back(format == StoreType::kJceks ? kstore::java_lower_case(e->alias) : e->alias);
  std::vector<const Entry*> ordered;
  for (size_t i : java_hashtable_order(keys)) ordered.push_back(visible[i]);
  return ordered;
}

const Entry* OpenedKeystore::certificate_owner(kstore::ByteView der) const {
  for (const Entry* e : jdk_enumeration_order()) {
    if (e->chain.empty() || (e->type == EntryType::kSecretKey)) continue;
    if (kstore::equal_bytes(e->chain[0].encoded, der)) return e;
  }
  return nullptr;
}

int64_t OpenedKeystore::creation_ms(const Entry& e) const {
  return e.creation_time_ms.value_or(loaded_at_ms);
}

Outcome open_existing_keystore(Context& ctx, StorePasswordPrompt prompt, OpenedKeystore& out,
                               const char* prompt_text) {
  Invocation& inv = ctx.inv;
  const std::string& path = ctx.keystore_path;
  out.loaded_at_ms = ctx.env.now_ms;
  out.in_memory = path == "NONE";

  kstore::Bytes file;
  if (!out.in_memory) {
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
  }

  // The type. keytool probes an existing file unless -storetype or
  // -providername is given; otherwise it instantiates the type asked for
  // (KeyStore.getDefaultType(), "pkcs12", when only a provider is named).
  kstore::LoadOptions options;
  options.crypto = ctx.env.crypto_backend;
  const bool probe = !inv.storetype && !inv.providername && !out.in_memory;
  if (probe) {
    const std::optional<StoreType> detected = kstore::detect_store_type(file);
    if (!detected)
      return Outcome::error("java.security.KeyStoreException",
                            "Unrecognized keystore format. Please load it with a specified type");
    out.format = *detected;
    out.type_name = kstore::store_type_name(*detected);
    options.type = *detected;
  } else {
    const std::string type = inv.storetype.value_or("pkcs12");
    std::optional<TypeRequest> req = parse_type_request(nice_store_type_name(type));
    if (inv.providername) {
      // KeyStore.getInstance(type, provider): SUN has JKS, CaseExactJKS and
      // PKCS12, SunJCE has JCEKS.
      if (!known_provider_name(*inv.providername))
        return Outcome::error("java.security.NoSuchProviderException", "no such provider: " + *inv.providername);
      const bool sunjce = *inv.providername == "SunJCE";
      const bool offered = req && (*inv.providername == "SUN" || sunjce) &&
                           ((req->format == StoreType::kJceks) == sunjce);
      if (!offered) req.reset();
    }
    if (!req) return Outcome::error("java.security.KeyStoreException", type + " not found");
    out.type_name = type;
    out.case_exact = req->case_exact;
    options.type = req->format;
    out.format = req->format;
    if (!out.in_memory) {
      // Which JDK class reads the bytes: JKS and PKCS12 read each other's
      // files; JCEKS reads JKS files; CaseExactJKS only its own.
      const std::optional<StoreType> detected = kstore::detect_store_type(file);
      switch (req->format) {
        case StoreType::kJks:
          if (detected == StoreType::kJks) break;
          if (detected == StoreType::kPkcs12 && !req->case_exact) {
            out.format = StoreType::kPkcs12;
            break;
          }
          return Outcome::error("java.io.IOException", "Invalid keystore format");
        case StoreType::kJceks:
          if (detected == StoreType::kJks || detected == StoreType::kJceks) {
            out.format = *detected;
            break;
          }
          return Outcome::error("java.io.IOException", "Invalid keystore format");
        case StoreType::kPkcs12:
          if (detected == StoreType::kJks) out.format = StoreType::kJks;
          break;  // anything else is parsed as PKCS#12 and fails there
      }
    }
  }

  auto load = [&](const kstore::Password* password) -> Outcome {
    if (out.in_memory) {
      out.store = kstore::Keystore(out.format);
      return Outcome::ok();
    }
    Result<kstore::Keystore> loaded = kstore::load_keystore(file, password, options);
    if (!loaded.ok()) {
      LoadContext lc{path, out.format, password != nullptr, true};
      if (out.format == StoreType::kPkcs12 && loaded.status().code() == kstore::ErrorCode::kIntegrityFailure)
        lc.pkcs12_has_encrypted_data = pkcs12_has_encrypted_data(file, ctx.env.crypto_backend);
      return load_failure(loaded.status(), lc);
    }
    out.store = std::move(loaded).value();
    ctx.store_on_disk = describe_on_disk(out.format, out.store);
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
    out.passwordless = kstore::equals_ignore_ascii_case(out.type_name, "PKCS12") && pkcs12_passwordless(out.store);
    if (!inv.protected_path && !out.passwordless) {
      if (prompt == StorePasswordPrompt::kOnce) {
        ctx.io.out.flush();
        ctx.io.err << prompt_text << std::flush;
        out.password = read_password(ctx.io.in);
      } else {
        for (int tries = 0; tries < 3 && !out.password; ++tries) {
          ctx.io.out.flush();
          ctx.io.err << prompt_text << std::flush;
          out.password = read_password(ctx.io.in);
          if (!out.in_memory && (!out.password || out.password->length() < 6)) {
            ctx.io.err << "Keystore password is too short - must be at least 6 characters\n";
            out.password.reset();
          }
        }
        if (!out.password) return Outcome::exception("Too many failures - try later");
      }
      if (out.password) KSTOOL_TRY(load(&*out.password));
    }
  }

  if (out.password && kstore::equals_ignore_ascii_case(out.type_name, "PKCS12")) {
    ignore_pkcs12_key_password(ctx, *out.password, inv.keypass, "-keypass");
    ignore_pkcs12_key_password(ctx, *out.password, inv.destkeypass, "-destkeypass");
  }
  return Outcome::ok();
}

void ignore_pkcs12_key_password(Context& ctx, const kstore::Password& store_password,
                                std::optional<kstore::Password>& key_password, const char* option) {
  if (key_password && !same_password(store_password, *key_password)) {
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
