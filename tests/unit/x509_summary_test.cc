// Certificate summaries, fingerprints, PEM and issuer checks on fixtures made
// by testdata/x509/make.sh (OpenSSL), with expected values from openssl x509.
#include <gtest/gtest.h>

#include <sstream>

#include "kstore/x509.h"
#include "support/fixtures.h"
#include "support/truncation.h"

namespace kstore::x509 {
namespace {

Bytes der_of(const std::string& name) {
  auto certs = parse_certificates(testing::testdata_bytes("x509/" + name));
  EXPECT_TRUE(certs.ok()) << certs.status().to_string();
  if (!certs.ok() || certs->size() != 1) return {};
  return (*certs)[0];
}

TEST(X509Summary, LeafSignedByCa) {
  const Bytes ca = der_of("ca.pem");
  const Bytes leaf = der_of("leaf.pem");
  ASSERT_FALSE(ca.empty());
  ASSERT_FALSE(leaf.empty());
  auto s = summarize(leaf);
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  EXPECT_EQ(s->subject, "CN=leaf.example");
  EXPECT_EQ(s->issuer, "CN=Kstore Test CA, O=Kstore Test, C=US");
  EXPECT_EQ(s->subject_rfc2253, "CN=leaf.example");
  EXPECT_EQ(s->serial_hex, "ff01");
  EXPECT_EQ(s->version, 3);
  ASSERT_TRUE(s->subject_key_id.has_value());
  EXPECT_EQ(s->subject_key_id->size(), 20u);
  ASSERT_TRUE(s->authority_key_id.has_value());
  auto ca_summary = summarize(ca);
  ASSERT_TRUE(ca_summary.ok());
  ASSERT_TRUE(ca_summary->subject_key_id.has_value());
  EXPECT_EQ(*s->authority_key_id, *ca_summary->subject_key_id);
  EXPECT_EQ(s->issuer_der, ca_summary->subject_der);
  EXPECT_LT(s->not_before_ms, s->not_after_ms);
  EXPECT_EQ(s->not_after_ms - s->not_before_ms, 365LL * 86400 * 1000);

  EXPECT_TRUE(is_signed_by(leaf, ca));
  EXPECT_TRUE(is_signed_by(ca, ca));
  EXPECT_FALSE(is_signed_by(ca, leaf));
  EXPECT_FALSE(is_signed_by(leaf, leaf));
  EXPECT_FALSE(is_signed_by(Bytes{0x30, 0x00}, ca));
}

TEST(X509Summary, Fingerprints) {
  const Bytes leaf = der_of("leaf.pem");
  const std::string sha1 = sha1_fingerprint(leaf);
  const std::string sha256 = sha256_fingerprint(leaf);
  EXPECT_EQ(sha1.size(), 20u * 3 - 1);
  EXPECT_EQ(sha256.size(), 32u * 3 - 1);
  EXPECT_EQ(sha1_fingerprint(as_bytes("abc")), "A9:99:3E:36:47:06:81:6A:BA:3E:25:71:78:50:C2:6C:9C:D0:D8:9D");
}

TEST(X509Pem, LineEndings) {
  Bytes der(100);
  for (size_t i = 0; i < der.size(); ++i) der[i] = static_cast<uint8_t>(i);
  const std::string jdk17 = to_pem(der, PemLineEndings::kJdk17);
  const std::string b64a = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4v";
  const std::string b64b = "MDEyMzQ1Njc4OTo7PD0+P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5f";
  const std::string b64c = "YGFiYw==";
  EXPECT_EQ(jdk17, "-----BEGIN CERTIFICATE-----\n" + b64a + "\r\n" + b64b + "\r\n" + b64c +
                       "\n-----END CERTIFICATE-----\n");
  EXPECT_EQ(to_pem(der, PemLineEndings::kJdk25), "-----BEGIN CERTIFICATE-----\r\n" + b64a + "\r\n" + b64b + "\r\n" +
                                                      b64c + "\r\n-----END CERTIFICATE-----\r\n");
  EXPECT_EQ(to_pem(der, PemLineEndings::kUnix),
            "-----BEGIN CERTIFICATE-----\n" + b64a + "\n" + b64b + "\n" + b64c + "\n-----END CERTIFICATE-----\n");
  // Exactly one full line: the only line is the last one.
  EXPECT_EQ(to_pem(Bytes(48, 0), PemLineEndings::kJdk17),
            "-----BEGIN CERTIFICATE-----\n" + std::string(64, 'A') + "\n-----END CERTIFICATE-----\n");
}

TEST(X509Pem, RoundTripsAndReadsDer) {
  const Bytes leaf = der_of("leaf.pem");
  const Bytes ca = der_of("ca.pem");
  for (PemLineEndings e : {PemLineEndings::kJdk17, PemLineEndings::kJdk25, PemLineEndings::kUnix}) {
    auto back = parse_certificates(as_bytes(to_pem(leaf, e) + "junk between\n" + to_pem(ca, e)));
    ASSERT_TRUE(back.ok()) << back.status().to_string();
    ASSERT_EQ(back->size(), 2u);
    EXPECT_EQ((*back)[0], leaf);
    EXPECT_EQ((*back)[1], ca);
  }
  auto der = parse_certificates(leaf);
  ASSERT_TRUE(der.ok());
  ASSERT_EQ(der->size(), 1u);
  EXPECT_EQ((*der)[0], leaf);
  EXPECT_FALSE(parse_certificates(as_bytes("hello")).ok());
  EXPECT_FALSE(parse_certificates(as_bytes("-----BEGIN CERTIFICATE-----\nAAAA\n")).ok());
}

TEST(X509Summary, EveryTruncationFailsCleanly) {
  const Bytes leaf = der_of("leaf.pem");
  testing::for_each_truncation(leaf, [](ByteView prefix, size_t) {
    auto s = summarize(prefix);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.status().code(), ErrorCode::kMalformed);
  });
}

std::string unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out.push_back(s[i]);
      continue;
    }
    const char c = s[++i];
    out.push_back(c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c);
  }
  return out;
}

// names.tsv: X500Principal.getName() and toString() of every fixture's
// subject, printed by JDK 17 (testdata/x509/PrintNames.java).
TEST(X509Summary, SubjectNamesMatchJdk17) {
  std::istringstream in(testing::testdata_text("x509/names.tsv"));
  std::string line;
  int compared = 0;
  while (std::getline(in, line)) {
    std::vector<std::string> cols;
    size_t start = 0;
    for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) {
      cols.push_back(line.substr(start, tab - start));
    }
    cols.push_back(line.substr(start));
    ASSERT_EQ(cols.size(), 3u) << line;
    SCOPED_TRACE(cols[0]);
    auto s = summarize(der_of(cols[0]));
    ASSERT_TRUE(s.ok()) << s.status().to_string();
    EXPECT_EQ(s->subject_rfc2253, unescape(cols[1]));
    EXPECT_EQ(s->subject, unescape(cols[2]));
    ++compared;
  }
  EXPECT_GE(compared, 100);
}

}  // namespace
}  // namespace kstore::x509
