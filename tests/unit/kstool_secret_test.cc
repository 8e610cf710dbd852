// kstool's -genseckey, -importpass, -storepasswd and -keypasswd against
// keytool. Each case of testdata/secret/cases.tsv runs kstool in a scratch
// folder holding copies of the fixture keystores, then checks the exit
// status, stdout and stderr byte for byte against JDK 17 keytool's
// (testdata/secret/expected/), and every keystore keytool wrote entry by
// entry against kstool's: keys opened and compared byte for byte, except
// secret keys generated at random (-genseckey, -importpass -keyalg AES),
// compared by algorithm and length. With keytool installed, a selection of
// cases also runs live, and what kstool writes is opened by keytool 17 and
// 25 (their keys recovered by -importkeystore).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "kstool_cases_util.h"

namespace {

using kstool_test::CaseFolder;
using kstool_test::RecordedCase;
using kstool_test::RunResult;
using kstool_test::ScratchDir;
using kstool_test::SecretKeys;

const CaseFolder kSecret(kstore::testing::testdata_path("secret"));
const std::string kStores = kstore::testing::testdata_path("fixtures/stores");
// Key passwords the cases use: the fixtures' (changeit, keypass2), the new
// ones (newpass1, keypass1, abc, and a non-ASCII one JKS takes), the one
// PKCS#12 ignores (other11).
const std::vector<std::string> kKeyPasswords = {"changeit", "keypass2", "newpass1", "keypass1",
                                                "abc",      "other11",  "p\xc3\xa4ssw\xc3\xb6rd1"};

void prepare(const ScratchDir& dir) { kSecret.prepare(dir, kStores, kstool_test::secret_inputs(), {"newpass.txt"}); }

// Keys made at random differ from keytool's; password entries and every
// key a case only re-protects do not.
SecretKeys comparison_for(const RecordedCase& c) {
  const bool generated = c.name.starts_with("gsk_") || c.name == "ip_keyalg_aes";
  return generated ? SecretKeys::kShape : SecretKeys::kExact;
}

class KstoolSecretTest : public ::testing::TestWithParam<RecordedCase> {};

TEST_P(KstoolSecretTest, MatchesKeytool) {
  const RecordedCase& c = GetParam();
  ScratchDir dir;
  ASSERT_FALSE(dir.path().empty());
  prepare(dir);
  const auto before = kstool_test::snapshot(dir.path());
  const RunResult r = kSecret.run(KSTOOL_PATH, c, dir);
  kSecret.check_output(c, r);
  kSecret.check_files(c, kSecret.expected_files(c.name), before, dir, kKeyPasswords, comparison_for(c));
}

INSTANTIATE_TEST_SUITE_P(Kstool, KstoolSecretTest, ::testing::ValuesIn(kSecret.load()), kstool_test::case_name);

TEST(KstoolSecretCases, ManifestIsThere) { EXPECT_GT(kSecret.load().size(), 120u); }

// ---- keytool installed ------------------------------------------------------

// One store per command and type, the entry it made or changed, and the
// passwords that open it.
struct Written {
  const char* case_name;
  const char* file;
  const char* store_password;
  const char* alias;
  const char* key_password;
};
const Written kWritten[] = {
    {"gsk_p12_aes256", "mixed.p12", "changeit", "newaes", "changeit"},
    {"gsk_p12_desede_112", "mixed.p12", "changeit", "des3", "changeit"},
    {"gsk_p12_legacy_props", "new.p12", "changeit", "aes", "changeit"},
    {"gsk_jceks_desede_default", "mixed.jceks", "changeit", "des3", "changeit"},
    {"gsk_jceks_tripledes_168", "mixed.jceks", "changeit", "t3", "keypass1"},
    {"gsk_jceks_blowfish", "mixed.jceks", "changeit", "bf", "changeit"},
    {"ip_p12", "mixed.p12", "changeit", "pw", "changeit"},
    {"ip_keyalg_pbes2_p12", "mixed.p12", "changeit", "pw", "changeit"},
    {"ip_jceks_keypass", "mixed.jceks", "changeit", "pw", "keypass1"},
    {"sp_jks", "mixed.jks", "newpass1", "ec256", "changeit"},
    {"sp_jceks", "mixed.jceks", "newpass1", "aes128", "changeit"},
    {"sp_p12", "mixed.p12", "newpass1", "leaf", "newpass1"},
    {"sp_legacy_p12", "legacy.p12", "newpass1", "leaf", "newpass1"},
    {"sp_openssl_legacy", "openssl_legacy.p12", "newpass1", "legacy key", "newpass1"},
    {"kp_jks", "mixed.jks", "changeit", "ec256", "newpass1"},
    {"kp_jceks_secret", "mixed.jceks", "changeit", "aes128", "newpass1"},
};

const RecordedCase* find_case(const std::vector<RecordedCase>& cases, const std::string& name) {
  for (const RecordedCase& c : cases)
    if (c.name == name) return &c;
  return nullptr;
}

// keytool loads the store (checking its digest or MAC with the store
// password) and recovers the entry's key: -importkeystore of that one entry
// into a new PKCS#12 store.
void expect_keytool_opens(const std::string& keytool, const ScratchDir& dir, const Written& w) {
  const std::string out = std::string("opened-") + w.alias + ".p12";
  const RunResult import = kstool_test::run_program(
      keytool, {"-importkeystore", "-srckeystore", w.file, "-srcstorepass", w.store_password, "-srcalias", w.alias,
                "-srckeypass", w.key_password, "-destkeystore", out, "-deststorepass", "changeit", "-noprompt"},
      dir.path(), {});
  EXPECT_EQ(0, import.exit_code) << import.out << import.err;
}

TEST(KstoolSecretInterop, KeytoolOpensWhatKstoolWrites) {
  const std::vector<std::string> keytools = {kstool_test::find_keytool(),
                                             "/usr/lib/jvm/temurin-25-jdk-amd64/bin/keytool"};
  const std::vector<RecordedCase> cases = kSecret.load();
  size_t checked = 0;
  for (const std::string& keytool : keytools) {
    if (keytool.empty() || !CaseFolder::exists(keytool)) continue;
    for (const Written& w : kWritten) {
      SCOPED_TRACE(keytool + " " + w.case_name);
      const RecordedCase* c = find_case(cases, w.case_name);
      ASSERT_NE(c, nullptr);
      ScratchDir dir;
      prepare(dir);
      const RunResult r = kSecret.run(KSTOOL_PATH, *c, dir);
      ASSERT_EQ(0, r.exit_code) << r.out << r.err;
      expect_keytool_opens(keytool, dir, w);
      ++checked;
    }
  }
  if (checked == 0) GTEST_SKIP() << "neither keytool 17 nor 25 is installed";
}

// A selection run with keytool and kstool side by side: each keytool run
// starts a JVM, and the recordings already carry every case.
const std::vector<std::string> kLiveCases = {"gsk_p12_aes256", "gsk_jceks_keypass_prompt", "ip_p12", "ip_jceks",
                                             "sp_p12",         "sp_prompt_failures",       "kp_jks_keypass_prompt"};

TEST(KstoolSecretDifferential, SameAsLiveKeytool) {
  const std::string keytool = kstool_test::find_keytool();
  if (keytool.empty()) GTEST_SKIP() << "keytool not installed; the recorded outputs carry the checks";
  if (!kstool_test::is_jdk17_keytool(keytool))
    GTEST_SKIP() << "keytool is not JDK 17; the recorded outputs carry the checks";
  for (const std::string& name : kLiveCases) {
    SCOPED_TRACE(name);
    const std::vector<RecordedCase> cases = kSecret.load();
    const RecordedCase* c = find_case(cases, name);
    ASSERT_NE(c, nullptr);
    ScratchDir kt_dir, ks_dir;
    prepare(kt_dir);
    prepare(ks_dir);
    const auto before = kstool_test::snapshot(ks_dir.path());
    const RunResult kt = kSecret.run(keytool, *c, kt_dir);
    const RunResult ks = kSecret.run(KSTOOL_PATH, *c, ks_dir);
    EXPECT_EQ(kt.exit_code, ks.exit_code);
    EXPECT_TRUE(kt.out == ks.out) << "stdout: " << kstool_test::first_difference(kt.out, ks.out);
    EXPECT_TRUE(kt.err == ks.err) << "stderr: " << kstool_test::first_difference(kt.err, ks.err);
    const auto kt_files = kstool_test::snapshot(kt_dir.path());
    std::map<std::string, std::string> keytool_wrote;
    for (const std::string& file : kstool_test::changed_files(before, kt_files)) keytool_wrote[file] = kt_files.at(file);
    kSecret.check_files(*c, keytool_wrote, before, ks_dir, kKeyPasswords, comparison_for(*c));
  }
}

}  // namespace
