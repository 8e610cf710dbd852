// Fuzz target: certificate input as keytool -printcert reads it
// (x509::parse_certificates: PEM blocks, or DER certificates back to back)
// and everything kstore derives from a certificate: summarize, keytool's
// certificate text (plain and as a trust anchor) and algorithm verdicts,
// fingerprints, the issuer check and PEM armour. The input is also given to
// the certificate parsers directly, as a keystore entry's bytes would be. Checks: no kInternal; the
// PEM kstore writes for a certificate reads back as the same bytes, for each
// line-ending style.
#include <cstdlib>

#include "fuzz_common.h"
#include "kstore/keytool/algorithm_verdicts.h"
#include "kstore/keytool/certificate_text.h"
#include "kstore/x509.h"

using namespace kstore;

namespace {

void check_not_internal(const Status& status, const char* what) {
  if (!status.ok() && status.code() == ErrorCode::kInternal) fuzz::fail(what, status);
}

void describe(ByteView der) {
  check_not_internal(x509::summarize(der).status(), "summarize");
  check_not_internal(keytool::certificate_text(der).status(), "certificate_text");
  check_not_internal(keytool::certificate_text(der, {.trusted = true}).status(), "certificate_text (trusted)");
  check_not_internal(keytool::algorithm_verdicts(der).status(), "algorithm_verdicts");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // certificate_text prints dates in the local time zone: keep runs reproducible.
  setenv("TZ", "UTC", 1);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const ByteView in(data, size);
  Result<std::vector<Bytes>> certs = x509::parse_certificates(in);
  check_not_internal(certs.status(), "parse_certificates");
  if (!certs.ok()) {
    const ErrorCode code = certs.status().code();
    if (code != ErrorCode::kMalformed && code != ErrorCode::kTruncated && code != ErrorCode::kUnknownFormat)
      fuzz::fail("parse_certificates", certs.status());
    describe(in);
    return 0;
  }
  size_t n = 0;
  for (const Bytes& der : *certs) {
    if (++n > 8) break;  // many tiny certificates would only repeat the same work
    describe(der);
    (void)x509::sha1_fingerprint(der);
    (void)x509::sha256_fingerprint(der);
    (void)x509::is_signed_by(der, der);
    if (n > 1) (void)x509::is_signed_by((*certs)[n - 2], der);
    for (x509::PemLineEndings endings :
         {x509::PemLineEndings::kJdk17, x509::PemLineEndings::kJdk25, x509::PemLineEndings::kUnix}) {
      const std::string pem = x509::to_pem(der, endings);
      Result<std::vector<Bytes>> back = x509::parse_certificates(as_bytes(pem));
      if (!back.ok()) fuzz::fail("PEM written by to_pem does not parse", back.status());
      if (back->size() != 1 || (*back)[0] != der) fuzz::fail("PEM written by to_pem reads back differently");
    }
  }
  return 0;
}
