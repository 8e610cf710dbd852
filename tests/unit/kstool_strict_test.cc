// kstool's -strict (tools/kstool/README.md, "Extensions"): the recorded
// cases where keytool exits 0 without having done all it was asked, run
// again with -strict. Without it kstool matches keytool (kstool_write_test,
// kstool_secret_test); with it the same files are written, stderr keeps
// keytool's messages up to the point where keytool gives up, and the run
// ends with one "keytool error:" line and exit 1.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kstool_cases_util.h"

namespace {

using kstool_test::CaseFolder;
using kstool_test::RecordedCase;
using kstool_test::RunResult;
using kstool_test::ScratchDir;

const CaseFolder kWrite(kstore::testing::testdata_path("write"));
const CaseFolder kSecret(kstore::testing::testdata_path("secret"));
const std::string kStores = kstore::testing::testdata_path("fixtures/stores");
const std::vector<std::string> kKeyPasswords = {"changeit", "keypass2", "newpass1", "other11", "keypass1"};

struct StrictCase {
  const CaseFolder* folder;
  std::string name;
  std::string error;  // the stdout line -strict adds
};

void PrintTo(const StrictCase& c, std::ostream* os) { *os << c.name; }

const std::string kGaveUp = "keytool error: java.lang.Exception: Too many failures - try later\n";

std::string not_imported(int n) {
  return "keytool error: java.lang.Exception: " + std::to_string(n) + (n == 1 ? " entry was" : " entries were") +
         " not imported (see the messages above); the keystore was written with the others\n";
}

std::vector<StrictCase> strict_cases() {
  return {
      {&kWrite, "del_storepass_eof", kGaveUp},
      {&kWrite, "ca_storepass_eof", kGaveUp},
      {&kWrite, "imp_dest_password_eof", kGaveUp},
      {&kSecret, "gsk_storepass_eof", kGaveUp},
      {&kSecret, "gsk_new_store_mismatch", kGaveUp},
      {&kWrite, "imp_p12_to_jks_noprompt", not_imported(2)},
      {&kWrite, "imp_p12_to_jks_quit", not_imported(1)},
      {&kWrite, "imp_srcalias_secret_to_jks", not_imported(1)},
      {&kWrite, "imp_all_conflicts_noprompt", not_imported(2)},
      {&kWrite, "imp_p12_destkeypass_warning", not_imported(1)},
  };
}

RecordedCase find_case(const CaseFolder& folder, const std::string& name) {
  for (RecordedCase& c : folder.load())
    if (c.name == name) return c;
  ADD_FAILURE() << "no recorded case " << name;
  return {};
}

// keytool's stderr without what it prints after giving up or after the
// import: the "Too many failures" line and the final Warning block.
std::string stderr_before_the_end(std::string err) {
  // The block starts with an empty line: keep the newline before it only.
  const size_t warning = err.find("\n\nWarning:\n");
  if (warning != std::string::npos) err.resize(warning + 1);
  const std::string gave_up = "Too many failures - try later\n";
  if (err.size() >= gave_up.size() && err.compare(err.size() - gave_up.size(), gave_up.size(), gave_up) == 0)
    err.resize(err.size() - gave_up.size());
  return err;
}

class KstoolStrictTest : public ::testing::TestWithParam<StrictCase> {};

TEST_P(KstoolStrictTest, SameWorkThenExitOne) {
  const StrictCase& s = GetParam();
  RecordedCase c = find_case(*s.folder, s.name);
  ASSERT_FALSE(c.name.empty());
  // Without -strict the case exits 0, as keytool does.
  ASSERT_EQ("0\n", s.folder->expected_text(c.name, "rc"));
  c.args.push_back("-strict");

  ScratchDir dir;
  ASSERT_FALSE(dir.path().empty());
  const std::vector<std::string> inputs =
      s.folder == &kWrite ? kstool_test::write_inputs() : kstool_test::secret_inputs();
  const std::vector<std::string> password_files =
      s.folder == &kWrite ? std::vector<std::string>{"pw.txt", "newpass.txt"} : std::vector<std::string>{"newpass.txt"};
  s.folder->prepare(dir, kStores, inputs, password_files);
  const auto before = kstool_test::snapshot(dir.path());
  const RunResult r = s.folder->run(KSTOOL_PATH, c, dir);

  EXPECT_EQ(1, r.exit_code) << r.out << r.err;
  EXPECT_EQ(s.folder->expected_text(c.name, "out") + s.error, r.out);
  EXPECT_EQ(stderr_before_the_end(s.folder->expected_text(c.name, "err")), r.err);
  s.folder->check_files(c, s.folder->expected_files(c.name), before, dir, kKeyPasswords);
}

INSTANTIATE_TEST_SUITE_P(Kstool, KstoolStrictTest, ::testing::ValuesIn(strict_cases()),
                         [](const ::testing::TestParamInfo<StrictCase>& info) { return info.param.name; });

}  // namespace
