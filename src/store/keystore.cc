// Keystore model: alias lookup with the JDK's case rule, put/remove/rename.
#include "kstore/keystore.h"

#include <algorithm>

#include "base/utf.h"
#include "jks/jks_format.h"

namespace kstore {

const char* store_type_name(StoreType type) {
  switch (type) {
    case StoreType::kJks: return "JKS";
    case StoreType::kJceks: return "JCEKS";
    case StoreType::kPkcs12: return "PKCS12";
  }
  return "?";
}

std::optional<StoreType> parse_store_type(std::string_view name) {
  std::string upper(name);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper == "JKS") return StoreType::kJks;
  if (upper == "JCEKS") return StoreType::kJceks;
  if (upper == "PKCS12") return StoreType::kPkcs12;
  return std::nullopt;
}

std::optional<StoreType> detect_store_type(ByteView file) {
  if (file.size() >= 4) {
    const uint32_t magic = (uint32_t(file[0]) << 24) | (uint32_t(file[1]) << 16) | (uint32_t(file[2]) << 8) | file[3];
    if (magic == jks::kJksMagic) return StoreType::kJks;
    if (magic == jks::kJceksMagic) return StoreType::kJceks;
  }
  // PFX ::= SEQUENCE { version INTEGER 3, ... }: a SEQUENCE (any length form)
  // whose first element is INTEGER 3.
  if (file.size() >= 5 && file[0] == 0x30) {
    size_t pos = 2;
    if (file[1] == 0x80) {
      pos = 2;
    } else if (file[1] > 0x80) {
      pos = 2 + (file[1] & 0x7f);
    }
    if (pos + 3 <= file.size() && file[pos] == 0x02 && file[pos + 1] == 0x01 && file[pos + 2] == 0x03)
      return StoreType::kPkcs12;
  }
  return std::nullopt;
}

const char* entry_type_name(EntryType type) {
  switch (type) {
    case EntryType::kPrivateKey: return "PrivateKeyEntry";
    case EntryType::kTrustedCert: return "trustedCertEntry";
    case EntryType::kSecretKey: return "SecretKeyEntry";
  }
  return "?";
}

void Keystore::index_last_entry() {
  index_[utf::java_to_lower_utf8(entries_.back().alias)].push_back(entries_.size() - 1);
}

void Keystore::rebuild_index() {
  index_.clear();
  for (size_t i = 0; i < entries_.size(); ++i) index_[utf::java_to_lower_utf8(entries_[i].alias)].push_back(i);
}

// An exact match first, then the first case-insensitive one, in entry order;
// both are among the entries with the same lower-cased alias.
std::optional<size_t> Keystore::position_of(std::string_view alias) const {
  auto same = index_.find(utf::java_to_lower_utf8(alias));
  if (same == index_.end() || same->second.empty()) return std::nullopt;
  for (size_t i : same->second)
    if (entries_[i].alias == alias) return i;
  return same->second.front();
}

const Entry* Keystore::find(std::string_view alias) const {
  const std::optional<size_t> i = position_of(alias);
  return i ? &entries_[*i] : nullptr;
}

void Keystore::put(Entry entry) {
  if (const std::optional<size_t> i = position_of(entry.alias)) {
    entries_[*i] = std::move(entry);  // same alias but for case: same index key
    return;
  }
  entries_.push_back(std::move(entry));
  index_last_entry();
}

bool Keystore::remove(std::string_view alias) {
  const std::optional<size_t> i = position_of(alias);
  if (!i) return false;
  entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(*i));
  rebuild_index();  // later indices shift
  return true;
}

Status Keystore::rename(std::string_view from, std::string_view to) {
  const std::optional<size_t> i = position_of(from);
  if (!i) return Status::NotFound("Alias <", from, "> does not exist");
  if (contains(to)) return Status::AlreadyExists("Destination alias <", to, "> already exists");
  entries_[*i].alias = std::string(to);
  rebuild_index();
  return Status::Ok();
}

}  // namespace kstore
