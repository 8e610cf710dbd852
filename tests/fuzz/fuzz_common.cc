// Shared checks of the fuzz targets.
#include "fuzz_common.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "base/utf.h"
#include "crypto/crypto.h"
#include "jks/jks_format.h"
#include "kstore/x509.h"

namespace kstore::fuzz {

Limits fuzz_limits() {
  Limits limits;
  limits.max_kdf_iterations = kFuzzMaxKdfIterations;
  return limits;
}

const Password& fuzz_password() {
  static const Password password = Password::from_utf8(kFuzzPassword);
  return password;
}

void fail(std::string_view what, const Status& status) {
  std::fprintf(stderr, "FUZZ CHECK FAILED: %.*s: %s\n", static_cast<int>(what.size()), what.data(),
               status.to_string().c_str());
  std::fflush(stderr);
  std::abort();
}

void fail(std::string_view what) {
  std::fprintf(stderr, "FUZZ CHECK FAILED: %.*s\n", static_cast<int>(what.size()), what.data());
  std::fflush(stderr);
  std::abort();
}

namespace {

bool is_input_error(ErrorCode code) {
  switch (code) {
    case ErrorCode::kMalformed:
    case ErrorCode::kTruncated:
    case ErrorCode::kUnknownFormat:
    case ErrorCode::kIntegrityFailure:
    case ErrorCode::kBadPassword:
    case ErrorCode::kUnsupported:
    case ErrorCode::kLimitExceeded:
      return true;
    default:
      return false;
  }
}

}  // namespace

void check_load_error(const Status& status, std::string_view what) {
  if (status.ok()) return;
  if (!is_input_error(status.code())) fail(std::string(what) + ": error of a class no input may cause", status);
}

void check_unseal_error(const Status& status, std::string_view what) { check_load_error(status, what); }

Result<Keystore> load_checked(ByteView file, const Password* password, const LoadOptions& options,
                              std::string_view what) {
  Result<Keystore> store = load_keystore(file, password, options);
  check_load_error(store.status(), what);
  if (store.ok()) check_store_shape(*store);
  return store;
}

Bytes with_recomputed_store_digest(ByteView file) {
  Bytes fixed(file.begin(), file.end());
  const ByteView body = ByteView(fixed).first(file.size() - jks::kDigestSize);
  Result<Bytes> digest = jks::store_digest(crypto::default_backend(), fuzz_password(), body);
  if (!digest.ok()) fail("store_digest", digest.status());
  std::copy(digest->begin(), digest->end(), fixed.begin() + static_cast<ptrdiff_t>(body.size()));
  return fixed;
}

void check_store_shape(const Keystore& store) {
  for (const Entry& e : store.entries()) {
    switch (e.type) {
      case EntryType::kPrivateKey:
        if (!e.key) fail("private key entry without a key: " + e.alias);
        break;
      case EntryType::kSecretKey:
        if (!e.key) fail("secret key entry without a key: " + e.alias);
        if (!e.chain.empty()) fail("secret key entry with certificates: " + e.alias);
        break;
      case EntryType::kTrustedCert:
        if (e.key) fail("trusted certificate entry with a key: " + e.alias);
        if (e.chain.size() != 1) fail("trusted certificate entry without exactly one certificate: " + e.alias);
        break;
    }
  }
}

namespace {

bool self_issued_but_not_self_signed(ByteView der) {
  Result<x509::CertificateSummary> summary = x509::summarize(der);
  if (!summary.ok()) return false;
  const bool self_issued = summary->subject_der == summary->issuer_der ||
                           utf::java_to_lower_utf8(summary->subject) == utf::java_to_lower_utf8(summary->issuer);
  return self_issued && !x509::is_signed_by(der, der);
}

bool order_dependent_prefix(const std::vector<Certificate>& longer, const std::vector<Certificate>& shorter) {
  if (shorter.empty() || shorter.size() > longer.size()) return false;
  for (size_t i = 0; i < shorter.size(); ++i)
    if (shorter[i].encoded != longer[i].encoded) return false;
  for (const Certificate& c : longer)
    if (self_issued_but_not_self_signed(c.encoded)) return true;
  return false;
}

// The same chain but for certificates the issuer walk picked by file order:
// where the two differ, one of them is self-issued with a signature that does
// not verify (it names itself as issuer, so it competes with the real issuer).
bool order_dependent_substitution(const std::vector<Certificate>& a, const std::vector<Certificate>& b) {
  if (a.size() != b.size()) return false;
  bool differs = false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].encoded == b[i].encoded) continue;
    if (!self_issued_but_not_self_signed(a[i].encoded) && !self_issued_but_not_self_signed(b[i].encoded)) return false;
    differs = true;
  }
  return differs;
}

// With order-dependent chains, a certificate that one load put at the end of
// a key's chain is, in the other load, a certificate of its own: an entry
// the JDK does not show. Such entries are left out of the comparison.
bool dropped_chain_certificate(const Entry& e, const Keystore& other) {
  if (e.type != EntryType::kTrustedCert || e.visible_to_jdk || e.chain.size() != 1) return false;
  for (const Entry& o : other.entries()) {
    if (o.type != EntryType::kPrivateKey) continue;
    bool contains = false, order_dependent = false;
    for (const Certificate& c : o.chain) {
      contains |= c.encoded == e.chain[0].encoded;
      order_dependent |= self_issued_but_not_self_signed(c.encoded);
    }
    if (contains && order_dependent) return true;
  }
  return false;
}

// An alias without the " (n)" the PKCS#12 reader appends to make an
// invisible entry's alias unique.
std::string without_counter(const std::string& alias) {
  const size_t open = alias.rfind(" (");
  if (open == std::string::npos || alias.back() != ')') return alias;
  for (size_t i = open + 2; i + 1 < alias.size(); ++i)
    if (alias[i] < '0' || alias[i] > '9') return alias;
  return open + 3 < alias.size() ? alias.substr(0, open) : alias;
}

std::vector<const Entry*> comparable_entries(const Keystore& s, const Keystore& other, const Tolerance& tolerance) {
  std::vector<const Entry*> out;
  for (const Entry& e : s.entries()) {
    if (tolerance.order_dependent_chains && dropped_chain_certificate(e, other)) continue;
    out.push_back(&e);
  }
  return out;
}

}  // namespace

void check_same_entries(const Keystore& a, const Keystore& b, std::string_view what, Tolerance tolerance) {
  const std::string w(what);
  std::vector<const Entry*> xs = comparable_entries(a, b, tolerance);
  std::vector<const Entry*> ys = comparable_entries(b, a, tolerance);
  if (tolerance.entry_order) {
    auto by_alias = [](const Entry* p, const Entry* q) {
      return utf::java_to_lower_utf8(p->alias) < utf::java_to_lower_utf8(q->alias);
    };
    std::stable_sort(xs.begin(), xs.end(), by_alias);
    std::stable_sort(ys.begin(), ys.end(), by_alias);
  }
  if (xs.size() != ys.size())
    fail(w + ": entry count " + std::to_string(xs.size()) + " became " + std::to_string(ys.size()));
  for (size_t i = 0; i < xs.size(); ++i) {
    const Entry& x = *xs[i];
    const Entry& y = *ys[i];
    const std::string where = w + ": entry " + std::to_string(i) + " <" + x.alias + ">";
    // Only the JDK's entries are the JDK's to lower-case; the others keep theirs.
    bool same_alias = tolerance.alias_case && x.visible_to_jdk
                          ? utf::java_to_lower_utf8(x.alias) == utf::java_to_lower_utf8(y.alias)
                          : x.alias == y.alias;
    if (!same_alias && tolerance.order_dependent_chains && !x.visible_to_jdk)
      same_alias = without_counter(x.alias) == without_counter(y.alias);
    if (!same_alias) fail(where + ": alias became <" + y.alias + ">");
    if (x.type != y.type) fail(where + ": entry type changed");
    const bool tolerated =
        tolerance.order_dependent_chains &&
        (x.chain.size() != y.chain.size()
             ? order_dependent_prefix(x.chain, y.chain) || order_dependent_prefix(y.chain, x.chain)
             : order_dependent_substitution(x.chain, y.chain));
    if (!tolerated) {
      if (x.chain.size() != y.chain.size()) fail(where + ": chain length changed");
      for (size_t c = 0; c < x.chain.size(); ++c) {
        if (x.chain[c].encoded != y.chain[c].encoded) fail(where + ": certificate " + std::to_string(c) + " changed");
      }
    }
    if (x.key.has_value() != y.key.has_value()) fail(where + ": key presence changed");
    if (x.key && (x.key->protection != y.key->protection || x.key->encoded != y.key->encoded))
      fail(where + ": sealed key changed");
  }
}

bool within(ByteView outer, ByteView inner) {
  if (inner.empty()) return true;
  // As integers: comparing pointers into different objects is unspecified.
  const auto lo = reinterpret_cast<uintptr_t>(outer.data());
  const auto hi = lo + outer.size();
  const auto p = reinterpret_cast<uintptr_t>(inner.data());
  return p >= lo && p <= hi && inner.size() <= hi - p;
}

}  // namespace kstore::fuzz
