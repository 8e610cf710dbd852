// Certificate chains for PKCS#12 private keys, built the way the JDK builds
// them on load: from the matched end-entity certificate, walk issuers through
// every certificate in the file. PKCS12KeyStore.engineLoad / findIssuer
// (docs/formats.md, "PKCS#12: chain building").
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "kstore/x509.h"

namespace kstore::pkcs12 {

struct LoadedCert {
  Bytes der;
  std::optional<x509::CertificateSummary> summary;  // absent when the certificate did not parse
  mutable std::optional<bool> self_signed;          // computed on first use (a signature check)
};

class ChainBuilder {
 public:
  // `all` in file order; the JDK's allCerts includes trusted certificates.
  explicit ChainBuilder(const std::vector<const LoadedCert*>& all);

  // Leaf first. Stops at a self-signed certificate (verified by signature, as
  // KeyStoreUtil.isSelfSigned does), at a missing issuer, or at a repeat.
  std::vector<const LoadedCert*> build(const LoadedCert* leaf, size_t max_length) const;

 private:
  const LoadedCert* find_issuer(const LoadedCert& child) const;
  bool is_self_signed(const LoadedCert& cert) const;

  std::vector<const LoadedCert*> all_;
  // all_ indices in order, by lower-cased subject text: every certificate
  // whose subject can match an issuer name is in that name's bucket (equal
  // DER gives equal text), so finding issuers stays linear in the store.
  std::unordered_map<std::string, std::vector<size_t>> by_subject_;
};

}  // namespace kstore::pkcs12
