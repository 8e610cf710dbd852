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

#include "kstool_run_util.h"
#include "kstool_write_util.h"

namespace {

using kstool_test::RunResult;
using kstool_test::ScratchDir;
using kstool_test::slurp;

const std::string kWrite = std::string(KSTORE_TESTDATA_DIR) + "/write";
const std::string kStores = std::string(KSTORE_TESTDATA_DIR) + "/fixtures/stores";

// Key passwords the cases use: the store password, keypass2 (fixtures),
// newpass1 (-destkeypass).
const std::vector<std::string> kKeyPasswords = {"changeit", "keypass2", "newpass1", "other11"};

struct WriteCase {
  std::string name;
  std::string stdin_file;  // "-" = /dev/null, else under stdin/
  std::string password;    // of the resulting keystores
  std::string env;         // "-" or NAME=VALUE
  std::vector<std::string> args;
};

void PrintTo(const WriteCase& c, std::ostream* os) { *os << c.name; }

std::vector<WriteCase> load_cases() {
  std::vector<WriteCase> cases;
  std::ifstream in(kWrite + "/cases.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    size_t start = 0;
    for (;;) {
      const size_t tab = line.find('\t', start);
      f.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (f.size() < 5) continue;
    cases.push_back(WriteCase{f[0], f[1], f[2], f[3], std::vector<std::string>(f.begin() + 4, f.end())});
  }
  return cases;
}

bool exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

// A scratch folder as make.sh prepares it.
void prepare(const ScratchDir& dir) {
  for (const std::string& name : kstool_test::write_inputs())
    kstool_test::write_bytes(dir.file(name), slurp(kStores + "/" + name));
  ::mkdir(dir.file("stdin").c_str(), 0755);
  ::mkdir(dir.file("home").c_str(), 0755);
  for (const char* name : {"pw.txt", "newpass.txt"})  // password files the cases name
    kstool_test::write_bytes(dir.file(std::string("stdin/") + name), slurp(kWrite + "/stdin/" + name));
}

RunResult run_case(const std::string& program, const WriteCase& c, const ScratchDir& dir) {
  std::vector<std::string> env = {"HOME=" + dir.file("home")};
  if (c.env != "-") env.push_back(c.env);
  const std::string stdin_path = c.stdin_file == "-" ? "" : kWrite + "/stdin/" + c.stdin_file;
  return kstool_test::run_program(program, c.args, dir.path(), env, stdin_path);
}

// keytool's output for a stream, or kstool's own where it differs on purpose.
std::string expected_text(const std::string& name, const std::string& ext, bool* deliberate = nullptr) {
  const std::string own = kWrite + "/kstool-expected/" + name + "." + ext;
  if (deliberate) *deliberate = exists(own);
  return slurp(exists(own) ? own : kWrite + "/expected/" + name + "." + ext);
}

bool differs_on_purpose(const std::string& name) { return exists(kWrite + "/kstool-expected/" + name + ".rc"); }

// Checks kstool's files against keytool's (`expected`: name → bytes).
void check_files(const WriteCase& c, const std::map<std::string, std::string>& expected,
                 const std::map<std::string, std::string>& before, const ScratchDir& dir) {
  const std::map<std::string, std::string> after = kstool_test::snapshot(dir.path());
  const std::set<std::string> changed = kstool_test::changed_files(before, after);
  for (const auto& [name, bytes] : expected) {
    auto it = after.find(name);
    if (it == after.end()) {
      ADD_FAILURE() << "kstool did not write " << name;
      continue;
    }
    if (name.find(".old") != std::string::npos) {
      EXPECT_TRUE(it->second == bytes) << name << ": the backup is not the original";
      continue;
    }
    EXPECT_EQ("", kstool_test::compare_stores(bytes, it->second, c.password, kKeyPasswords)) << name;
  }
  if (!differs_on_purpose(c.name)) {
    std::set<std::string> want;
    for (const auto& [name, bytes] : expected) want.insert(name);
    EXPECT_EQ(want, changed) << "files written";
  }
}

class KstoolWriteTest : public ::testing::TestWithParam<WriteCase> {};

TEST_P(KstoolWriteTest, MatchesKeytool) {
  const WriteCase& c = GetParam();
  ScratchDir dir;
  ASSERT_FALSE(dir.path().empty());
  prepare(dir);
  const auto before = kstool_test::snapshot(dir.path());
  const RunResult r = run_case(KSTOOL_PATH, c, dir);

  EXPECT_EQ(std::stoi(expected_text(c.name, "rc")), r.exit_code) << "stdout:\n" << r.out << "\nstderr:\n" << r.err;
  const std::string want_out = expected_text(c.name, "out");
  const std::string want_err = expected_text(c.name, "err");
  EXPECT_TRUE(want_out == r.out) << "stdout: " << kstool_test::first_difference(want_out, r.out);
  EXPECT_TRUE(want_err == r.err) << "stderr: " << kstool_test::first_difference(want_err, r.err);

  std::map<std::string, std::string> expected_files;
  const std::string files_dir = kWrite + "/expected/" + c.name + ".files";
  if (exists(files_dir)) expected_files = kstool_test::snapshot(files_dir);
  check_files(c, expected_files, before, dir);
}

std::string case_name(const ::testing::TestParamInfo<WriteCase>& info) { return info.param.name; }

INSTANTIATE_TEST_SUITE_P(Kstool, KstoolWriteTest, ::testing::ValuesIn(load_cases()), case_name);

TEST(KstoolWriteCases, ManifestIsThere) { EXPECT_GT(load_cases().size(), 80u); }

// ---- live differential run (keytool installed) ------------------------------

std::string find_keytool() {
  if (const char* k = std::getenv("KEYTOOL")) return k;
  for (const char* dir : {"/usr/bin", "/usr/local/bin"}) {
    const std::string p = std::string(dir) + "/keytool";
    if (::access(p.c_str(), X_OK) == 0) return p;
  }
  return "";
}

// JKS, JCEKS and PKCS#12 sources, whole and -srcalias, conflicts, secret
// keys, differing key passwords, in place; and the other two commands. A
// selection: each keytool run starts a JVM, and the recorded outputs
// already carry every case.
const std::vector<std::string> kLiveCases = {
    "imp_jks_to_p12",        "imp_jceks_to_p12",       "imp_p12_to_jks_prompt",
    "imp_jks_to_jks_keeps_keypass", "imp_srcalias_p12", "imp_conflict_noprompt",
    "imp_inplace_jks_to_p12", "del_jks",               "ca_p12_keypass"};

TEST(KstoolWriteDifferential, SameAsLiveKeytool) {
  const std::string keytool = find_keytool();
  if (keytool.empty()) GTEST_SKIP() << "keytool not installed; the recorded outputs carry the checks";
  // The messages compared are JDK 17's (later JDKs add e.g. "[WARNING: Input
  // may be visible on screen]" to some prompts).
  const RunResult version = kstool_test::run_program(keytool, {"-J-version"}, "/", {});
  if (version.err.find("version \"17") == std::string::npos)
    GTEST_SKIP() << "keytool is not JDK 17; the recorded outputs carry the checks";
  size_t compared = 0;
  for (const WriteCase& c : load_cases()) {
    if (std::find(kLiveCases.begin(), kLiveCases.end(), c.name) == kLiveCases.end()) continue;
    SCOPED_TRACE(c.name);
    ScratchDir kt_dir, ks_dir;
    prepare(kt_dir);
    prepare(ks_dir);
    const auto before = kstool_test::snapshot(ks_dir.path());
    const RunResult kt = run_case(keytool, c, kt_dir);
    const RunResult ks = run_case(KSTOOL_PATH, c, ks_dir);
    bool own_rc = false, own_out = false, own_err = false;
    expected_text(c.name, "rc", &own_rc);
    expected_text(c.name, "out", &own_out);
    expected_text(c.name, "err", &own_err);
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
    check_files(c, keytool_wrote, before, ks_dir);
    ++compared;
  }
  EXPECT_EQ(kLiveCases.size(), compared);
}

}  // namespace
