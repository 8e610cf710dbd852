// Entries from SafeBags, following PKCS12KeyStore.loadSafeContents and the
// key/chain matching at the end of engineLoad (JDK 25 source; docs/formats.md,
// "PKCS#12: how the JDK loads bags into entries" and the sections after it).
// What the JDK would not show is kept, marked invisible.
#include "pkcs12/entry_builder.h"

#include <algorithm>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "base/utf.h"
#include "pkcs12/bag_details.h"
#include "pkcs12/chain_builder.h"
#include "pkcs12/oids.h"

namespace kstore::pkcs12 {
namespace {

constexpr char kReasonPlainKey[] =
    "unencrypted keyBag (1.2.840.113549.1.12.10.1.1): the JDK ignores this bag type";
constexpr char kReasonDroppedKey[] =
    "private key bag without localKeyId after the first key bag: the JDK drops it";
constexpr char kReasonReplaced[] =
    "a later entry has the same alias (ignoring case): the JDK keeps only the later one";
constexpr char kReasonLooseCert[] =
    "certificate without the JDK trusted-usage attribute (2.16.840.1.113894.746875.1.1) that is in no key's "
    "chain: the JDK does not list it";

// The keyIds the JDK substitutes when a bag has no localKeyId
// (docs/formats.md, "PKCS#12: how the JDK loads bags into entries", step 2).
const Bytes kFirstKeyId = {'0', '1'};
const Bytes kSecretKeyId = {'0', '0'};

// A private key awaiting its chain.
struct PendingKey {
  size_t pool;
  std::optional<Bytes> key_id;       // the JDK's keyId (file value or substitute)
  std::optional<std::string> alias;  // the alias the JDK matches cert friendlyNames against
  // Whether a certificate may be found by alias alone. The JDK does that for
  // the keys it loads. Keys it ignores (plain keyBags, keys it drops) get
  // their chain by localKeyId only: kstore's own rule, because an alias
  // match is not stable across a rewrite. kstore names CA certificates by
  // their subject, as the JDK does, and a key named like one would pick it
  // up as its chain on the next load (docs/formats.md, "PKCS#12: entries
  // the JDK does not see").
  bool match_alias_alone = true;
};

// A certificate bag without the trust attribute: the JDK's certEntries.
struct LooseCert {
  const LoadedCert* cert;
  std::optional<Bytes> key_id;
  std::optional<std::string> friendly_name;
  const SafeBag* bag;
  size_t ordinal;
};

class Builder {
 public:
  explicit Builder(const Limits& limits) : limits_(limits) {}

  void add(const SafeBag& bag, size_t ordinal) {
    switch (bag.type) {
      case BagType::kShroudedKey:
        ++private_key_count_;  // counted before attributes are looked at, as the JDK does
        add_key(bag, EntryType::kPrivateKey, ordinal);
        break;
      case BagType::kSecret:
        add_key(bag, EntryType::kSecretKey, ordinal);
        break;
      case BagType::kCert:
        add_cert(bag, ordinal);
        break;
      case BagType::kKey:
        add_plain_key(bag, ordinal);
        break;
      case BagType::kCrl: ++crl_bags_; break;
      case BagType::kSafeContents: ++nested_bags_; break;
      case BagType::kOther: other_bag_types_.insert(der::oid_to_string(bag.bag_id)); break;
    }
  }

  Result<BuiltEntries> finish() {
    pair_keys_with_chains();
    add_loose_certs();
    name_invisible_entries();
    BuiltEntries out;
    for (size_t i : visible_) out.entries.push_back(std::move(pool_[i]));
    std::stable_sort(invisible_.begin(), invisible_.end(),
                     [&](size_t a, size_t b) { return ordinal_[a] < ordinal_[b]; });
    for (size_t i : invisible_) out.entries.push_back(std::move(pool_[i]));
    if (out.entries.size() > limits_.max_entries)
      return Status::LimitExceeded(out.entries.size(), " entries exceed the limit of ", limits_.max_entries);
    out.notes = std::move(notes_);
    if (crl_bags_) out.notes.push_back(std::to_string(crl_bags_) + " crlBag(s) not loaded (the JDK ignores them too)");
    if (nested_bags_)
      out.notes.push_back(std::to_string(nested_bags_) + " nested safeContentsBag(s) not opened (the JDK ignores them too)");
    for (const std::string& oid : other_bag_types_)
      out.notes.push_back("bags of unknown type " + oid + " ignored (the JDK ignores them too)");
    return out;
  }

 private:
  std::string unfriendly_name() { return std::to_string(++counter_); }

  size_t new_entry(Entry e, size_t ordinal, bool named) {
    pool_.push_back(std::move(e));
    ordinal_.push_back(ordinal);
    named_.push_back(named);
    return pool_.size() - 1;
  }

  void hide(size_t i, const char* reason) {
    pool_[i].visible_to_jdk = false;
    pool_[i].jdk_invisible_reason = reason;
    invisible_.push_back(i);
  }

  // entries.put(alias.toLowerCase(Locale.ENGLISH), entry): a later entry with
  // the same key replaces the earlier one at the earlier one's position.
  void put_visible(size_t i) {
    const std::string key = utf::java_to_lower_utf8(pool_[i].alias);
    auto [it, inserted] = slot_by_alias_.emplace(key, visible_.size());
    if (inserted) {
      visible_.push_back(i);
      return;
    }
    hide(visible_[it->second], kReasonReplaced);
    visible_[it->second] = i;
  }

  // The entry with the bag's attributes kept for writing back.
  static Entry entry_from(const SafeBag& bag, EntryType type) {
    Entry e;
    e.type = type;
    detail::Pkcs12BagDetails details;
    details.local_key_id = bag.attributes.local_key_id.value_or(Bytes());
    if (type == EntryType::kTrustedCert && bag.attributes.trusted_key_usages)
      details.trusted_key_usages = *bag.attributes.trusted_key_usages;
    details.other_attributes = bag.attributes.others;
    e.format_details = detail::FormatDetailsAccess::from_pkcs12(std::move(details));
    return e;
  }

  void add_key(const SafeBag& bag, EntryType type, size_t ordinal) {
    Entry e = entry_from(bag, type);
    e.key = SealedKey{KeyProtection::kPkcs12Shrouded, bag.value};
    std::optional<Bytes> key_id = bag.attributes.local_key_id;
    if (!key_id) {
      if (type == EntryType::kSecretKey) {
        key_id = kSecretKeyId;
      } else if (private_key_count_ == 1) {
        key_id = kFirstKeyId;
      } else {
        // The JDK skips the bag (`continue`) before naming it.
        const bool named = bag.attributes.friendly_name.has_value();
        e.alias = bag.attributes.friendly_name.value_or("");
        const size_t i = new_entry(std::move(e), ordinal, named);
        hide(i, kReasonDroppedKey);
        pending_.push_back(PendingKey{i, std::nullopt, bag.attributes.friendly_name, false});
        return;
      }
    }
    e.creation_time_ms = creation_time_from_key_id(*key_id);
    const bool named = bag.attributes.friendly_name.has_value();
    e.alias = named ? *bag.attributes.friendly_name : unfriendly_name();
    const std::string alias = e.alias;
    const size_t i = new_entry(std::move(e), ordinal, named);
    put_visible(i);
    if (type == EntryType::kPrivateKey) pending_.push_back(PendingKey{i, key_id, alias});
  }

  void add_plain_key(const SafeBag& bag, size_t ordinal) {
    Entry e = entry_from(bag, EntryType::kPrivateKey);
    e.key = SealedKey{KeyProtection::kPkcs12Plain, bag.value};
    e.creation_time_ms = bag.attributes.local_key_id ? creation_time_from_key_id(*bag.attributes.local_key_id)
                                                    : std::nullopt;
    const bool named = bag.attributes.friendly_name.has_value();
    e.alias = bag.attributes.friendly_name.value_or("");
    const size_t i = new_entry(std::move(e), ordinal, named);
    hide(i, kReasonPlainKey);
    pending_.push_back(PendingKey{i, bag.attributes.local_key_id, bag.attributes.friendly_name, false});
  }

  void add_cert(const SafeBag& bag, size_t ordinal) {
    LoadedCert& cert = certs_.emplace_back();
    cert.der = bag.value;
    Result<x509::CertificateSummary> summary = x509::summarize(cert.der);
    if (summary.ok()) {
      cert.summary = std::move(summary).value();
    } else {
      notes_.push_back("certificate bag " + std::to_string(ordinal) +
                       " could not be parsed and is not used for chains: " + summary.status().message());
    }
    if (!equal_bytes(bag.cert_type, oid::kX509Certificate))
      notes_.push_back("certificate bag " + std::to_string(ordinal) + " has certId " +
                       der::oid_to_string(bag.cert_type) + ", read as X.509 as the JDK does");
    all_certs_.push_back(&cert);

    std::optional<Bytes> key_id = bag.attributes.local_key_id;
    // The JDK's workaround for one key whose certificates lack localKeyId:
    // the first bag of a SafeContents gets "01" if exactly one key was seen so far.
    if (!key_id && private_key_count_ == 1 && bag.index == 0) key_id = kFirstKeyId;

    if (!bag.attributes.trusted_key_usages) {
      loose_.push_back(LooseCert{&cert, key_id, bag.attributes.friendly_name, &bag, ordinal});
      return;
    }
    Entry e = entry_from(bag, EntryType::kTrustedCert);
    e.chain.push_back(Certificate{"X.509", cert.der});
    const bool named = bag.attributes.friendly_name.has_value();
    e.alias = named ? *bag.attributes.friendly_name : unfriendly_name();
    put_visible(new_entry(std::move(e), ordinal, named));
  }

  // PKCS12KeyStore.findMatchedCertificate: a localKeyId and alias match wins
  // at once; else the last localKeyId match; else the last alias match. The
  // JDK scans every certificate for every key; the indices below give the
  // same answer without the quadratic cost (1000 keys: a million compares).
  const LoadedCert* find_matched(const PendingKey& key) const {
    if (key.key_id) {
      if (auto same_id = loose_by_key_id_.find(*key.key_id); same_id != loose_by_key_id_.end()) {
        const std::optional<std::string> lower_alias =
            key.alias ? std::optional(utf::java_to_lower_utf8(*key.alias)) : std::nullopt;
        for (size_t i : same_id->second) {
          const LooseCert& ce = loose_[i];
          if (lower_alias && ce.friendly_name && utf::java_to_lower_utf8(*ce.friendly_name) == *lower_alias)
            return ce.cert;
        }
        return loose_[same_id->second.back()].cert;
      }
    }
    if (!key.alias || !key.match_alias_alone) return nullptr;
    auto same_name = loose_by_name_.find(utf::java_to_lower_utf8(*key.alias));
    return same_name == loose_by_name_.end() ? nullptr : loose_[same_name->second.back()].cert;
  }

  void index_loose_certs() {
    for (size_t i = 0; i < loose_.size(); ++i) {
      if (loose_[i].key_id) loose_by_key_id_[*loose_[i].key_id].push_back(i);
      if (loose_[i].friendly_name) loose_by_name_[utf::java_to_lower_utf8(*loose_[i].friendly_name)].push_back(i);
    }
  }

  void pair_keys_with_chains() {
    index_loose_certs();
    const ChainBuilder chains(all_certs_);
    for (const PendingKey& key : pending_) {
      const LoadedCert* leaf = find_matched(key);
      if (!leaf) continue;
      for (const LoadedCert* c : chains.build(leaf, limits_.max_chain_length)) {
        pool_[key.pool].chain.push_back(Certificate{"X.509", c->der});
        used_.insert(c->der);
      }
    }
  }

  // Certificates the JDK neither lists nor uses in a chain become invisible
  // trusted-certificate entries, once per distinct certificate.
  void add_loose_certs() {
    for (size_t i : visible_)
      if (pool_[i].type == EntryType::kTrustedCert) used_.insert(pool_[i].chain[0].encoded);
    for (const LooseCert& ce : loose_) {
      if (!used_.insert(ce.cert->der).second) continue;
      Entry e = entry_from(*ce.bag, EntryType::kTrustedCert);
      e.chain.push_back(Certificate{"X.509", ce.cert->der});
      e.alias = ce.friendly_name.value_or("");
      const size_t i = new_entry(std::move(e), ce.ordinal, ce.friendly_name.has_value());
      hide(i, kReasonLooseCert);
    }
  }

  // Invisible entries still need aliases that are unique ignoring case: their
  // friendlyName when it is free, else the JDK's numbering continued, else a suffix.
  void name_invisible_entries() {
    std::set<std::string> taken;
    for (size_t i : visible_) taken.insert(utf::java_to_lower_utf8(pool_[i].alias));
    for (size_t i : invisible_) {
      std::string base = named_[i] ? pool_[i].alias : "";
      if (base.empty()) {
        do base = unfriendly_name();
        while (taken.count(base));
      }
      std::string alias = base;
      for (int n = 2; taken.count(utf::java_to_lower_utf8(alias)); ++n) alias = base + " (" + std::to_string(n) + ")";
      taken.insert(utf::java_to_lower_utf8(alias));
      pool_[i].alias = std::move(alias);
    }
  }

  // loose_ indices in file order, by localKeyId and by lower-cased friendlyName.
  std::map<Bytes, std::vector<size_t>> loose_by_key_id_;
  std::unordered_map<std::string, std::vector<size_t>> loose_by_name_;
  const Limits& limits_;
  std::deque<LoadedCert> certs_;  // stable addresses
  std::vector<const LoadedCert*> all_certs_;
  std::vector<Entry> pool_;
  std::vector<size_t> ordinal_;
  std::vector<bool> named_;
  std::vector<size_t> visible_;
  std::map<std::string, size_t> slot_by_alias_;
  std::vector<size_t> invisible_;
  std::vector<PendingKey> pending_;
  std::vector<LooseCert> loose_;
  std::set<Bytes> used_;
  std::vector<std::string> notes_;
  std::set<std::string> other_bag_types_;
  int counter_ = 0;
  int private_key_count_ = 0;
  size_t crl_bags_ = 0;
  size_t nested_bags_ = 0;
};

}  // namespace

std::optional<int64_t> creation_time_from_key_id(ByteView key_id) {
  constexpr std::string_view kPrefix = "Time ";
  const std::string_view s = as_chars(key_id);
  if (s.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  std::string_view digits = s.substr(kPrefix.size());
  bool negative = false;
  if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) {
    negative = digits[0] == '-';
    digits.remove_prefix(1);
  }
  if (digits.empty() || digits.size() > 19) return std::nullopt;
  uint64_t value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  // Long.parseLong range: [-2^63, 2^63 - 1].
  if (value > static_cast<uint64_t>(INT64_MAX) + (negative ? 1 : 0)) return std::nullopt;
  return negative ? static_cast<int64_t>(0 - value) : static_cast<int64_t>(value);
}

Result<BuiltEntries> build_entries(const std::vector<SafeBag>& bags, const Limits& limits) {
  if (bags.size() > limits.max_entries)
    return Status::LimitExceeded(bags.size(), " SafeBags exceed the entry limit of ", limits.max_entries);
  Builder builder(limits);
  for (size_t i = 0; i < bags.size(); ++i) builder.add(bags[i], i);
  return builder.finish();
}

}  // namespace kstore::pkcs12
