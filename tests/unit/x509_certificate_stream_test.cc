// Certificates read as the JDK's CertificateFactory reads a file
// (kstore::x509::read_certificates_as_jdk / read_certificate_as_jdk;
// docs/formats.md, "Certificate files").
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kstore/x509.h"
#include "support/fixtures.h"

namespace kstore::x509 {
namespace {

std::string pem_text(const std::string& name) { return testing::testdata_text("x509/" + name); }

Bytes der_of(const std::string& name) {
  Result<std::vector<Bytes>> certs = parse_certificates(as_bytes(pem_text(name)));
  EXPECT_TRUE(certs.ok() && certs->size() == 1) << name;
  return certs.ok() && !certs->empty() ? certs->front() : Bytes();
}

Result<std::vector<Bytes>> read_all(const std::string& text) { return read_certificates_as_jdk(as_bytes(text)); }

std::string as_string(const Bytes& b) { return std::string(b.begin(), b.end()); }

TEST(CertificateStream, EmptyInputHoldsNoCertificates) {
  Result<std::vector<Bytes>> certs = read_all("");
  ASSERT_TRUE(certs.ok());
  EXPECT_TRUE(certs->empty());
  EXPECT_FALSE(read_certificate_as_jdk(ByteView()).ok());
}

TEST(CertificateStream, TextWithoutAHeaderIsNoCertificateData) {
  EXPECT_FALSE(read_all("just some text\n").ok());
  EXPECT_FALSE(read_all("\n\n").ok());
}

TEST(CertificateStream, DerAndPemBlocksInAnyMixAndTextBeforeHeaders) {
  const Bytes ca = der_of("ca.pem");
  const Bytes ec = der_of("ec256_sha256.pem");
  const std::string text = "Subject: a CA\nIssuer: itself\n" + pem_text("ca.pem") + "more words\n" + pem_text("ec256_sha256.pem");
  Result<std::vector<Bytes>> certs = read_all(text);
  ASSERT_TRUE(certs.ok()) << certs.status().to_string();
  ASSERT_EQ(2u, certs->size());
  EXPECT_EQ(ca, (*certs)[0]);
  EXPECT_EQ(ec, (*certs)[1]);

  // DER back to back, then PEM after it.
  Result<std::vector<Bytes>> mixed = read_all(as_string(ca) + as_string(ec) + pem_text("ca.pem"));
  ASSERT_TRUE(mixed.ok()) << mixed.status().to_string();
  EXPECT_EQ(3u, mixed->size());
}

TEST(CertificateStream, TrailingTextWithoutAHeaderIsIgnored) {
  Result<std::vector<Bytes>> certs = read_all(pem_text("ca.pem") + "\n\nthe end\n");
  ASSERT_TRUE(certs.ok()) << certs.status().to_string();
  EXPECT_EQ(1u, certs->size());
}

TEST(CertificateStream, HeaderAndFooterMustMatch) {
  std::string text = pem_text("ca.pem");
  const size_t end = text.find("-----END CERTIFICATE-----");
  ASSERT_NE(std::string::npos, end);
  text.replace(end, 25, "-----END X509 CRL-----");
  EXPECT_FALSE(read_all(text).ok());
}

TEST(CertificateStream, AHeaderMustStartALine) {
  // Five hyphens inside a line do not start a block.
  std::string text = "text-----BEGIN CERTIFICATE-----\n";
  EXPECT_FALSE(read_all(text).ok());
}

TEST(CertificateStream, OnlyTheFirstBlockForASingleCertificate) {
  Result<Bytes> first = read_certificate_as_jdk(as_bytes(pem_text("ca.pem") + pem_text("ec256_sha256.pem")));
  ASSERT_TRUE(first.ok()) << first.status().to_string();
  EXPECT_EQ(der_of("ca.pem"), *first);
}

TEST(CertificateStream, CutShortIsAnError) {
  const Bytes ca = der_of("ca.pem");
  EXPECT_FALSE(read_all(as_string(ca).substr(0, ca.size() - 10)).ok());
  std::string text = pem_text("ca.pem");
  EXPECT_FALSE(read_all(text.substr(0, text.size() / 2)).ok());
}

TEST(CertificateStream, DeepBerNestingIsRefused) {
  std::string bomb;
  for (int i = 0; i < 200; ++i) bomb += "\x30\x80";
  EXPECT_FALSE(read_all(bomb).ok());
}

}  // namespace
}  // namespace kstore::x509
