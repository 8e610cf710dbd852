// Certificates: the facts the formats need (names, key identifiers, issuer
// checks) and the text keytool prints for them.
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

// The lines keytool prints for one certificate in -list -v and -printcert:
// "Owner: …" through "Version: N", then the extensions block if there are
// any, exactly as JDK 17 keytool renders them. Every line ends in "\n".
// Dates use the process's local time zone (TZ), as Java's Date.toString().
Result<std::string> keytool_describe(ByteView der);

struct DescribeOptions {
  // The certificate is a trust anchor where it is printed (keytool's
  // isTrustedCert: a trustedCertEntry of the keystore being listed, or a
  // cacerts entry with -trustcacerts). keytool then prints its signature
  // algorithm without the "(weak)"/"(disabled)" marker; key markers stay.
  bool trusted = false;
};
Result<std::string> keytool_describe(ByteView der, const DescribeOptions& options);

// Just the "Signature algorithm name:" and "Subject Public Key Algorithm:"
// values of keytool_describe (not trusted), with their "(weak)"/"(disabled)"
// markers: what keytool's weak-algorithm warnings need, without rendering
// names, dates and extensions for every certificate of a listing.
struct KeytoolAlgorithmTexts {
  std::string signature;   // "SHA256withRSA", "SHA1withRSA (weak)"
  std::string public_key;  // "2048-bit RSA key", "1024-bit RSA key (weak)"
};
Result<KeytoolAlgorithmTexts> keytool_algorithm_texts(ByteView der);

enum class PemLineEndings {
  kJdk17,  // BEGIN/END and the last base64 line end in LF, inner base64 lines in CRLF
  kJdk25,  // every line ends in CRLF
  kUnix,   // every line ends in LF
};
// "-----BEGIN CERTIFICATE-----" armour with 64-character base64 lines.
std::string to_pem(ByteView der, PemLineEndings endings = PemLineEndings::kJdk17);

// Every CERTIFICATE block in PEM text, or the input itself if it is one DER certificate.
Result<std::vector<Bytes>> parse_certificates(ByteView pem_or_der);

}  // namespace kstore::x509
