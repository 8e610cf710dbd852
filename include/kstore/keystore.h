// The keystore model shared by every format: entries by alias, with keys kept
// sealed in the form their format protects them until a caller unseals one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kstore/bytes.h"
#include "kstore/crypto_backend.h"
#include "kstore/format_details.h"
#include "kstore/limits.h"
#include "kstore/password.h"
#include "kstore/protection.h"
#include "kstore/status.h"
#include "kstore/store_type.h"

namespace kstore {

enum class EntryType : uint8_t { kPrivateKey, kTrustedCert, kSecretKey };
// "PrivateKeyEntry", "trustedCertEntry", "SecretKeyEntry".
const char* entry_type_name(EntryType type);

struct Certificate {
  std::string type = "X.509";  // JKS/JCEKS v2 store the type name per certificate
  Bytes encoded;               // DER
};

// How a key's bytes are protected; each value names exactly one byte layout.
enum class KeyProtection : uint8_t {
  kJksKeyProtector,   // EncryptedPrivateKeyInfo, OID 1.3.6.1.4.1.42.2.17.1.1 (sun.security.provider.KeyProtector)
  kJcePbe,            // EncryptedPrivateKeyInfo, PBEWithMD5AndTripleDES 1.3.6.1.4.1.42.2.19.1 (JCEKS private keys)
  kJceSealedObject,   // Java serialization stream of a SealedObjectForKeyProtector (JCEKS secret keys)
  kPkcs12Shrouded,    // EncryptedPrivateKeyInfo with a PKCS#12 PBE or PBES2 algorithm (private or secret key)
  kPkcs12Plain,       // PKCS#12 keyBag: a PrivateKeyInfo in clear
};

struct SealedKey {
  KeyProtection protection;
  Bytes encoded;  // exactly as in the file, so an untouched entry is written back byte-identical
};

struct Entry {
  std::string alias;  // UTF-8, exactly as stored (JDK writers lower-case; others may not)
  EntryType type = EntryType::kTrustedCert;
  // Milliseconds since the epoch. Absent where the format did not record it
  // (PKCS#12 trusted certificates, keys without a "Time <ms>" localKeyId).
  std::optional<int64_t> creation_time_ms;
  std::optional<SealedKey> key;    // private and secret key entries
  std::vector<Certificate> chain;  // private key: leaf first (may be empty); trusted cert: exactly one

  FormatDetails format_details;    // PKCS#12 bag attributes, kept through a load/save round trip
  // False for what the JDK would not show: certificates without the trust
  // attribute, unencrypted key bags. kstore lists them and marks them.
  bool visible_to_jdk = true;
  std::string jdk_invisible_reason;  // why, when visible_to_jdk is false
};

// What loading found out, for -v and for error messages.
struct LoadInfo {
  bool integrity_checked = false;   // a password was given and the digest/MAC verified
  bool had_integrity_data = true;   // false for MAC-less PKCS#12
  std::string password_encoding;    // which password encoding matched, when kstore had to try several
  std::vector<std::string> notes;   // things a user should know (skipped encrypted bags, …)
  // PKCS#12 EncryptedData a load without password left closed. The JDK
  // opens these before it checks the MAC, so with a wrong password they
  // decide its message (docs/formats.md, "PKCS#12: PFX and AuthenticatedSafe").
  size_t encrypted_contents_skipped = 0;
  uint32_t file_version = 2;        // JKS/JCEKS header version
  size_t duplicate_aliases_dropped = 0;
};

class Keystore {
 public:
  Keystore() = default;
  explicit Keystore(StoreType type) : type_(type) {}

  StoreType type() const { return type_; }
  void set_type(StoreType type) { type_ = type; }

  const std::vector<Entry>& entries() const { return entries_; }
  size_t size() const { return entries_.size(); }

  // Exact alias first, then the JDK's case-insensitive rule
  // (toLowerCase(Locale.ENGLISH) on both sides). nullptr when absent. There
  // is no mutable lookup: an entry changes through put() and rename(), which
  // keep the alias index.
  const Entry* find(std::string_view alias) const;
  bool contains(std::string_view alias) const { return find(alias) != nullptr; }

  // Appends, or replaces an entry with the same alias (case-insensitively),
  // keeping its position, as the JDK's maps do.
  void put(Entry entry);
  // Room for n entries, so that loading a large store does not move every
  // entry each time the vector grows.
  void reserve(size_t n) {
    entries_.reserve(n);
    index_.reserve(n);
  }
  // Appends without put()'s alias matching. For loaders: the JDK keys its
  // maps by the exact alias read from a file, so aliases that differ only in
  // case are distinct entries there.
  void append(Entry entry) {
    entries_.push_back(std::move(entry));
    index_last_entry();
  }
  // Removes by alias (same matching as find). Returns false when absent.
  bool remove(std::string_view alias);
  // Renames without touching the protected key bytes.
  Status rename(std::string_view from, std::string_view to);

  LoadInfo& load_info() { return load_info_; }
  const LoadInfo& load_info() const { return load_info_; }
  // How save_keystore protects a PKCS#12 store: a loaded store keeps what its
  // file used, as the JDK does; unset, the `modern` profile (kstore/pkcs12.h).
  // Set it to choose per write.
  std::optional<Pkcs12Protection>& pkcs12_protection() { return pkcs12_protection_; }
  const std::optional<Pkcs12Protection>& pkcs12_protection() const { return pkcs12_protection_; }

 private:
  // Keep index_ current: after an append, and after a change that moves or renames entries.
  void index_last_entry();
  void rebuild_index();
  // Where find(alias) is in entries_.
  std::optional<size_t> position_of(std::string_view alias) const;

  StoreType type_ = StoreType::kPkcs12;
  std::vector<Entry> entries_;
  // Entry indices by lower-cased alias, in entry order, so that a lookup (and
  // so put, remove, rename) does not lower-case every alias: importing 10000
  // entries would otherwise be quadratic. Kept current by every change, so
  // const lookups stay safe from several threads.
  std::unordered_map<std::string, std::vector<size_t>> index_;
  LoadInfo load_info_;
  std::optional<Pkcs12Protection> pkcs12_protection_;
};

struct LoadOptions {
  // The type asked for (-storetype); the bytes are read by the reader the
  // JDK would use for them (reader_for, store_type.h), and the loaded
  // store's type() is that reader. Without it the bytes decide.
  std::optional<StoreType> type;
  Limits limits;
  CryptoBackend crypto = CryptoBackend::kDefault;
};

// Parses a keystore. With a store password the integrity digest/MAC is
// verified before anything else is parsed; without one (nullptr) the store
// loads as keytool loads it and load_info().integrity_checked stays false.
Result<Keystore> load_keystore(ByteView file, const Password* store_password, const LoadOptions& options = {});

struct SaveOptions {
  Limits limits;
  CryptoBackend crypto = CryptoBackend::kDefault;
};

// Serialises in the keystore's type. Untouched sealed keys are copied as they are.
Result<Bytes> save_keystore(const Keystore& store, const Password& store_password, const SaveOptions& options = {});

}  // namespace kstore
