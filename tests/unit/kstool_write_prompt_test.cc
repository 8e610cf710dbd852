// The questions of the write commands answered from a terminal, where each
// answer arrives as its own line (piped answers are covered by the keytool
// fixtures in kstool_write_test.cc: there keytool's first question takes
// all the input). kstool runs in-process here with a scripted stdin.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "kstool/context.h"
#include "kstool/reply_prompt.h"
#include "kstool/run.h"
#include "kstool_write_util.h"

namespace {

using kstool_test::ScratchDir;
using kstore::testing::file_text;

const std::string kStores = kstore::testing::testdata_path("fixtures/stores");

// Bytes typed on a terminal (one line at a time: nothing is "ready" beyond
// the line being read), or piped (everything is ready at once).
class ScriptedStdin : public kstool::Stdin {
 public:
  ScriptedStdin(std::string bytes, bool piped) : bytes_(std::move(bytes)), piped_(piped) {}
  int read_byte() override {
    if (!pushed_.empty()) {
      const int b = pushed_.back();
      pushed_.pop_back();
      return b;
    }
    return pos_ < bytes_.size() ? static_cast<unsigned char>(bytes_[pos_++]) : -1;
  }
  void unread(int b) override { pushed_.push_back(b); }
  bool is_console() override { return false; }
  bool ready() override { return piped_; }
  std::optional<kstore::SecretBytes> read_console_line_without_echo() override { return std::nullopt; }
  std::string rest() {
    std::string r;
    for (int c; (c = read_byte()) >= 0;) r.push_back(static_cast<char>(c));
    return r;
  }

 private:
  std::string bytes_;
  size_t pos_ = 0;
  std::vector<int> pushed_;
  bool piped_;
};

struct InProcessRun {
  int exit_code;
  std::string out;
  std::string err;
};

InProcessRun run_typed(std::vector<std::string> args, const std::string& typed) {
  ScriptedStdin in(typed, /*piped=*/false);
  std::ostringstream out, err;
  kstool::Environment env;
  env.getenv = [](const std::string&) -> std::optional<std::string_view> { return std::nullopt; };
  env.now_ms = 1764374400000;
  env.home = "/nonexistent";
  const int rc = kstool::run(std::move(args), kstool::Io{out, err, in}, env);
  return {rc, out.str(), err.str()};
}

std::set<std::string> aliases_of(const std::string& path) {
  std::map<std::string, kstool_test::EntryContent> entries;
  EXPECT_EQ("", kstool_test::describe_store(file_text(path), "changeit", {"changeit", "keypass2"}, entries));
  std::set<std::string> out;
  for (const auto& [alias, c] : entries)
    if (alias != "<format>") out.insert(alias);
  return out;
}

TEST(KstoolReplyPrompt, PipedInputIsTakenByTheFirstQuestion) {
  ScriptedStdin piped("dsa\nmore\n", /*piped=*/true);
  std::ostringstream out, err;
  kstool::Io io{out, err, piped};
  EXPECT_EQ("dsa", kstool::ask_line(io, "Enter alias name:  "));
  EXPECT_EQ("", piped.rest());
  EXPECT_EQ("Enter alias name:  ", err.str());
}

TEST(KstoolReplyPrompt, TypedLinesAnswerOneQuestionEach) {
  ScriptedStdin typed("maybe\nYES\nrest", /*piped=*/false);
  std::ostringstream out, err;
  kstool::Io io{out, err, typed};
  EXPECT_EQ(kstool::YesNo::kYes, kstool::ask_yes_no(io, "Q? [no]:  "));
  EXPECT_EQ("Q? [no]:  Wrong answer, try again\nQ? [no]:  ", err.str());
  EXPECT_EQ("rest", typed.rest());
}

TEST(KstoolWritePrompts, OverwriteDeclinedThenNewName) {
  ScratchDir dir;
  kstool_test::write_bytes(dir.file("basic.jks"), file_text(kStores + "/basic.jks"));
  kstool_test::write_bytes(dir.file("mixed.p12"), file_text(kStores + "/mixed.p12"));
  const InProcessRun r = run_typed({"-importkeystore", "-srckeystore", dir.file("basic.jks"), "-srcstorepass", "changeit",
                                    "-destkeystore", dir.file("mixed.p12"), "-deststorepass", "changeit", "-srcalias",
                                    "mykey", "-destalias", "LEAF"},
                                   "no\nRenamed\n");
  EXPECT_EQ(0, r.exit_code) << r.out << r.err;
  EXPECT_EQ("Importing keystore " + dir.file("basic.jks") + " to " + dir.file("mixed.p12") +
                "...\nExisting entry alias mykey exists, overwrite? [no]:  "
                "Enter new alias name\t(RETURN to cancel import for this entry):  ",
            r.err);
  const std::set<std::string> now = aliases_of(dir.file("mixed.p12"));
  EXPECT_EQ(1u, now.count("renamed"));
  EXPECT_EQ(1u, now.count("leaf"));
}

TEST(KstoolWritePrompts, OverwriteDeclinedThenCancelled) {
  ScratchDir dir;
  kstool_test::write_bytes(dir.file("mixed.p12"), file_text(kStores + "/mixed.p12"));
  kstool_test::write_bytes(dir.file("dest.p12"), file_text(kStores + "/mixed.p12"));
  // All six entries exist in the destination: overwrite the first, cancel
  // the second, and the four others see the end of input (= no, then no
  // new name: kstool stops without writing).
  const std::string before = file_text(dir.file("dest.p12"));
  const InProcessRun stopped =
      run_typed({"-importkeystore", "-srckeystore", dir.file("mixed.p12"), "-srcstorepass", "changeit", "-destkeystore",
                 dir.file("dest.p12"), "-deststorepass", "changeit"},
                "yes\nno\n\n");
  EXPECT_EQ(1, stopped.exit_code);
  EXPECT_NE(std::string::npos, stopped.err.find("Entry for alias leaf successfully imported.\n"));
  EXPECT_NE(std::string::npos, stopped.err.find("Entry for alias ec256 not imported.\n"));
  EXPECT_NE(std::string::npos, stopped.out.find("no new alias name was given"));
  EXPECT_TRUE(before == file_text(dir.file("dest.p12"))) << "a stopped import must not write";

  // One alias, cancelled: nothing imported, not a failure.
  const InProcessRun cancelled =
      run_typed({"-importkeystore", "-srckeystore", dir.file("mixed.p12"), "-srcstorepass", "changeit", "-destkeystore",
                 dir.file("dest.p12"), "-deststorepass", "changeit", "-srcalias", "dsa"},
                "n\n\n");
  EXPECT_EQ(0, cancelled.exit_code) << cancelled.out;
  EXPECT_NE(std::string::npos, cancelled.err.find("Entry for alias dsa not imported.\n"));
}

TEST(KstoolWritePrompts, TypedAliasesForDeleteAndChangeAlias) {
  ScratchDir dir;
  kstool_test::write_bytes(dir.file("mixed.jks"), file_text(kStores + "/mixed.jks"));
  const InProcessRun del = run_typed({"-delete", "-keystore", dir.file("mixed.jks"), "-storepass", "changeit"}, "DSA\n");
  EXPECT_EQ(0, del.exit_code) << del.out;
  const InProcessRun ren =
      run_typed({"-changealias", "-keystore", dir.file("mixed.jks"), "-alias", "ec256"}, "changeit\nEc-New\n");
  EXPECT_EQ(0, ren.exit_code) << ren.out;
  EXPECT_EQ(0u, ren.err.find("Enter keystore password:  Enter destination alias name:  "));
  const std::set<std::string> now = aliases_of(dir.file("mixed.jks"));
  EXPECT_EQ(0u, now.count("dsa"));
  EXPECT_EQ(0u, now.count("ec256"));
  EXPECT_EQ(1u, now.count("ec-new"));
}

}  // namespace
