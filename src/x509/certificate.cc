// X.509 Certificate reader. RFC 5280 §4.1; the leniencies follow
// sun.security.x509.X509CertImpl / X509CertInfo so that every certificate
// the JDK accepts is accepted here too.
#include "x509/certificate.h"

#include "der/reader.h"
#include "der/writer.h"

namespace kstore::x509 {
namespace {

Result<bool> read_lenient_boolean(der::Reader& r) {
  KS_ASSIGN_OR_RETURN(der::Element e, r.read_element(der::kBoolean));
  if (e.contents.size() != 1) return r.malformed("BOOLEAN of length ", e.contents.size());
  return e.contents[0] != 0;  // DerValue.getBoolean: any non-zero octet is true
}

Status read_extensions(der::Reader& exts_explicit, std::vector<Extension>& out) {
  KS_ASSIGN_OR_RETURN(der::Reader exts, exts_explicit.read_sequence());
  KS_TRY(exts_explicit.expect_end());
  while (!exts.empty()) {
    KS_ASSIGN_OR_RETURN(der::Reader ext, exts.read_sequence());
    ext.named("Extension");
    KS_ASSIGN_OR_RETURN(ByteView oid, ext.read_oid());
    Extension e;
    e.oid = der::oid_to_string(oid);
    if (ext.next_is(der::kBoolean)) {
      KS_ASSIGN_OR_RETURN(e.critical, read_lenient_boolean(ext));
    }
    KS_ASSIGN_OR_RETURN(e.value, ext.read_octet_string());
    KS_TRY(ext.expect_end());
    out.push_back(std::move(e));
  }
  return Status::Ok();
}

Result<int64_t> read_time(der::Reader& r) {
  KS_ASSIGN_OR_RETURN(der::Element e, r.read_element());
  return parse_time(e.tag, e.contents);
}

// Re-encodes every constructed element with minimal definite lengths; the
// contents of primitive elements are copied as they are.
Status append_minimal(der::Reader& in, Bytes& out, int depth) {
  if (depth > der::kMaxDepth) return Status::LimitExceeded("Certificate: ASN.1 nesting deeper than ", der::kMaxDepth);
  while (!in.empty()) {
    KS_ASSIGN_OR_RETURN(der::Element e, in.read_element());
    if (e.indefinite) return in.malformed("indefinite length");
    Bytes contents;
    if (e.tag & der::kConstructed) {
      der::Reader children(e.contents, der::Mode::kBer, depth + 1, "Certificate");
      KS_TRY(append_minimal(children, contents, depth + 1));
    } else {
      contents.assign(e.contents.begin(), e.contents.end());
    }
    out.push_back(e.tag);
    der::append_length(out, contents.size());
    out.insert(out.end(), contents.begin(), contents.end());
  }
  return Status::Ok();
}

Result<Certificate> parse_strict(ByteView der_bytes);

}  // namespace

Result<Certificate> parse_certificate(ByteView der_bytes) {
  auto strict = parse_strict(der_bytes);
  if (strict.ok()) return strict;
  // X509Factory reads BER lengths too. Parse a minimal re-encoding, but
  // hash what the JDK hashes: the original contents under a minimal header.
  der::Reader top(der_bytes, der::Mode::kBer, 0, "Certificate");
  auto outer = top.read_element(der::kSequence);
  if (!outer.ok() || outer->indefinite || !top.empty()) return strict;
  auto normalized = std::make_shared<Bytes>();
  der::Reader body(outer->contents, der::Mode::kBer, 1, "Certificate");
  Bytes contents;
  if (!append_minimal(body, contents, 1).ok()) return strict;
  normalized->push_back(der::kSequence);
  der::append_length(*normalized, contents.size());
  const size_t normalized_header = normalized->size();
  normalized->insert(normalized->end(), contents.begin(), contents.end());
  normalized->push_back(der::kSequence);  // then the bytes the JDK hashes
  der::append_length(*normalized, outer->contents.size());
  normalized->insert(normalized->end(), outer->contents.begin(), outer->contents.end());
  const ByteView all(*normalized);
  const ByteView reencoded = all.first(normalized_header + contents.size());
  auto c = parse_strict(reencoded);
  if (!c.ok()) return strict;
  c->encoding = all.subspan(reencoded.size());
  c->owned = std::move(normalized);
  return c;
}

namespace {

Result<Certificate> parse_strict(ByteView der_bytes) {
  Certificate c;
  der::Reader top(der_bytes, der::Mode::kDer, 0, "Certificate");
  KS_ASSIGN_OR_RETURN(der::Element cert_el, top.read_element(der::kSequence));
  KS_TRY(top.expect_end());
  c.encoding = cert_el.encoding;
  der::Reader cert(cert_el.contents, der::Mode::kDer, 1, "Certificate");
  KS_ASSIGN_OR_RETURN(der::Element tbs_el, cert.read_element(der::kSequence));
  c.tbs = tbs_el.encoding;
  KS_ASSIGN_OR_RETURN(der::Element sig_alg, cert.read_element(der::kSequence));
  c.signature_alg = sig_alg.encoding;
  KS_ASSIGN_OR_RETURN(der::Element sig, cert.read_element(der::kBitString));
  if (sig.contents.empty()) return cert.malformed("empty signature BIT STRING");
  c.signature = sig.contents;
  KS_TRY(cert.expect_end());

  der::Reader tbs(tbs_el.contents, der::Mode::kDer, 2, "TBSCertificate");
  if (tbs.next_is(der::context_tag(0, true))) {
    KS_ASSIGN_OR_RETURN(der::Reader v, tbs.read_explicit(0));
    KS_ASSIGN_OR_RETURN(der::Element vi, v.read_element(der::kInteger));
    KS_TRY(v.expect_end());
    if (vi.contents.size() != 1 || vi.contents[0] > 2) return tbs.malformed("unsupported version");
    c.version = vi.contents[0] + 1;
  }
  KS_ASSIGN_OR_RETURN(der::Element serial, tbs.read_element(der::kInteger));
  if (serial.contents.empty()) return tbs.malformed("empty serial number");
  c.serial = serial.contents;
  KS_ASSIGN_OR_RETURN(der::Element alg, tbs.read_element(der::kSequence));
  c.tbs_signature_alg = alg.encoding;
  KS_ASSIGN_OR_RETURN(der::Element issuer, tbs.read_element(der::kSequence));
  c.issuer = issuer.encoding;
  KS_ASSIGN_OR_RETURN(der::Reader validity, tbs.read_sequence());
  validity.named("Validity");
  KS_ASSIGN_OR_RETURN(c.not_before_ms, read_time(validity));
  KS_ASSIGN_OR_RETURN(c.not_after_ms, read_time(validity));
  KS_TRY(validity.expect_end());
  KS_ASSIGN_OR_RETURN(der::Element subject, tbs.read_element(der::kSequence));
  c.subject = subject.encoding;
  KS_ASSIGN_OR_RETURN(der::Element spki, tbs.read_element(der::kSequence));
  c.spki = spki.encoding;
  // issuerUniqueID [1] and subjectUniqueID [2] (IMPLICIT BIT STRING, either form).
  for (unsigned n : {1u, 2u}) {
    if (tbs.next_is(der::context_tag(n, false)) || tbs.next_is(der::context_tag(n, true))) {
      KS_ASSIGN_OR_RETURN(der::Element ignored, tbs.read_element());
      (void)ignored;
    }
  }
  if (tbs.next_is(der::context_tag(3, true))) {
    if (c.version < 3) return tbs.malformed("extensions in a version ", c.version, " certificate");
    KS_ASSIGN_OR_RETURN(der::Reader exts, tbs.read_explicit(3));
    KS_TRY(read_extensions(exts, c.extensions).with_context("extensions"));
  }
  KS_TRY(tbs.expect_end());
  return c;
}

}  // namespace
}  // namespace kstore::x509
