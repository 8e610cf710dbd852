// The certificate facts the keystore formats need: names (DER and Java text),
// serial, validity, key identifiers, fingerprints and issuer checks.
#include <openssl/err.h>
#include <openssl/x509.h>

#include <memory>

#include "crypto/crypto.h"
#include "der/reader.h"
#include "kstore/x509.h"
#include "x509/certificate.h"
#include "x509/x500_name.h"

namespace kstore::x509 {
namespace {

// SubjectKeyIdentifier ::= KeyIdentifier (OCTET STRING). RFC 5280 §4.2.1.2.
Result<Bytes> read_subject_key_id(ByteView value) {
  der::Reader r(value, der::Mode::kDer, 0, "SubjectKeyIdentifier");
  KS_ASSIGN_OR_RETURN(ByteView id, r.read_octet_string());
  KS_TRY(r.expect_end());
  return to_bytes(id);
}

// AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] IMPLICIT OCTET STRING OPTIONAL, ... }
Result<std::optional<Bytes>> read_authority_key_id(ByteView value) {
  der::Reader r(value, der::Mode::kDer, 0, "AuthorityKeyIdentifier");
  KS_ASSIGN_OR_RETURN(der::Reader aki, r.read_sequence());
  KS_TRY(r.expect_end());
  if (!aki.next_is(der::context_tag(0, false))) return std::optional<Bytes>();
  KS_ASSIGN_OR_RETURN(der::Element id, aki.read_element());
  return std::optional<Bytes>(to_bytes(id.contents));
}

std::string colon_hex(ByteView digest) {
  static const char kDigits[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(digest.size() * 3);
  for (size_t i = 0; i < digest.size(); ++i) {
    if (i) out.push_back(':');
    out.push_back(kDigits[digest[i] >> 4]);
    out.push_back(kDigits[digest[i] & 15]);
  }
  return out;
}

struct X509Free {
  void operator()(X509* x) const { X509_free(x); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;

X509Ptr openssl_cert(ByteView der_bytes) {
  const unsigned char* p = der_bytes.data();
  X509Ptr x(d2i_X509(nullptr, &p, static_cast<long>(der_bytes.size())));
  if (!x) ERR_clear_error();
  return x;
}

}  // namespace

Result<CertificateSummary> summarize(ByteView der_bytes) {
  KS_ASSIGN_OR_RETURN(Certificate cert, parse_certificate(der_bytes));
  CertificateSummary s;
  s.subject_der = to_bytes(cert.subject);
  s.issuer_der = to_bytes(cert.issuer);
  KS_ASSIGN_OR_RETURN(s.subject, name_to_java_string(cert.subject).with_context("subject"));
  KS_ASSIGN_OR_RETURN(s.issuer, name_to_java_string(cert.issuer).with_context("issuer"));
  KS_ASSIGN_OR_RETURN(s.subject_rfc2253, name_to_rfc2253(cert.subject).with_context("subject"));
  s.serial_hex = big_integer_hex(cert.serial);
  s.not_before_ms = cert.not_before_ms;
  s.not_after_ms = cert.not_after_ms;
  s.version = cert.version;
  // An identifier the JDK cannot decode is simply absent for it (the
  // extension is "unparseable"), so it is absent here too.
  for (const Extension& e : cert.extensions) {
    if (e.oid == "2.5.29.14" && !s.subject_key_id) {
      if (auto id = read_subject_key_id(e.value); id.ok()) s.subject_key_id = std::move(*id);
    } else if (e.oid == "2.5.29.35" && !s.authority_key_id) {
      if (auto id = read_authority_key_id(e.value); id.ok()) s.authority_key_id = std::move(*id);
    }
  }
  return s;
}

bool is_signed_by(ByteView cert_der, ByteView issuer_der) {
  X509Ptr cert = openssl_cert(cert_der);
  // The self-signed test passes the same bytes twice; parsing is a good part
  // of the cost, so parse them once.
  const bool same = equal_bytes(cert_der, issuer_der);
  X509Ptr other = same ? nullptr : openssl_cert(issuer_der);
  X509* issuer = same ? cert.get() : other.get();
  if (!cert || !issuer) return false;
  EVP_PKEY* key = X509_get0_pubkey(issuer);  // owned by the certificate
  if (key == nullptr) {
    ERR_clear_error();
    return false;
  }
  const int rc = X509_verify(cert.get(), key);
  if (rc != 1) ERR_clear_error();
  return rc == 1;
}

std::string sha1_fingerprint(ByteView der_bytes) {
  return colon_hex(crypto::digest(crypto::HashAlg::kSha1, der_bytes));
}

std::string sha256_fingerprint(ByteView der_bytes) {
  return colon_hex(crypto::digest(crypto::HashAlg::kSha256, der_bytes));
}

std::string big_integer_hex(ByteView v) {
  if (v.empty()) return "0";
  Bytes mag(v.begin(), v.end());
  const bool negative = mag[0] & 0x80;
  if (negative) {
    // Two's complement negation.
    for (uint8_t& b : mag) b = static_cast<uint8_t>(~b);
    for (size_t i = mag.size(); i-- > 0;) {
      if (++mag[i] != 0) break;
    }
  }
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (uint8_t b : mag) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 15]);
  }
  const size_t first = out.find_first_not_of('0');
  out = first == std::string::npos ? "0" : out.substr(first);
  return negative ? "-" + out : out;
}

}  // namespace kstore::x509
