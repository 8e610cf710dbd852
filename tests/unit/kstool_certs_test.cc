// kstool's certificate commands (-exportcert) against keytool. Each case of
// testdata/certs/cases.tsv runs kstool in a scratch folder holding copies of
// the fixture keystores, then checks the exit status, stdout and stderr byte
// for byte against JDK 17 keytool's (testdata/certs/expected/), and every
// file keytool wrote against kstool's: exported certificates byte for byte,
// keystores entry by entry.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kstool_cases_util.h"

namespace {

using kstool_test::CaseFolder;
using kstool_test::RecordedCase;
using kstool_test::RunResult;
using kstool_test::ScratchDir;

const CaseFolder kCerts(kstore::testing::testdata_path("certs"));
const std::string kStores = kstore::testing::testdata_path("fixtures/stores");
const std::vector<std::string> kInputs = {"mixed.jks", "mixed.jceks",      "mixed.p12",  "basic.jks",
                                          "weak.jks",  "passwordless.p12", "garbage.bin"};
const std::vector<std::string> kKeyPasswords = {"changeit", "keypass2"};

class KstoolCertsTest : public ::testing::TestWithParam<RecordedCase> {};

TEST_P(KstoolCertsTest, MatchesKeytool) {
  const RecordedCase& c = GetParam();
  ScratchDir dir;
  ASSERT_FALSE(dir.path().empty());
  kCerts.prepare(dir, kStores, kInputs, {});
  const auto before = kstool_test::snapshot(dir.path());
  const RunResult r = kCerts.run(KSTOOL_PATH, c, dir);
  kCerts.check_output(c, r);
  kCerts.check_files(c, kCerts.expected_files(c.name), before, dir, kKeyPasswords);
}

INSTANTIATE_TEST_SUITE_P(Kstool, KstoolCertsTest, ::testing::ValuesIn(kCerts.load()), kstool_test::case_name);

TEST(KstoolCertsCases, ManifestIsThere) { EXPECT_GE(kCerts.load().size(), 25u); }

}  // namespace
