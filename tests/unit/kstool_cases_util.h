// Replaying a folder of cases recorded with keytool by testdata/record_cases.sh
// (testdata/write, testdata/secret) against kstool: the case list, the
// scratch folder a case runs in, keytool's expected texts (or kstool's own
// where it differs on purpose) and the files the case wrote.
#pragma once

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "kstool_run_util.h"
#include "kstool_write_util.h"

namespace kstool_test {

struct RecordedCase {
  std::string name;
  std::string stdin_file;  // "-" = /dev/null, else under stdin/
  std::string password;    // of the resulting keystores
  std::string env;         // "-" or NAME=VALUE
  std::vector<std::string> args;
};

inline void PrintTo(const RecordedCase& c, std::ostream* os) { *os << c.name; }

// The test's name: the case's, with "_prompted" for its answered-per-prompt run.
inline std::string case_name(const ::testing::TestParamInfo<RecordedCase>& info) {
  std::string name = info.param.name;
  for (char& ch : name)
    if (ch == '.') ch = '_';
  return name;
}

constexpr const char* kPrompted = ".prompted";

// A folder of recorded cases: <dir>/cases.tsv, stdin/, expected/, kstool-expected/.
class CaseFolder {
 public:
  explicit CaseFolder(std::string dir) : dir_(std::move(dir)) {}

  std::vector<RecordedCase> load() const {
    std::vector<RecordedCase> cases;
    std::ifstream in(dir_ + "/cases.tsv");
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
      cases.push_back(RecordedCase{f[0], f[1], f[2], f[3], std::vector<std::string>(f.begin() + 4, f.end())});
    }
    return cases;
  }

  // The cases record_cases.sh also ran answering one line per prompt, named
  // "<case>.prompted": their expected files are expected/<case>.prompted.*.
  std::vector<RecordedCase> load_prompted() const {
    std::vector<RecordedCase> cases;
    for (RecordedCase& c : load()) {
      if (!exists(dir_ + "/expected/" + c.name + kPrompted + ".rc")) continue;
      c.name += kPrompted;
      cases.push_back(std::move(c));
    }
    return cases;
  }

  // A scratch folder as record_cases.sh prepares it: the input keystores
  // from `stores`, stdin/ with the password files the cases name, home/.
  void prepare(const ScratchDir& dir, const std::string& stores, const std::vector<std::string>& inputs,
               const std::vector<std::string>& password_files) const {
    for (const std::string& name : inputs) write_bytes(dir.file(name), kstore::testing::file_text(stores + "/" + name));
    ::mkdir(dir.file("stdin").c_str(), 0755);
    ::mkdir(dir.file("home").c_str(), 0755);
    for (const std::string& name : password_files)
      write_bytes(dir.file("stdin/" + name), kstore::testing::file_text(dir_ + "/stdin/" + name));
  }

  // Runs a case: its input piped at once, or for a "<case>.prompted" case
  // one line per prompt.
  RunResult run(const std::string& program, const RecordedCase& c, const ScratchDir& dir) const {
    std::vector<std::string> env = {"HOME=" + dir.file("home")};
    if (c.env != "-") env.push_back(c.env);
    const std::string stdin_path = c.stdin_file == "-" ? "" : dir_ + "/stdin/" + c.stdin_file;
    if (c.name.ends_with(kPrompted)) return run_answering(program, c.args, dir.path(), env, stdin_path);
    return run_program(program, c.args, dir.path(), env, stdin_path);
  }

  // keytool's output for a stream, or kstool's own where it differs on purpose.
  std::string expected_text(const std::string& name, const std::string& ext, bool* deliberate = nullptr) const {
    const std::string own = dir_ + "/kstool-expected/" + name + "." + ext;
    if (deliberate) *deliberate = exists(own);
    return kstore::testing::file_text(exists(own) ? own : dir_ + "/expected/" + name + "." + ext);
  }

  bool differs_on_purpose(const std::string& name) const {
    return exists(dir_ + "/kstool-expected/" + name + ".rc") || exists(dir_ + "/kstool-expected/" + name + ".nofiles");
  }

  // The files keytool created or changed in the case, by name; none where
  // kstool deliberately writes none (kstool-expected/<case>.nofiles).
  std::map<std::string, std::string> expected_files(const std::string& name) const {
    if (exists(dir_ + "/kstool-expected/" + name + ".nofiles")) return {};
    const std::string files_dir = dir_ + "/expected/" + name + ".files";
    return exists(files_dir) ? snapshot(files_dir) : std::map<std::string, std::string>{};
  }

  // Checks the exit status, stdout and stderr against the recording.
  void check_output(const RecordedCase& c, const RunResult& r) const {
    EXPECT_EQ(std::stoi(expected_text(c.name, "rc")), r.exit_code) << "stdout:\n" << r.out << "\nstderr:\n" << r.err;
    const std::string want_out = expected_text(c.name, "out");
    const std::string want_err = expected_text(c.name, "err");
    EXPECT_TRUE(want_out == r.out) << "stdout: " << first_difference(want_out, r.out);
    EXPECT_TRUE(want_err == r.err) << "stderr: " << first_difference(want_err, r.err);
  }

  // Checks kstool's files against keytool's (`expected`: name → bytes):
  // keystores entry by entry, in-place backups byte for byte, and that
  // kstool wrote no other file.
  void check_files(const RecordedCase& c, const std::map<std::string, std::string>& expected,
                   const std::map<std::string, std::string>& before, const ScratchDir& dir,
                   const std::vector<std::string>& key_passwords, SecretKeys mode = SecretKeys::kExact) const {
    const std::map<std::string, std::string> after = snapshot(dir.path());
    const std::set<std::string> changed = changed_files(before, after);
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
      if (is_certificate_name(name)) {
        // An exported certificate: the same bytes.
        EXPECT_TRUE(it->second == bytes) << name << ": " << first_difference(bytes, it->second);
        continue;
      }
      EXPECT_EQ("", compare_stores(bytes, it->second, c.password, key_passwords, mode)) << name;
    }
    // No other file written. A file keytool rewrote may be byte-identical
    // in kstool's hands (keytool reorders a JKS store's entries when it
    // writes it back unchanged, kstool keeps their order); its entries were
    // compared above.
    if (!differs_on_purpose(c.name)) {
      for (const std::string& name : changed) EXPECT_EQ(1u, expected.count(name)) << "kstool also wrote " << name;
    }
  }

  // What the cases export (certificates, requests) ends in one of these,
  // or overwrites garbage.bin; every other file they write is a keystore.
  static bool is_certificate_name(const std::string& name) {
    for (const char* ext : {".cer", ".crt", ".pem", ".der", ".csr", ".bin"})
      if (name.ends_with(ext)) return true;
    return false;
  }

  static bool exists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
  }

 private:
  std::string dir_;
};

// keytool for the live runs: $KEYTOOL, else /usr/bin or /usr/local/bin; empty if none.
inline std::string find_keytool() {
  if (const char* k = std::getenv("KEYTOOL")) return k;
  for (const char* dir : {"/usr/bin", "/usr/local/bin"}) {
    const std::string p = std::string(dir) + "/keytool";
    if (::access(p.c_str(), X_OK) == 0) return p;
  }
  return "";
}

// True when `keytool` is JDK 17's, whose messages the recordings hold.
inline bool is_jdk17_keytool(const std::string& keytool) {
  const RunResult version = run_program(keytool, {"-J-version"}, "/", {});
  return version.err.find("version \"17") != std::string::npos;
}

}  // namespace kstool_test
