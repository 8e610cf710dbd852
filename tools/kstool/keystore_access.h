// Opening the keystore a command works on, as keytool's doCommands does:
// the file checks, the type (asked for or probed), the store password (given,
// prompted, or none), and the JDK's view of aliases and entry types.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "context.h"
#include "kstore/jdk_view.h"
#include "kstore/keystore.h"
#include "outcome.h"

namespace kstool {

enum class StorePasswordPrompt {
  // -list, -exportcert: "Enter keystore password:  " once; no answer loads
  // the store without an integrity check.
  kOnce,
  // Commands that write the store: up to three tries of at least 6
  // characters, then keytool's "Too many failures - try later" on stderr
  // and exit 0 having done nothing (errors.h: store_password_given_up).
  kUntilValid,
};

struct OpenedKeystore {
  kstore::Keystore store;       // store.type(): the reader that parsed the bytes (kstore::reader_for)
  kstore::KeystoreType type = kstore::KeystoreType::kPkcs12;  // KeyStore.getType(): asked for, else detected
  std::string type_name;        // that type as keytool prints it: the -storetype text upper-cased
  bool in_memory = false;       // -keystore NONE
  // The store password given or typed; nullopt = loaded without integrity check.
  std::optional<kstore::Password> password;
  int64_t loaded_at_ms = 0;     // "now" for entries without a creation date

  // What the JDK sees of the store (entries, aliases, types, order).
  kstore::JdkView jdk() const { return kstore::JdkView(store, type); }
  // Creation date shown for the entry.
  int64_t creation_ms(const kstore::Entry& e) const { return e.creation_time_ms.value_or(loaded_at_ms); }
};

// A store whose keys have no passwords of their own (kstore::
// key_password_may_differ: PKCS#12) takes its store password for a key
// password option that differs from it, with keytool's warning naming the
// option ("-keypass", "-destkeypass", "-srckeypass"). Nothing happens for
// other types, or when the store has no password.
void ignore_pkcs12_key_password(Context& ctx, const OpenedKeystore& ks, std::optional<kstore::Password>& key_password,
                                const char* option);

// The JDK's standard security providers, by name (Security.getProvider).
bool known_provider_name(const std::string& name);

// Loads the existing keystore named by ctx.keystore_path, prompting for its
// password per `prompt` when none was given, with `prompt_text`
// (-importkeystore asks for the "destination" or "source" password).
Outcome open_existing_keystore(Context& ctx, StorePasswordPrompt prompt, OpenedKeystore& out,
                               const char* prompt_text = "Enter keystore password:  ");

// Writes `ks.store` back to ctx.keystore_path as keytool does after a
// command that changed it: "[Storing <file>]" on stderr with -v, then the
// file replaced atomically (kstore::write_file_atomic). `new_password`, when
// set, replaces the store password (-storepasswd).
Outcome save_keystore_file(Context& ctx, const OpenedKeystore& ks, const kstore::Password* new_password = nullptr);

// The no-integrity banner keytool prints when a store was loaded without a password.
void print_no_integrity_warning(std::ostream& err);

// The "uses a proprietary format" warning, added to ctx.warnings when the
// file at ctx.keystore_path now holds a JKS or JCEKS store with at least one
// entry that is not a trusted certificate.
void add_proprietary_format_warning(Context& ctx);

}  // namespace kstool
