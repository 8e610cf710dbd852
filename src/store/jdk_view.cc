// The JDK's view of a loaded store (kstore/jdk_view.h): PKCS12KeyStore,
// JavaKeyStore, JceKeyStore and the KeyStoreSpi defaults, as
// docs/formats.md, "What the JDK sees" describes them.
#include "kstore/jdk_view.h"

#include <functional>
#include <string_view>

#include "kstore/java_string.h"

namespace kstore {

std::string JdkView::alias(const Entry& e) const {
  if (store_.type() == StoreType::kPkcs12) return java_lower_case(e.alias);
  return e.alias;
}

const Entry* JdkView::find(std::string_view alias) const {
  if (type_ == KeystoreType::kCaseExactJks) {
    for (const Entry& e : store_.entries())
      if (e.alias == alias) return e.visible_to_jdk ? &e : nullptr;
    return nullptr;
  }
  const Entry* e = store_.find(alias);
  return e != nullptr && e->visible_to_jdk ? e : nullptr;
}

EntryType JdkView::entry_type(const Entry& e) const {
  if (store_.type() != StoreType::kPkcs12 && e.type == EntryType::kPrivateKey && e.chain.empty())
    return EntryType::kSecretKey;
  return e.type;
}

std::vector<const Entry*> JdkView::entries() const {
  std::vector<const Entry*> visible;
  for (const Entry& e : store_.entries())
    if (e.visible_to_jdk) visible.push_back(&e);
  if (store_.type() == StoreType::kPkcs12) return visible;
  // JavaKeyStore and JceKeyStore key their tables by the alias as read
  // (docs/formats.md, "JKS/JCEKS: Hashtable enumeration order").
  std::vector<std::string> keys;
  keys.reserve(visible.size());
  for (const Entry* e : visible) keys.push_back(e->alias);
  std::vector<const Entry*> ordered;
  ordered.reserve(visible.size());
  for (size_t i : java_hashtable_order(keys)) ordered.push_back(visible[i]);
  return ordered;
}

const Entry* JdkView::certificate_owner(ByteView der) const {
  for (const Entry* e : entries()) {
    if (e->chain.empty() || e->type == EntryType::kSecretKey) continue;
    if (equal_bytes(e->chain[0].encoded, der)) return e;
  }
  return nullptr;
}

bool JdkView::passwordless() const {
  if (type_ != KeystoreType::kPkcs12) return false;
  const std::optional<Pkcs12Protection>& p = store_.pkcs12_protection();
  return p && !p->mac && !p->cert_encryption;
}

namespace {

// A certificate ends in its signature, as good as random: its last bytes
// and its length make a hash as good as one of all its bytes, and keyed by
// that number the index touches no certificate but the ones compared.
size_t tail_hash(ByteView der) {
  constexpr size_t kTail = 32;
  const ByteView tail = der.size() > kTail ? der.last(kTail) : der;
  return std::hash<std::string_view>{}({reinterpret_cast<const char*>(tail.data()), tail.size()}) ^
         (der.size() * 0x9E3779B97F4A7C15ull);
}

}  // namespace

JdkCertificateOwners::JdkCertificateOwners(const JdkView& view) {
  const std::vector<const Entry*> entries = view.entries();
  owners_.reserve(entries.size());
  for (const Entry* e : entries) {
    if (e->chain.empty() || e->type == EntryType::kSecretKey) continue;
    const ByteView der = e->chain[0].encoded;
    if (owner(der) == nullptr) owners_.emplace(tail_hash(der), e);  // the first owner stays
  }
}

const Entry* JdkCertificateOwners::owner(ByteView der) const {
  auto [first, last] = owners_.equal_range(tail_hash(der));
  for (auto it = first; it != last; ++it) {
    const ByteView held = it->second->chain[0].encoded;
    // Most often the certificate asked about is the very bytes indexed.
    if ((held.data() == der.data() && held.size() == der.size()) || equal_bytes(held, der)) return it->second;
  }
  return nullptr;
}

std::string stored_alias(KeystoreType type, std::string_view alias) {
  return type == KeystoreType::kCaseExactJks ? std::string(alias) : java_lower_case(alias);
}

bool key_password_may_differ(KeystoreType type) { return type != KeystoreType::kPkcs12; }

const Password& password_for_imported_key(KeystoreType dest_type, const Password* dest_key_password,
                                          const Password* dest_store_password, const Password& opened_with) {
  if (dest_key_password != nullptr) return *dest_key_password;
  if (!key_password_may_differ(dest_type) && dest_store_password != nullptr) return *dest_store_password;
  return opened_with;
}

bool holds_secret_key(const Entry& e) {
  return e.key && (e.key->protection == KeyProtection::kJceSealedObject ||
                   (e.key->protection == KeyProtection::kPkcs12Shrouded && e.type == EntryType::kSecretKey));
}

}  // namespace kstore
