// Chain building as PKCS12KeyStore.engineLoad does it (docs/formats.md,
// "PKCS#12: chain building"): AKI/SKI preference in findIssuer, loop detection by
// certificate equality, self-signed test by signature verification.
#include "pkcs12/chain_builder.h"

#include "base/utf.h"

namespace kstore::pkcs12 {
namespace {

// X500Principal.equals compares canonical (case-folded, re-encoded) names.
// Equal DER, or equal case-folded X500Principal text, approximates it.
bool names_match(ByteView a_der, const std::string& a_text, ByteView b_der, const std::string& b_text) {
  if (equal_bytes(a_der, b_der)) return true;
  return !a_text.empty() && utf::java_to_lower_utf8(a_text) == utf::java_to_lower_utf8(b_text);
}

bool issued_by_name(const x509::CertificateSummary& child, const x509::CertificateSummary& candidate) {
  return names_match(child.issuer_der, child.issuer, candidate.subject_der, candidate.subject);
}

}  // namespace

ChainBuilder::ChainBuilder(const std::vector<const LoadedCert*>& all) : all_(all) {
  for (size_t i = 0; i < all_.size(); ++i)
    if (all_[i]->summary) by_subject_[utf::java_to_lower_utf8(all_[i]->summary->subject)].push_back(i);
}

bool ChainBuilder::is_self_signed(const LoadedCert& cert) const {
  if (!cert.self_signed) {
    cert.self_signed = cert.summary && issued_by_name(*cert.summary, *cert.summary) &&
                       x509::is_signed_by(cert.der, cert.der);
  }
  return *cert.self_signed;
}

const LoadedCert* ChainBuilder::find_issuer(const LoadedCert& child) const {
  if (!child.summary) return nullptr;
  const std::optional<Bytes>& issuer_id = child.summary->authority_key_id;
  auto bucket = by_subject_.find(utf::java_to_lower_utf8(child.summary->issuer));
  if (bucket == by_subject_.end()) return nullptr;
  const LoadedCert* fallback = nullptr;
  for (size_t i : bucket->second) {
    const LoadedCert* candidate = all_[i];
    if (!issued_by_name(*child.summary, *candidate->summary)) continue;
    if (!issuer_id) return candidate;  // without an AKI the first name match wins
    const std::optional<Bytes>& subject_id = candidate->summary->subject_key_id;
    if (!subject_id) {
      fallback = candidate;  // a name match without SKI is a fallback
      continue;
    }
    if (equal_bytes(*issuer_id, *subject_id)) return candidate;
    // a different SKI is not even a fallback
  }
  return fallback;
}

std::vector<const LoadedCert*> ChainBuilder::build(const LoadedCert* leaf, size_t max_length) const {
  std::vector<const LoadedCert*> chain;
  auto seen = [&](const LoadedCert* c) {
    for (const LoadedCert* s : chain)
      if (equal_bytes(s->der, c->der)) return true;
    return false;
  };
  for (const LoadedCert* cert = leaf; cert != nullptr && chain.size() < max_length;) {
    if (seen(cert)) return chain;  // a loop: stop before repeating
    chain.push_back(cert);
    // The self-signed test only decides anything when the walk could go on
    // to a new certificate. Its signature check is the costly part of loading
    // (OpenSSL decodes the public key anew: ~0.3 ms), and a self-issued
    // certificate almost always finds only itself as issuer, so ask first.
    const LoadedCert* next = find_issuer(*cert);
    if (next == nullptr || chain.size() >= max_length || seen(next)) break;
    if (is_self_signed(*cert)) break;
    cert = next;
  }
  return chain;
}

}  // namespace kstore::pkcs12
