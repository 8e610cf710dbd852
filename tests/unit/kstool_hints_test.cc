// kstool's hint lines (tools/kstool/load_hints.h): one line on stderr where
// kstool knows more than keytool's error says; stdout and the exit status
// stay keytool's.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kstool_run_util.h"
#include "kstool_write_util.h"

namespace {

using kstool_test::RunResult;
using kstool_test::ScratchDir;
using kstore::testing::testdata_text;

RunResult list(const ScratchDir& dir, const std::string& store, const std::string& password = "changeit") {
  return kstool_test::run_kstool({"-list", "-keystore", store, "-storepass", password}, dir.path(), {});
}

TEST(KstoolHints, FileCutShort) {
  ScratchDir dir;
  for (const auto& [name, source] : {std::pair<std::string, std::string>{"cut.jks", "sample/sample.jks"},
                                     {"cut.p12", "pkcs12/jdk17_modern.p12"}}) {
    SCOPED_TRACE(name);
    const std::string whole = testdata_text(source);
    kstool_test::write_bytes(dir.file(name), whole.substr(0, whole.size() * 2 / 3));
    const RunResult r = list(dir, name);
    EXPECT_EQ(1, r.exit_code);
    EXPECT_EQ(0u, r.out.find("keytool error: java.io.IOException: " + name + ": malformed ")) << r.out;
    EXPECT_NE(std::string::npos, r.err.find("kstool: hint: " + name + " ends before the data it announces")) << r.err;
  }
}

TEST(KstoolHints, LengthNoFileCouldHoldIsNotACut) {
  ScratchDir dir;
  std::string bytes = testdata_text("sample/sample.jks");
  // The entry count (offset 8) made 2^31 - 1: entries no file could hold,
  // so the count is wrong, not the file cut.
  bytes[8] = '\x7f';
  bytes[9] = bytes[10] = bytes[11] = '\xff';
  kstool_test::write_bytes(dir.file("wrong.jks"), bytes);
  const RunResult r = list(dir, "wrong.jks");
  EXPECT_EQ(1, r.exit_code);
  EXPECT_EQ(std::string::npos, r.err.find("cut short")) << r.err;
}

TEST(KstoolHints, PemGivenAsKeystore) {
  ScratchDir dir;
  kstool_test::write_bytes(dir.file("ca.pem"), "Subject: CN=ca\n-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
  const RunResult r = list(dir, "ca.pem");
  EXPECT_EQ(1, r.exit_code);
  EXPECT_EQ("keytool error: java.security.KeyStoreException: Unrecognized keystore format. Please load it with a "
            "specified type\n",
            r.out);
  EXPECT_EQ("kstool: hint: ca.pem is PEM text (CERTIFICATE), not a keystore\n", r.err);
}

TEST(KstoolHints, NameSaysAnotherFormat) {
  ScratchDir dir;
  kstool_test::write_bytes(dir.file("store.jks"), testdata_text("pkcs12/jdk17_modern.p12"));
  const RunResult wrong = list(dir, "store.jks", "not-the-password");
  EXPECT_EQ(1, wrong.exit_code);
  EXPECT_EQ("keytool error: java.io.IOException: keystore password was incorrect\n", wrong.out);
  EXPECT_EQ("kstool: hint: store.jks holds a PKCS12 keystore, although its name says JKS\n", wrong.err);
  // Only failures get the hint: a JKS store migrated in place keeps its name.
  EXPECT_EQ("", list(dir, "store.jks").err);
}

TEST(KstoolHints, PasswordInAnEncodingKeytoolDoesNotTry) {
  ScratchDir dir;
  const RunResult ok = kstool_test::run_kstool(
      {"-list", "-keystore", kstore::testing::testdata_path("pkcs12/jdk25_nonascii_legacy.p12"), "-storepass", "p\xC3\xA4ssw\xC3\xB6rd\xE2\x82\xAC"},
      dir.path(), {});
  EXPECT_EQ(0, ok.exit_code) << ok.out << ok.err;
  EXPECT_NE(std::string::npos, ok.err.find("kstool: hint: the password opened ")) << ok.err;
  EXPECT_NE(std::string::npos, ok.err.find("keytool 17 would reject it")) << ok.err;
  EXPECT_EQ(std::string::npos, ok.out.find("kstool")) << "stdout stays keytool's";
}

}  // namespace
