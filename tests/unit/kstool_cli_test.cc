// kstool's own pieces: keytool's word matching, the argument parser, Java
// number/date/string rules, the password reader, and the kstool-only
// behaviours no keytool transcript covers.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <ctime>
#include <fstream>
#include <sstream>

#include "kstool/cli.h"
#include "kstore/java_string.h"
#include "kstool/conf_file.h"
#include "kstool/help.h"
#include "kstool/terminal.h"
#include "kstool/text.h"
#include "kstool_run_util.h"

namespace {

using kstool::Command;
using kstool::Invocation;
using kstool::Outcome;

// ---- collation ----------------------------------------------------------------

TEST(KstoolCollator, CaseAndAccentsDoNotMatter) {
  EXPECT_TRUE(kstool::collator_equals("-list", "-list"));
  EXPECT_TRUE(kstool::collator_equals("-LIST", "-list"));
  EXPECT_TRUE(kstool::collator_equals("-LiSt", "-list"));
  EXPECT_TRUE(kstool::collator_equals("-lïst", "-list"));
  EXPECT_TRUE(kstool::collator_equals("-KÉYSTÖRE", "-keystore"));
  EXPECT_TRUE(kstool::collator_equals("-l\u0301ist", "-list"));  // combining acute accent
  EXPECT_FALSE(kstool::collator_equals("-lis", "-list"));
  EXPECT_FALSE(kstool::collator_equals("-listt", "-list"));
  EXPECT_FALSE(kstool::collator_equals("list", "-list"));
}

// ---- parser ---------------------------------------------------------------------

struct Parsed {
  Outcome outcome;
  Invocation inv;
};

Parsed parse(std::vector<std::string> args, std::map<std::string, std::string> env = {}) {
  kstool::ParseEnvironment penv;
  // The map lives as long as penv's copy of this lambda, so the views stay valid.
  penv.getenv = [env](const std::string& name) -> std::optional<std::string_view> {
    auto it = env.find(name);
    if (it == env.end()) return std::nullopt;
    return std::string_view(it->second);
  };
  Parsed p{Outcome::ok(), Invocation{}};
  p.outcome = kstool::parse_args(args, penv, p.inv);
  return p;
}

std::string password_text(const std::optional<kstore::Password>& p) {
  std::string s;
  for (size_t i = 0; p && i < p->length(); ++i) s.push_back(static_cast<char>(p->char_at(i)));
  return s;
}

TEST(KstoolParser, CommandAndOptions) {
  Parsed p = parse({"-LIST", "-keystore", "a.jks", "-storepass", "secret", "-v", "-alias", "X"});
  ASSERT_TRUE(p.outcome.is_ok());
  EXPECT_EQ(Command::kList, p.inv.command);
  EXPECT_EQ("a.jks", p.inv.keystore);
  EXPECT_EQ("secret", password_text(p.inv.storepass));
  EXPECT_TRUE(p.inv.verbose);
  EXPECT_EQ("X", p.inv.alias);
}

TEST(KstoolParser, AlternativeCommandNames) {
  EXPECT_EQ(Command::kGenKeyPair, parse({"-genkey"}).inv.command);
  EXPECT_EQ(Command::kImportCert, parse({"-import"}).inv.command);
  EXPECT_EQ(Command::kExportCert, parse({"-export"}).inv.command);
  EXPECT_EQ(Command::kImportPass, parse({"-importpassword"}).inv.command);
  EXPECT_EQ(Command::kKeyClone, parse({"-keyclone"}).inv.command);
}

TEST(KstoolParser, TwoCommands) {
  Parsed p = parse({"-list", "-keystore", "x", "-DELETE"});
  ASSERT_EQ(Outcome::Kind::kError, p.outcome.kind());
  EXPECT_EQ("java.lang.Exception: Only one command is allowed: both -list and -delete were specified.",
            p.outcome.error_text());
}

TEST(KstoolParser, UsageErrors) {
  struct Case {
    std::vector<std::string> args;
    std::string message;
    std::optional<Command> usage_of;
  };
  const Case cases[] = {
      {{"-list", "-bogus"}, "Illegal option:  -bogus", Command::kList},
      {{"-bogus", "-list"}, "Illegal option:  -bogus", Command::kList},  // the command is known from the first pass
      {{"-bogus"}, "Illegal option:  -bogus", std::nullopt},
      {{"-list", "stray"}, "Illegal option:  stray", Command::kList},
      {{"-list", "-keystore"}, "Command option -keystore needs an argument.", Command::kList},
      {{"-list", "-KEYSTORE"}, "Command option -KEYSTORE needs an argument.", Command::kList},
      {{"-keystore", "x"}, "Usage error: no command provided", std::nullopt},
      {{"-list", "-storepass:env", "NOPE"}, "Cannot find environment variable: NOPE", Command::kList},
      {{"-list", "-storepass:weird", "x"}, "Unknown password type: weird", Command::kList},
      {{"-list", "-storepass:file", "/nonexistent/file"}, "Cannot find file: /nonexistent/file", Command::kList},
      {{"-list", "-addprovider", "X", "-providerarg"}, "Command option -providerarg needs an argument.", Command::kList},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(::testing::PrintToString(c.args));
    Parsed p = parse(c.args);
    ASSERT_EQ(Outcome::Kind::kUsage, p.outcome.kind());
    EXPECT_EQ(c.message, p.outcome.message());
    EXPECT_EQ(c.usage_of, p.inv.command);
  }
}

TEST(KstoolParser, OptionValueIsTakenBlindly) {
  Parsed p = parse({"-list", "-alias", "-v"});
  ASSERT_TRUE(p.outcome.is_ok());
  EXPECT_EQ("-v", p.inv.alias);
  EXPECT_FALSE(p.inv.verbose);
}

TEST(KstoolParser, MissingValueOfAnOptionKeytoolDoesNotCheck) {
  // "-storepass:env" is not an Option name, so keytool indexes past the end.
  Parsed p = parse({"-list", "-storepass:env"});
  ASSERT_EQ(Outcome::Kind::kError, p.outcome.kind());
  EXPECT_EQ("java.lang.ArrayIndexOutOfBoundsException: Index 2 out of bounds for length 2", p.outcome.error_text());
}

TEST(KstoolParser, RepeatedOptionsWarnOnceEachTime) {
  Parsed p = parse({"-list", "-keystore", "a", "-KEYSTORE", "b", "-ext", "x", "-ext", "y"});
  ASSERT_TRUE(p.outcome.is_ok());
  EXPECT_EQ("b", p.inv.keystore);
  ASSERT_EQ(1u, p.inv.warnings.size());
  EXPECT_EQ("The -keystore option is specified multiple times. All except the last one will be ignored.",
            p.inv.warnings[0]);
  EXPECT_EQ((std::vector<std::string>{"x", "y"}), p.inv.ext);
}

TEST(KstoolParser, Help) {
  EXPECT_EQ(Outcome::Kind::kHelp, parse({}).outcome.kind());
  for (const char* h : {"-help", "-h", "-?", "--help", "-HELP"}) {
    Parsed general = parse({h});
    EXPECT_EQ(Outcome::Kind::kHelp, general.outcome.kind()) << h;
    EXPECT_FALSE(general.inv.command.has_value());
    Parsed command = parse({"-delete", h});
    EXPECT_EQ(Outcome::Kind::kHelp, command.outcome.kind()) << h;
    EXPECT_EQ(Command::kDelete, command.inv.command);
  }
}

TEST(KstoolParser, Numbers) {
  EXPECT_EQ(2048, parse({"-list", "-keysize", "2048"}).inv.keysize);
  EXPECT_EQ(-5, parse({"-list", "-keysize", "-5"}).inv.keysize);
  EXPECT_EQ(-2147483648, parse({"-list", "-keysize", "-2147483648"}).inv.keysize);
  for (const char* bad : {"big", "", "2147483648", "1.5", "+", "0x10"}) {
    Parsed p = parse({"-list", "-keysize", bad});
    ASSERT_EQ(Outcome::Kind::kError, p.outcome.kind()) << bad;
    EXPECT_EQ(std::string("java.lang.NumberFormatException: For input string: \"") + bad + "\"",
              p.outcome.error_text());
  }
  EXPECT_EQ(9223372036854775807LL, parse({"-list", "-validity", "9223372036854775807"}).inv.validity);
}

TEST(KstoolParser, StoreTypeNames) {
  EXPECT_EQ("PKCS12", parse({"-list", "-storetype", "pkcs12"}).inv.storetype);
  EXPECT_EQ("JCEKS", parse({"-list", "-storetype", "JceKs"}).inv.storetype);
  EXPECT_EQ("Windows-MY", parse({"-list", "-storetype", "windows-my"}).inv.storetype);
  EXPECT_EQ("XYZ", parse({"-list", "-storetype", "xyz"}).inv.storetype);
}

TEST(KstoolParser, PasswordModifiers) {
  EXPECT_EQ("from-env", password_text(parse({"-list", "-storepass:ENV", "PW"}, {{"PW", "from-env"}}).inv.storepass));
  const std::string dir = ::testing::TempDir();
  const std::string file = dir + "/kstool_pw.txt";
  {
    std::ofstream f(file, std::ios::binary);
    f << "line1\r\nline2\n";
  }
  EXPECT_EQ("line1", password_text(parse({"-list", "-storepass:file", file}).inv.storepass));
  EXPECT_EQ("line1", password_text(parse({"-list", "-storepass:file", "file://" + file}).inv.storepass));
  {
    std::ofstream f(file, std::ios::binary);
  }
  Parsed empty = parse({"-list", "-storepass:file", file});
  ASSERT_TRUE(empty.outcome.is_ok());
  ASSERT_TRUE(empty.inv.storepass.has_value());
  EXPECT_EQ(0u, empty.inv.storepass->length());
  std::remove(file.c_str());
  // A modifier on a non-password option is dropped.
  EXPECT_EQ("k.jks", parse({"-list", "-keystore:whatever", "k.jks"}).inv.keystore);
}

// ---- -conf ----------------------------------------------------------------------

TEST(KstoolConf, JavaProperties) {
  const std::map<std::string, std::string> p = kstool::parse_java_properties(
      "# comment\n! also a comment\n  key1 = value one\nkey2:value2\nkey3 value3\n"
      "long = first \\\n    second\r\nesc = a\\tb\\u0041\nempty\n");
  EXPECT_EQ("value one", p.at("key1"));
  EXPECT_EQ("value2", p.at("key2"));
  EXPECT_EQ("value3", p.at("key3"));
  EXPECT_EQ("first second", p.at("long"));
  EXPECT_EQ("a\tbA", p.at("esc"));
  EXPECT_EQ("", p.at("empty"));
  EXPECT_EQ(0u, p.count("#"));
}

TEST(KstoolConf, PrependsAllThenCommandWords) {
  const std::string file = ::testing::TempDir() + "/kstool_conf.txt";
  {
    std::ofstream f(file, std::ios::binary);
    f << "keytool.all = -keystore ${user.home}/ks.p12\n"
         "keytool.list = -v -alias \"two words\" '${/}x'\n"
         "keytool.genkey = -keyalg EC\n";
  }
  std::vector<std::string> args = {"-list", "-conf", file};
  ASSERT_TRUE(kstool::expand_conf_args(file, "-list", nullptr, {{"user.home", "/h"}}, args).is_ok());
  EXPECT_EQ((std::vector<std::string>{"-keystore", "/h/ks.p12", "-v", "-alias", "two words", "/x", "-list", "-conf",
                                      file}),
            args);
  // A command and its alternative name cannot both be configured.
  {
    std::ofstream f(file, std::ios::binary);
    f << "keytool.genkeypair = -v\nkeytool.genkey = -v\n";
  }
  std::vector<std::string> g = {"-genkeypair"};
  Outcome both = kstool::expand_conf_args(file, "-genkeypair", "-genkey", {}, g);
  EXPECT_EQ("java.io.IOException: Cannot have both -genkeypair and -genkey as pre-configured options",
            both.error_text());
  // An unknown property fails.
  {
    std::ofstream f(file, std::ios::binary);
    f << "keytool.all = ${no.such.property}\n";
  }
  std::vector<std::string> u = {"-list"};
  EXPECT_EQ("sun.security.util.PropertyExpander$ExpandException: unable to expand property no.such.property",
            kstool::expand_conf_args(file, "-list", nullptr, {}, u).error_text());
  std::remove(file.c_str());
}

// ---- help -----------------------------------------------------------------------

TEST(KstoolHelp, ListUsageMatchesKeytool) {
  std::ostringstream err;
  kstool::print_usage(err, Command::kList);
  const std::string expected = kstore::testing::testdata_text("fixtures/expected/help_list.err");
  EXPECT_EQ(expected, err.str());
}

TEST(KstoolHelp, GeneralHelpMatchesKeytool) {
  std::ostringstream err;
  kstool::print_usage(err, std::nullopt);
  const std::string expected = kstore::testing::testdata_text("fixtures/expected/help_help.err");
  EXPECT_EQ(expected, err.str());
}

// ---- Java text rules ---------------------------------------------------------------

TEST(KstoolText, StringCompareIsUtf16Order) {
  EXPECT_LT(kstore::java_compare("a", "b"), 0);
  EXPECT_LT(kstore::java_compare("a", "ab"), 0);
  EXPECT_LT(kstore::java_compare("Z", "a"), 0);
  // U+1F600 is D83D DE00 in UTF-16, below U+FF5A; in code points it is above.
  EXPECT_LT(kstore::java_compare("\xF0\x9F\x98\x80", "\xEF\xBD\x9A"), 0);
  EXPECT_EQ(0, kstore::java_compare("same", "same"));
}

// Orders printed by java.util.Hashtable.keys() on JDK 17 for these insertions.
TEST(KstoolText, HashtableOrderIsJavas) {
  auto order_of = [](const std::vector<std::string>& keys) {
    std::vector<std::string> out;
    for (size_t i : kstore::java_hashtable_order(keys)) out.push_back(keys[i]);
    return out;
  };
  EXPECT_EQ((std::vector<std::string>{"mykey"}), order_of({"mykey"}));
  std::vector<std::string> letters;
  for (char c = 'a'; c <= 'z'; ++c) letters.emplace_back(1, c);
  std::vector<std::string> reversed(letters.rbegin(), letters.rend());
  EXPECT_EQ(reversed, order_of(letters));
  EXPECT_EQ((std::vector<std::string>{"zulu", "romeo", "alpha", "xray", "~tilde", "papa", "whiskey", "a b", "alpha-2",
                                      "alpha_2", "november", "yankee", "victor", "tango", "quebec", "mike", "alpha2",
                                      "10", "#hash", "sierra", "9", "uniform", "alpha.2", "beta", "b", "oscar"}),
            order_of({"zulu", "10", "9", "alpha-2", "alpha_2", "alpha.2", "alpha2", "alpha", "beta", "b", "~tilde",
                      "#hash", "a b", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango",
                      "uniform", "victor", "whiskey", "xray", "yankee"}));
  EXPECT_EQ((std::vector<std::string>{"\U0001F600", "schl\u00FCssel", "\u00F1and\u00FA", "cl\u00E9",
                                      "\u65E5\u672C", "\uFF5A\uFF5A"}),
            order_of({"cl\u00E9", "\u00F1and\u00FA", "\u65E5\u672C", "\U0001F600", "\uFF5A\uFF5A",
                      "schl\u00FCssel"}));
  EXPECT_EQ(0, kstore::java_hash_code(""));
  EXPECT_EQ(104374579, kstore::java_hash_code("mykey"));
}

TEST(KstoolText, IntegersHaveGroupingCommas) {
  EXPECT_EQ("0", kstool::format_integer(0));
  EXPECT_EQ("999", kstool::format_integer(999));
  EXPECT_EQ("1,000", kstool::format_integer(1000));
  EXPECT_EQ("25", kstool::format_integer(25));
  EXPECT_EQ("1,234,567", kstool::format_integer(1234567));
  EXPECT_EQ("-1,000", kstool::format_integer(-1000));
}

class ScopedTz {
 public:
  explicit ScopedTz(const char* tz) {
    if (const char* old = std::getenv("TZ")) old_ = old;
    ::setenv("TZ", tz, 1);
    ::tzset();
  }
  ~ScopedTz() {
    if (old_) {
      ::setenv("TZ", old_->c_str(), 1);
    } else {
      ::unsetenv("TZ");
    }
    ::tzset();
  }

 private:
  std::optional<std::string> old_;
};

TEST(KstoolText, MediumDates) {
  ScopedTz utc("UTC");
  EXPECT_EQ("Jan 1, 1970", kstool::format_medium_date(0));
  EXPECT_EQ("Dec 31, 1969", kstool::format_medium_date(-1));
  EXPECT_EQ("Nov 28, 2026", kstool::format_medium_date(1795895303000));
  EXPECT_EQ("Feb 29, 2024", kstool::format_medium_date(1709164800000));
  EXPECT_EQ("Sep 9, 2001", kstool::format_medium_date(1000000000000));
  // Java's calendar is Julian before 15 October 1582: the day before is 4 October.
  EXPECT_EQ("Oct 15, 1582", kstool::format_medium_date(-12219292800000));
  EXPECT_EQ("Oct 4, 1582", kstool::format_medium_date(-12219292800000 - 86400000));
  // Year of era: 1 BC is shown as 1.
  EXPECT_EQ("Jan 1, 1", kstool::format_medium_date(-62135769600000));
}

TEST(KstoolText, MediumDatesFollowTheTimeZone) {
  ScopedTz tokyo("Asia/Tokyo");
  EXPECT_EQ("Jan 1, 1970", kstool::format_medium_date(0));
  EXPECT_EQ("Jan 2, 1970", kstool::format_medium_date(15 * 3600 * 1000LL));
  ScopedTz la("America/Los_Angeles");
  EXPECT_EQ("Dec 31, 1969", kstool::format_medium_date(0));
}

// ---- password reading ----------------------------------------------------------------

class FakeStdin : public kstool::Stdin {
 public:
  explicit FakeStdin(std::string bytes, bool console = false) : bytes_(std::move(bytes)), console_(console) {}
  int read_byte() override {
    if (!pushed_.empty()) {
      int b = pushed_.back();
      pushed_.pop_back();
      return b;
    }
    return pos_ < bytes_.size() ? static_cast<unsigned char>(bytes_[pos_++]) : -1;
  }
  void unread(int b) override { pushed_.push_back(b); }
  bool is_console() override { return console_; }
  std::optional<kstore::SecretBytes> read_console_line_without_echo() override {
    kstore::SecretBytes line;
    int c;
    bool any = false;
    while ((c = read_byte()) >= 0) {
      any = true;
      if (c == '\n') return line;
      line.push_back(static_cast<uint8_t>(c));
    }
    if (!any) return std::nullopt;
    return line;
  }
  std::string rest() {
    std::string r;
    int c;
    while ((c = read_byte()) >= 0) r.push_back(static_cast<char>(c));
    return r;
  }

 private:
  std::string bytes_;
  size_t pos_ = 0;
  std::vector<int> pushed_;
  bool console_;
};

TEST(KstoolPassword, LineEndings) {
  struct Case {
    std::string input;
    std::optional<std::string> password;
    std::string rest;
  };
  const Case cases[] = {
      {"changeit\n", "changeit", ""},
      {"changeit\r\nnext", "changeit", "next"},
      {"changeit\r", "changeit", ""},
      {"changeit", "changeit", ""},
      {"ab\rcd\nnext", "ab\rcd", "next"},  // a lone \r inside the line stays
      {"\n", std::nullopt, ""},
      {"", std::nullopt, ""},
      {"\r\nx", std::nullopt, "x"},
      {"first\nsecond\n", "first", "second\n"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(::testing::PrintToString(c.input));
    FakeStdin in(c.input);
    std::optional<kstore::Password> p = kstool::read_password(in);
    ASSERT_EQ(c.password.has_value(), p.has_value());
    if (c.password) {
      EXPECT_EQ(*c.password, password_text(p));
    }
    EXPECT_EQ(c.rest, in.rest());
  }
}

TEST(KstoolPassword, EachByteIsOneChar) {
  FakeStdin in("p\xC3\xA4ss\n");
  std::optional<kstore::Password> p = kstool::read_password(in);
  ASSERT_TRUE(p);
  ASSERT_EQ(5u, p->length());
  EXPECT_EQ(0xC3, p->char_at(1));
  EXPECT_EQ(0xA4, p->char_at(2));
}

TEST(KstoolPassword, ConsoleEmptyLineIsNoPassword) {
  FakeStdin empty("\nrest", /*console=*/true);
  EXPECT_FALSE(kstool::read_password(empty).has_value());
  FakeStdin typed("secret\n", /*console=*/true);
  EXPECT_EQ("secret", password_text(kstool::read_password(typed)));
}

// ---- the binary: behaviours only kstool has --------------------------------------------

const std::string kFixtures = kstore::testing::testdata_path("fixtures");

TEST(KstoolBinary, UnimplementedCommandSaysSo) {
  kstool_test::RunResult r = kstool_test::run_kstool({"-gencrl", "-keystore", "stores/basic.jks", "-storepass", "changeit"},
                                                     kFixtures, {"HOME=/nonexistent"});
  EXPECT_EQ(1, r.exit_code);
  EXPECT_EQ("keytool error: java.lang.UnsupportedOperationException: kstool does not implement -gencrl\n", r.out);
  EXPECT_EQ("", r.err);
}

TEST(KstoolBinary, DefaultKeystoreIsInHome) {
  kstool_test::RunResult r = kstool_test::run_kstool({"-list", "-storepass", "changeit"}, kFixtures, {"HOME=/nonexistent"});
  EXPECT_EQ(1, r.exit_code);
  EXPECT_EQ("keytool error: java.lang.Exception: Keystore file does not exist: /nonexistent/.keystore\n", r.out);
}

TEST(KstoolBinary, MalformedFileNamesFileFormatAndPlace) {
  const std::string good = kstore::testing::file_text(kFixtures + "/stores/basic.jks");
  const std::string path = ::testing::TempDir() + "/kstool_truncated.jks";
  {
    std::ofstream f(path, std::ios::binary);
    f << good.substr(0, good.size() / 2);
  }
  kstool_test::RunResult r = kstool_test::run_kstool({"-list", "-keystore", path}, "/", {});
  EXPECT_EQ(1, r.exit_code);
  const std::string prefix = "keytool error: java.io.IOException: " + path + ": malformed JKS keystore: ";
  EXPECT_EQ(prefix, r.out.substr(0, prefix.size())) << r.out;
  EXPECT_EQ(1, std::count(r.out.begin(), r.out.end(), '\n')) << r.out;
  std::remove(path.c_str());
}

}  // namespace
