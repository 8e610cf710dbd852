// kstool's write commands (-delete, -changealias, -importkeystore) against
// keytool. Each case of testdata/write/cases.tsv runs kstool in a scratch
// folder holding copies of the fixture keystores, then checks
//  - the exit status, stdout and stderr, byte for byte, against what JDK 17
//    keytool printed (testdata/write/expected/), or kstool's own text where
//    it differs on purpose (testdata/write/kstool-expected/, see the README
//    there and "Differences from keytool" in tools/kstool/README.md);
//  - every keystore keytool created or changed, entry by entry (aliases,
//    types, certificate chains, key material) against kstool's, and that
//    kstool changed no other file.
// With keytool installed, KstoolWriteDifferential runs a selection of the
// cases with keytool and kstool side by side as well (nine JVM starts).
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "kstool_cases_util.h"

namespace {

using kstool_test::CaseFolder;
using kstool_test::RecordedCase;
using kstool_test::RunResult;
using kstool_test::ScratchDir;

const CaseFolder kWrite(kstore::testing::testdata_path("write"));
const std::string kStores = kstore::testing::testdata_path("fixtures/stores");

// Key passwords the cases use: the store password, keypass2 (fixtures),
// newpass1 (-destkeypass).
const std::vector<std::string> kKeyPasswords = {"changeit", "keypass2", "newpass1", "other11"};

// A scratch folder as make.sh prepares it.
void prepare(const ScratchDir& dir) {
  kWrite.prepare(dir, kStores, kstool_test::write_inputs(), {"pw.txt", "newpass.txt"});
}

class KstoolWriteTest : public ::testing::TestWithParam<RecordedCase> {};

TEST_P(KstoolWriteTest, MatchesKeytool) {
  const RecordedCase& c = GetParam();
  ScratchDir dir;
  ASSERT_FALSE(dir.path().empty());
  prepare(dir);
  const auto before = kstool_test::snapshot(dir.path());
  const RunResult r = kWrite.run(KSTOOL_PATH, c, dir);
  kWrite.check_output(c, r);
  kWrite.check_files(c, kWrite.expected_files(c.name), before, dir, kKeyPasswords);
}

INSTANTIATE_TEST_SUITE_P(Kstool, KstoolWriteTest, ::testing::ValuesIn(kWrite.load()), kstool_test::case_name);
// The cases with more than one line of input, answered one line per prompt
// as a person does (keytool reads all piped input at its first yes/no
// question, but only what was typed so far at a terminal).
INSTANTIATE_TEST_SUITE_P(KstoolPrompted, KstoolWriteTest, ::testing::ValuesIn(kWrite.load_prompted()),
                         kstool_test::case_name);

TEST(KstoolWriteCases, ManifestIsThere) { EXPECT_GT(kWrite.load().size(), 80u); }

// ---- live differential run (keytool installed) ------------------------------

// JKS, JCEKS and PKCS#12 sources, whole and -srcalias, conflicts, secret
// keys, differing key passwords, in place; and the other two commands. A
// selection: each keytool run starts a JVM, and the recorded outputs
// already carry every case.
const std::vector<std::string> kLiveCases = {
    "imp_jks_to_p12",        "imp_jceks_to_p12",       "imp_p12_to_jks_prompt",
    "imp_jks_to_jks_keeps_keypass", "imp_srcalias_p12", "imp_conflict_noprompt",
    "imp_inplace_jks_to_p12", "del_jks",               "ca_p12_keypass"};

TEST(KstoolWriteDifferential, SameAsLiveKeytool) {
  const std::string keytool = kstool_test::find_keytool();
  if (keytool.empty()) GTEST_SKIP() << "keytool not installed; the recorded outputs carry the checks";
  // The messages compared are JDK 17's (later JDKs add e.g. "[WARNING: Input
  // may be visible on screen]" to some prompts).
  if (!kstool_test::is_jdk17_keytool(keytool))
    GTEST_SKIP() << "keytool is not JDK 17; the recorded outputs carry the checks";
  size_t compared = 0;
  for (const RecordedCase& c : kWrite.load()) {
    if (std::find(kLiveCases.begin(), kLiveCases.end(), c.name) == kLiveCases.end()) continue;
    SCOPED_TRACE(c.name);
    ScratchDir kt_dir, ks_dir;
    prepare(kt_dir);
    prepare(ks_dir);
    const auto before = kstool_test::snapshot(ks_dir.path());
    const RunResult kt = kWrite.run(keytool, c, kt_dir);
    const RunResult ks = kWrite.run(KSTOOL_PATH, c, ks_dir);
    bool own_rc = false, own_out = false, own_err = false;
    kWrite.expected_text(c.name, "rc", &own_rc);
    kWrite.expected_text(c.name, "out", &own_out);
    kWrite.expected_text(c.name, "err", &own_err);
    if (!own_rc) {
      EXPECT_EQ(kt.exit_code, ks.exit_code);
    }
    if (!own_out) {
      EXPECT_TRUE(kt.out == ks.out) << "stdout: " << kstool_test::first_difference(kt.out, ks.out);
    }
    if (!own_err) {
      EXPECT_TRUE(kt.err == ks.err) << "stderr: " << kstool_test::first_difference(kt.err, ks.err);
    }
    const auto kt_files = kstool_test::snapshot(kt_dir.path());
    std::map<std::string, std::string> keytool_wrote;
    for (const std::string& name : kstool_test::changed_files(before, kt_files))
      keytool_wrote[name] = kt_files.at(name);
    kWrite.check_files(c, keytool_wrote, before, ks_dir, kKeyPasswords);
    ++compared;
  }
  EXPECT_EQ(kLiveCases.size(), compared);
}

}  // namespace
