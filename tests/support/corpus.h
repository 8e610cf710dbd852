// The interoperability corpus (keystores other projects made, kept outside
// the repository; see corpus_dir()): its expected.json, one test case per
// file, the known-gaps ratchet and a collector for findings, shared by the
// corpus tests.
#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "kstore/bytes.h"
#include "kstore/password.h"
#include "kstore/status.h"
#include "support/json.h"

namespace kstore::testing::corpus {

// The corpus is read in place, never copied into the project: the
// KSTORE_CORPUS_DIR build setting (../shared/interop-corpus beside the
// checkout), or the environment variable of that name, which tests use to
// check how the suite behaves without the corpus.
std::string corpus_dir();
// Whether expected.json is there; tests that need the corpus skip with
// unavailable_message() when it is not.
bool available();
std::string unavailable_message();

// One file of expected.json, as a gtest parameter.
struct Case {
  std::string file;       // path inside the corpus ("pyjks/3certs.jks")
  std::string test_name;  // file sanitised for gtest: [A-Za-z0-9_] only, unique
  size_t index = 0;       // position in expected.json's "files"
  // Set on the single placeholder case used when the corpus cannot be read.
  std::string setup_error;
  bool corpus_missing = false;
};
void PrintTo(const Case& c, std::ostream* os);

// Every file in expected.json; one placeholder case if the corpus is missing
// or its expected.json does not parse (the test then skips or fails with why).
std::vector<Case> cases();
std::string case_name(const Case& c);

// The expected.json item for a case (loaded once per process).
const json::Value& spec(const Case& c);
// The whole of expected.json; null if it did not load.
const json::Value& document();

// File bytes from the corpus.
Result<Bytes> read_corpus_file(const std::string& relative_path);

// "storePassword" and similar fields: a string is a password (UTF-8, as Java
// chars); null means "no password".
std::optional<Password> password_from(const json::Value& v);

// Lower-case hex SHA-256, as expected.json writes fingerprints.
std::string sha256_hex(ByteView bytes);

// testdata/corpus/<name>: lines "file<TAB>reason"; '#' starts a comment line.
// The first column is a corpus path, or "format:<format>" for every file of
// that format in expected.json (for an engine that is not built yet).
struct KnownGaps {
  std::map<std::string, std::string> by_file;
  std::map<std::string, std::string> by_format;
  std::string source;  // path, for messages

  // The reason if `file` (of `format`) is a known gap.
  std::optional<std::string> find(const std::string& file, const std::string& format) const;
};
Result<KnownGaps> read_known_gaps(const std::string& name);

// What one corpus check found: failed expectations, and notes for the log.
class Findings {
 public:
  template <typename... Parts>
  void fail(Parts&&... parts) {
    failures_.push_back(concat(std::forward<Parts>(parts)...));
  }
  template <typename... Parts>
  void note(Parts&&... parts) {
    notes_.push_back(concat(std::forward<Parts>(parts)...));
  }
  const std::vector<std::string>& failures() const { return failures_; }
  const std::vector<std::string>& notes() const { return notes_; }

 private:
  template <typename... Parts>
  static std::string concat(Parts&&... parts) {
    std::ostringstream s;
    (s << ... << parts);
    return s.str();
  }
  std::vector<std::string> failures_;
  std::vector<std::string> notes_;
};

// Ends a corpus test: prints the notes, and
//  - not a known gap: every failure is a test failure;
//  - a known gap: the failures are printed, and the test fails only if there
//    are none (the gap is fixed: its line must go, so the list only shrinks).
void report(const Findings& findings, const std::optional<std::string>& gap_reason, const std::string& gaps_file);

// Printable form of an alias (escapes control characters such as a trailing NUL).
std::string printable(std::string_view s);

}  // namespace kstore::testing::corpus
