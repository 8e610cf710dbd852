// Keystore model: alias lookup with the JDK's case rule, put/remove/rename.
#include "kstore/keystore.h"

#include <algorithm>

#include "base/utf.h"

namespace kstore {

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
