// keytool::algorithm_verdicts: the typed weak/disabled verdicts on fixtures
// whose keytool output (testdata/x509/*.printcert.txt) carries the markers,
// and their agreement with the text certificate_text prints for every fixture.
#include <gtest/gtest.h>

#include <filesystem>

#include "kstore/keytool/algorithm_verdicts.h"
#include "kstore/keytool/certificate_text.h"
#include "kstore/x509.h"
#include "support/fixtures.h"
#include "support/must.h"
#include "support/truncation.h"

namespace kstore::keytool {
namespace {

namespace fs = std::filesystem;
using testing::must;

const fs::path kFixtures = testing::testdata_path("x509");

// The first certificate of a PEM fixture, as DER.
Bytes fixture_certificate(const fs::path& pem_path) {
  return must(x509::parse_certificates(testing::file_bytes(pem_path)), pem_path.filename().string()).at(0);
}

TEST(KeytoolAlgorithmVerdicts, FixturesGetKeytoolsVerdicts) {
  using enum AlgorithmStrength;
  struct Case {
    const char* fixture;
    const char* signature;
    AlgorithmStrength signature_strength;
    const char* key;
    AlgorithmStrength key_strength;
  };
  const Case cases[] = {
      {"ca", "SHA256withRSA", kOk, "2048-bit RSA key", kOk},
      {"rsa1024_sha1", "SHA1withRSA", kWeak, "1024-bit RSA key", kWeak},
      {"rsa1024_md5", "MD5withRSA", kDisabled, "1024-bit RSA key", kWeak},
      {"rsa512_sha256", "SHA256withRSA", kOk, "512-bit RSA key", kDisabled},
      // SHA-1 on a code-signing or time-stamping certificate falls under
      // "SHA1 usage SignedJAR & denyAfter 2019-01-01".
      {"sha1_eku_code", "SHA1withRSA", kDisabled, "2048-bit RSA key", kOk},
      {"sha1_eku_tsa", "SHA1withRSA", kDisabled, "2048-bit RSA key", kOk},
      {"dsa1024_sha1", "SHA1withDSA", kWeak, "1024-bit DSA key", kWeak},
      {"ec192", "SHA256withECDSA", kOk, "192-bit EC (secp192r1) key", kDisabled},
      {"ec224", "SHA256withECDSA", kOk, "224-bit EC (secp224r1) key", kOk},
      {"ed25519", "Ed25519", kOk, "255-bit Ed25519 key", kOk},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.fixture);
    const Bytes der = fixture_certificate(kFixtures / (std::string(c.fixture) + ".pem"));
    const AlgorithmVerdicts v = must(algorithm_verdicts(der), c.fixture);
    EXPECT_EQ(v.signature.text, c.signature);
    EXPECT_EQ(v.signature.strength, c.signature_strength);
    EXPECT_EQ(v.public_key.text, c.key);
    EXPECT_EQ(v.public_key.strength, c.key_strength);
  }
}

// The verdicts are what the certificate text marks: "<text>", "<text> (weak)"
// or "<text> (disabled)" on the two algorithm lines.
TEST(KeytoolAlgorithmVerdicts, AgreeWithTheCertificateText) {
  auto marked = [](const AlgorithmVerdict& v) {
    return v.text + (v.strength == AlgorithmStrength::kWeak       ? " (weak)"
                     : v.strength == AlgorithmStrength::kDisabled ? " (disabled)"
                                                                  : "");
  };
  int compared = 0;
  for (const auto& entry : fs::directory_iterator(kFixtures)) {
    if (entry.path().extension() != ".pem") continue;
    SCOPED_TRACE(entry.path().filename().string());
    const Bytes der = fixture_certificate(entry.path());
    Result<std::string> text = certificate_text(der);
    if (!text.ok()) continue;  // a critical extension keytool cannot decode
    Result<AlgorithmVerdicts> v = algorithm_verdicts(der);
    ASSERT_TRUE(v.ok()) << v.status().to_string();
    EXPECT_NE(text->find("\nSignature algorithm name: " + marked(v->signature) + "\n"), std::string::npos);
    EXPECT_NE(text->find("\nSubject Public Key Algorithm: " + marked(v->public_key) + "\n"), std::string::npos);
    ++compared;
  }
  EXPECT_GE(compared, 70);
}

TEST(KeytoolAlgorithmVerdicts, MalformedCertificatesFailCleanly) {
  const Bytes der = fixture_certificate(kFixtures / "rsa1024_sha1.pem");
  testing::for_each_truncation(der, 7, [](ByteView prefix, size_t) {
    Result<AlgorithmVerdicts> v = algorithm_verdicts(prefix);
    ASSERT_FALSE(v.ok());
    EXPECT_EQ(v.status().code(), ErrorCode::kMalformed);
  });
}

}  // namespace
}  // namespace kstore::keytool
