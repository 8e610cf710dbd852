// Opening the keystore a command works on, as keytool's doCommands does:
// the file checks, the type (asked for or probed), the store password (given,
// prompted, or none), and the JDK's view of aliases and entry types.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "context.h"
#include "kstore/keystore.h"
#include "outcome.h"

namespace kstool {

enum class StorePasswordPrompt {
  // -list, -exportcert: "Enter keystore password:  " once; no answer loads
  // the store without an integrity check.
  kOnce,
  // Commands that write the store: up to three tries of at least 6
  // characters. keytool then prints "Too many failures - try later" on
  // stderr and exits 0 having done nothing; kstool fails with that message
  // (exit 1), so that a script notices (README, Differences from keytool).
  kUntilValid,
};

struct OpenedKeystore {
  kstore::Keystore store;
  std::string type_name;      // keyStore.getType(): the -storetype asked for, else the detected type
  kstore::StoreType format;   // the format of the bytes (which JDK class reads them)
  bool case_exact = false;    // -storetype CaseExactJKS: aliases compared exactly
  bool passwordless = false;  // PKCS#12 without MAC and without encrypted data (no prompt)
  bool in_memory = false;     // -keystore NONE
  // The store password given or typed; nullopt = loaded without integrity check.
  std::optional<kstore::Password> password;
  int64_t loaded_at_ms = 0;   // "now" for entries without a creation date

  // keytool's provider name for the type: SunJCE for JCEKS, SUN otherwise.
  const char* provider_name() const;
  // The alias as the JDK enumerates it: PKCS#12 keys its map by the
  // lower-cased alias, JKS and JCEKS by the alias as read.
  std::string jdk_alias(const kstore::Entry& e) const;
  // keytool's containsAlias(): JKS/JCEKS/PKCS#12 look up the lower-cased
  // alias, CaseExactJKS the exact one. kstool also finds an upper-case JKS
  // alias written by another tool (the JDK cannot: it only looks for the
  // lower-case form). nullptr when absent.
  const kstore::Entry* find(std::string_view alias) const;
  // KeyStore.entryInstanceOf as the JDK answers it. JKS and JCEKS use the
  // KeyStoreSpi default, under which a key entry without a certificate is a
  // SecretKeyEntry; PKCS#12 answers from the entry's class.
  kstore::EntryType jdk_entry_type(const kstore::Entry& e) const;
  // The entries in the order the JDK enumerates them (aliases(),
  // getCertificateAlias()): Hashtable order for JKS/JCEKS, load order for
  // PKCS#12. Only entries the JDK sees.
  std::vector<const kstore::Entry*> jdk_enumeration_order() const;
  // KeyStore.getCertificateAlias(cert): the first entry in enumeration order
  // whose certificate (a key entry's first) is `der`; nullptr if none.
  const kstore::Entry* certificate_owner(kstore::ByteView der) const;
  // Creation date shown for the entry.
  int64_t creation_ms(const kstore::Entry& e) const;
};

// Java char by char equality (Arrays.equals on the char[]).
bool same_password(const kstore::Password& a, const kstore::Password& b);

// PKCS#12 protects keys with the store password only: a key password
// option that differs from it is replaced by it, with keytool's warning
// naming the option ("-keypass", "-destkeypass", "-srckeypass").
void ignore_pkcs12_key_password(Context& ctx, const kstore::Password& store_password,
                                std::optional<kstore::Password>& key_password, const char* option);

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
