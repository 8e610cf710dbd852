// kstool against keytool: every case in testdata/fixtures/cases.tsv is run
// with the arguments, stdin and environment keytool (JDK 17) was run with
// when the fixtures were made, and stdout, stderr and the exit status must be
// byte-identical to keytool's (testdata/fixtures/expected/). Where kstool
// deliberately differs, testdata/fixtures/kstool-expected/ holds the
// expected file instead (see its README).
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "kstool_run_util.h"

namespace {

using kstool_test::run_kstool;
using kstore::testing::file_text;

const std::string kFixtures = kstore::testing::testdata_path("fixtures");

struct FixtureCase {
  std::string name;
  std::string stdin_file;  // "-" = /dev/null
  std::string now_ms;
  std::string env;         // "-" or NAME=VALUE
  std::vector<std::string> args;
};

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  for (;;) {
    const size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return fields;
}

std::vector<FixtureCase> load_cases() {
  std::vector<FixtureCase> cases;
  std::ifstream in(kFixtures + "/cases.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> f = split_tabs(line);
    if (f.size() < 4) continue;
    FixtureCase c{f[0], f[1], f[2], f[3], {}};
    // A case without arguments has an empty fifth field.
    for (size_t i = 4; i < f.size(); ++i)
      if (!(i == 4 && f.size() == 5 && f[4].empty())) c.args.push_back(f[i]);
    cases.push_back(std::move(c));
  }
  return cases;
}

bool exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

// What a case must print on one stream: keytool's bytes (expected/), or
// kstool's own where it deliberately differs (kstool-expected/<name>.<ext>,
// exact; or <name>.<ext>.prefix, which the output must start with).
struct Expectation {
  std::string bytes;
  bool prefix_only = false;
};

Expectation expectation(const std::string& name, const std::string& ext) {
  const std::string base = kFixtures + "/kstool-expected/" + name + "." + ext;
  if (exists(base)) return {file_text(base), false};
  if (exists(base + ".prefix")) return {file_text(base + ".prefix"), true};
  return {file_text(kFixtures + "/expected/" + name + "." + ext), false};
}

void check_stream(const char* what, const Expectation& want, const std::string& actual) {
  if (want.prefix_only) {
    EXPECT_EQ(want.bytes, actual.substr(0, want.bytes.size()))
        << what << " does not start with the expected text; full " << what << ":\n" << actual;
  } else {
    EXPECT_TRUE(want.bytes == actual) << what << " differs: " << kstool_test::first_difference(want.bytes, actual)
                                      << "\nfull " << what << ":\n" << actual;
  }
}

void PrintTo(const FixtureCase& c, std::ostream* os) { *os << c.name; }

class KstoolFixtureTest : public ::testing::TestWithParam<FixtureCase> {};

TEST_P(KstoolFixtureTest, MatchesKeytool) {
  const FixtureCase& c = GetParam();
  std::vector<std::string> env = {"HOME=/nonexistent-home", "KSTORE_NOW_MS=" + c.now_ms};
  if (c.env != "-") env.push_back(c.env);
  const std::string stdin_path = c.stdin_file == "-" ? "" : kFixtures + "/" + c.stdin_file;
  const kstool_test::RunResult r = run_kstool(c.args, kFixtures, env, stdin_path);

  const int want_rc = std::stoi(expectation(c.name, "rc").bytes);
  EXPECT_EQ(want_rc, r.exit_code) << "stdout:\n" << r.out << "\nstderr:\n" << r.err;
  check_stream("stdout", expectation(c.name, "out"), r.out);
  check_stream("stderr", expectation(c.name, "err"), r.err);
}

std::string case_name(const ::testing::TestParamInfo<FixtureCase>& info) {
  std::string n = info.param.name;
  for (char& ch : n)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return n;
}

INSTANTIATE_TEST_SUITE_P(Kstool, KstoolFixtureTest, ::testing::ValuesIn(load_cases()), case_name);

TEST(KstoolFixtures, ManifestIsThere) { EXPECT_GT(load_cases().size(), 100u); }

// kstool's -showhidden: keytool's stdout unchanged, then the entries the JDK
// does not see, and no note on stderr since nothing is left out.
TEST(KstoolFixtures, ShowHiddenListsWhatTheJdkDoesNotSee) {
  for (const FixtureCase& c : load_cases()) {
    if (c.name != "openssl_nokeys_p12_list_v" && c.name != "openssl_nokeys_p12_list_rfc" &&
        c.name != "openssl_nomac_list" && c.name != "openssl_nomac_list_v")
      continue;
    SCOPED_TRACE(c.name);
    std::vector<std::string> args = c.args;
    args.push_back("-showhidden");
    const kstool_test::RunResult r =
        run_kstool(args, kFixtures, {"HOME=/nonexistent-home", "KSTORE_NOW_MS=" + c.now_ms});
    EXPECT_EQ(0, r.exit_code) << r.out << r.err;
    const std::string keytool_out = file_text(kFixtures + "/expected/" + c.name + ".out");
    ASSERT_EQ(keytool_out, r.out.substr(0, keytool_out.size()));
    const std::string rest = r.out.substr(keytool_out.size());
    EXPECT_EQ(0u, rest.find("kstool: entries the JDK does not see: 1\n\n")) << rest;
    EXPECT_NE(std::string::npos, rest.find("Not visible to the JDK: ")) << rest;
    EXPECT_EQ(file_text(kFixtures + "/expected/" + c.name + ".err"), r.err);
  }
}

// -debug: keytool prints each certificate as Java's X509Certificate
// toString(), which kstool replaces by its -v text (kstool-expected/ holds
// kstool's whole stdout). Everything around the certificates must still be
// keytool's: the same framing lines in the same order, stderr and the exit
// status byte for byte.
std::vector<std::string> framing_lines(const std::string& out) {
  static const char* const kFraming[] = {"Command line args: ", "Keystore type: ", "Keystore provider: ",
                                         "Your keystore contains ", "Alias name: ", "Creation date: ",
                                         "Entry type: ", "Certificate chain length: ", "Certificate[",
                                         "keytool error: ", "-----BEGIN ", "*******"};
  std::vector<std::string> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    for (const char* prefix : kFraming) {
      if (line.starts_with(prefix)) {
        lines.push_back(line);
        break;
      }
    }
  }
  return lines;
}

// keytool's stderr without the Java stack trace under "Exception in thread".
std::string without_stack_frames(const std::string& err) {
  std::string kept;
  std::istringstream in(err);
  for (std::string line; std::getline(in, line);)
    if (!line.starts_with("\t") && !line.starts_with("Caused by: ")) kept += line + "\n";
  return kept;
}

TEST(KstoolFixtures, DebugFramesCertificatesAsKeytoolDoes) {
  size_t checked = 0;
  for (const FixtureCase& c : load_cases()) {
    if (!c.name.starts_with("debug_")) continue;
    SCOPED_TRACE(c.name);
    ++checked;
    const kstool_test::RunResult r =
        run_kstool(c.args, kFixtures, {"HOME=/nonexistent-home", "KSTORE_NOW_MS=" + c.now_ms});
    EXPECT_EQ(std::stoi(file_text(kFixtures + "/expected/" + c.name + ".rc")), r.exit_code);
    EXPECT_EQ(without_stack_frames(file_text(kFixtures + "/expected/" + c.name + ".err")), r.err);
    EXPECT_EQ(framing_lines(file_text(kFixtures + "/expected/" + c.name + ".out")), framing_lines(r.out));
  }
  EXPECT_GE(checked, 10u);
}

}  // namespace
