// Certificates: the facts the formats need (names, key identifiers, issuer
// checks, fingerprints) and PEM. keytool's text for a certificate is in
// kstore/keytool/certificate_text.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kstore/bytes.h"
#include "kstore/status.h"

namespace kstore::x509 {

struct CertificateSummary {
  Bytes subject_der;                 // DER of the subject Name, for exact comparisons
  Bytes issuer_der;
  std::string subject;               // as Java's X500Principal.toString(): "CN=a, OU=b, O=c"
  std::string issuer;
  std::string subject_rfc2253;       // X500Principal.getName() (RFC 2253), as the JDK writes friendlyName of CA certs
  std::string serial_hex;            // BigInteger.toString(16)
  int64_t not_before_ms = 0;
  int64_t not_after_ms = 0;
  std::optional<Bytes> subject_key_id;    // keyIdentifier of SubjectKeyIdentifier
  std::optional<Bytes> authority_key_id;  // keyIdentifier of AuthorityKeyIdentifier
  int version = 3;
};

Result<CertificateSummary> summarize(ByteView der);

// True when `issuer_der`'s public key verifies `cert_der`'s signature.
bool is_signed_by(ByteView cert_der, ByteView issuer_der);

// "AB:CD:…" upper-case hex with colons, as keytool prints fingerprints.
std::string sha1_fingerprint(ByteView der);
std::string sha256_fingerprint(ByteView der);

enum class PemLineEndings {
  kJdk17,  // BEGIN/END and the last base64 line end in LF, inner base64 lines in CRLF
  kJdk25,  // every line ends in CRLF
  kUnix,   // every line ends in LF
};
// "-----BEGIN CERTIFICATE-----" armour with 64-character base64 lines.
std::string to_pem(ByteView der, PemLineEndings endings = PemLineEndings::kJdk17);

// Every CERTIFICATE block in PEM text, or the input itself if it is one DER certificate.
Result<std::vector<Bytes>> parse_certificates(ByteView pem_or_der);

// Certificates read as the JDK's CertificateFactory("X.509") reads a file
// (docs/formats.md, "Certificate files"): block by block, each a BER element
// or base64 between a "-----BEGIN …-----" line and its "-----END …-----"
// line, with any text before a header skipped.
// generateCertificates: none for an empty input; the certificates of a
// PKCS #7 signedData when the first block is one; else every block, each
// of which must be a certificate.
Result<std::vector<Bytes>> read_certificates_as_jdk(ByteView input);
// generateCertificate: the first block, which must be a certificate.
Result<Bytes> read_certificate_as_jdk(ByteView input);

}  // namespace kstore::x509
