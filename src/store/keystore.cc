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
const Entry* Keystore::find(std::string_view alias) const {
  auto same = index_.find(utf::java_to_lower_utf8(alias));
  if (same == index_.end() || same->second.empty()) return nullptr;
  for (size_t i : same->second)
    if (entries_[i].alias == alias) return &entries_[i];
  return &entries_[same->second.front()];
}

Entry* Keystore::find(std::string_view alias) {
  return const_cast<Entry*>(static_cast<const Keystore*>(this)->find(alias));
}

void Keystore::put(Entry entry) {
  if (Entry* existing = find(entry.alias)) {
    *existing = std::move(entry);  // same alias but for case: same index key
    return;
  }
  entries_.push_back(std::move(entry));
  index_last_entry();
}

bool Keystore::remove(std::string_view alias) {
  const Entry* e = find(alias);
  if (!e) return false;
  entries_.erase(entries_.begin() + (e - entries_.data()));
  rebuild_index();  // later indices shift
  return true;
}

Status Keystore::rename(std::string_view from, std::string_view to) {
  Entry* e = find(from);
  if (!e) return Status::NotFound("Alias <", from, "> does not exist");
  if (const Entry* other = find(to); other != nullptr) return Status::AlreadyExists("Destination alias <", to, "> already exists");
  e->alias = std::string(to);
  rebuild_index();
  return Status::Ok();
}

}  // namespace kstore
