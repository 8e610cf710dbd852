// What kstool leaves of a store password in its memory once the command has
// run: nothing. kstool runs with tests/memory_dump/memory_dump_at_exit.cc
// preloaded, which writes every writable mapping of the process to a file at
// exit (what a core dump of it would hold); the password must not appear
// there in any encoding a format feeds its key derivation (UTF-8/ASCII,
// UTF-16BE as JKS and the PKCS#12 KDF use it, UTF-16LE), for every way of
// giving it: the argument, -storepass:env, -storepass:file and the prompt.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "kstool_run_util.h"
#include "kstore/file.h"
#include "kstore/keystore.h"
#include "kstore/password.h"

namespace {

// Distinctive, so that a hit cannot be anything else.
constexpr char kPassword[] = "Lantern-7Kq9-vault";

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;  // the ASan runtime refuses to come after a preloaded library
#else
constexpr bool kSanitized = false;
#endif

std::string utf16(std::string_view ascii, bool big_endian) {
  std::string out;
  for (char c : ascii) {
    if (big_endian) out.push_back('\0');
    out.push_back(c);
    if (!big_endian) out.push_back('\0');
  }
  return out;
}

// Where each encoding of the password occurs in `memory`, for the message.
std::vector<std::string> occurrences(const std::string& memory) {
  std::vector<std::string> found;
  const std::pair<const char*, std::string> forms[] = {
      {"UTF-8", kPassword}, {"UTF-16BE", utf16(kPassword, true)}, {"UTF-16LE", utf16(kPassword, false)}};
  for (const auto& [name, bytes] : forms) {
    for (size_t at = memory.find(bytes); at != std::string::npos; at = memory.find(bytes, at + 1))
      found.push_back(std::string(name) + " at dump offset " + std::to_string(at));
  }
  return found;
}

class SecretsInMemory : public ::testing::Test {
 protected:
  void SetUp() override {
    if (kSanitized) GTEST_SKIP() << "needs LD_PRELOAD, which the sanitizer runtime does not allow";
    char tmpl[] = "/tmp/kstore_secrets_XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    // The sample store, under the distinctive password, as JKS and as PKCS#12
    // (trusted certificates only: no key has to change format).
    auto bytes = kstore::read_file(std::string(KSTORE_TESTDATA_DIR) + "/sample/sample.jks");
    ASSERT_TRUE(bytes.ok()) << bytes.status().to_string();
    const kstore::Password sample_pw = kstore::Password::from_utf8("changeit");
    auto store = kstore::load_keystore(*bytes, &sample_pw);
    ASSERT_TRUE(store.ok()) << store.status().to_string();
    std::vector<std::string> keys;
    for (const kstore::Entry& e : store->entries())
      if (e.type != kstore::EntryType::kTrustedCert) keys.push_back(e.alias);
    for (const std::string& alias : keys) store->remove(alias);
    ASSERT_GT(store->size(), 0u);
    const kstore::Password pw = kstore::Password::from_utf8(kPassword);
    for (kstore::StoreType type : {kstore::StoreType::kJks, kstore::StoreType::kPkcs12}) {
      store->set_type(type);
      auto saved = kstore::save_keystore(*store, pw);
      ASSERT_TRUE(saved.ok()) << saved.status().to_string();
      std::ofstream(dir_ + "/" + kstore::store_type_name(type), std::ios::binary)
          .write(reinterpret_cast<const char*>(saved->data()), static_cast<std::streamsize>(saved->size()));
    }
    std::ofstream(dir_ + "/password.txt") << kPassword << "\n";
  }
  void TearDown() override {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  // Runs kstool -list with the dump preloaded; returns the dump.
  std::string list_and_dump(const std::string& store, std::vector<std::string> password_args,
                            std::vector<std::string> env, const std::string& stdin_path = "") {
    std::vector<std::string> args = {"-list", "-v", "-keystore", store};
    args.insert(args.end(), password_args.begin(), password_args.end());
    const std::string dump = dir_ + "/memory.dump";
    env.push_back(std::string("LD_PRELOAD=") + KSTORE_MEMORY_DUMP_PRELOAD);
    env.push_back("KSTORE_MEMORY_DUMP=" + dump);
    const kstool_test::RunResult r = kstool_test::run_kstool(args, dir_, env, stdin_path);
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("Your keystore contains"), std::string::npos) << r.out << r.err;
    // The run must really have used the password: an unchecked load prints this.
    EXPECT_EQ(r.err.find("has NOT been verified"), std::string::npos) << r.err;
    std::string memory = kstool_test::slurp(dump);
    EXPECT_GT(memory.size(), 4096u) << "the preloaded library wrote no dump";
    ::unlink(dump.c_str());
    return memory;
  }

  std::string dir_;
};

TEST_F(SecretsInMemory, TheDumpFindsWhatIsThere) {
  // The method works: a password that kstool is never told to forget (it
  // sits in an unrelated environment variable) is found in the dump.
  const std::string memory =
      list_and_dump("JKS", {"-storepass", kPassword}, {std::string("UNRELATED_VARIABLE=") + kPassword});
  EXPECT_FALSE(occurrences(memory).empty());
}

TEST_F(SecretsInMemory, PasswordArgumentIsNotLeftBehind) {
  for (const char* store : {"JKS", "PKCS12"}) {
    SCOPED_TRACE(store);
    const std::vector<std::string> hits = occurrences(list_and_dump(store, {"-storepass", kPassword}, {}));
    EXPECT_TRUE(hits.empty()) << ::testing::PrintToString(hits);
  }
}

TEST_F(SecretsInMemory, PasswordFromEnvironmentIsNotLeftBehind) {
  for (const char* store : {"JKS", "PKCS12"}) {
    SCOPED_TRACE(store);
    const std::vector<std::string> hits = occurrences(
        list_and_dump(store, {"-storepass:env", "KS_PASSWORD"}, {std::string("KS_PASSWORD=") + kPassword}));
    EXPECT_TRUE(hits.empty()) << ::testing::PrintToString(hits);
  }
}

TEST_F(SecretsInMemory, PasswordFromFileIsNotLeftBehind) {
  for (const char* store : {"JKS", "PKCS12"}) {
    SCOPED_TRACE(store);
    const std::vector<std::string> hits =
        occurrences(list_and_dump(store, {"-storepass:file", dir_ + "/password.txt"}, {}));
    EXPECT_TRUE(hits.empty()) << ::testing::PrintToString(hits);
  }
}

TEST_F(SecretsInMemory, PromptedPasswordIsNotLeftBehind) {
  for (const char* store : {"JKS", "PKCS12"}) {
    SCOPED_TRACE(store);
    const std::vector<std::string> hits = occurrences(list_and_dump(store, {}, {}, dir_ + "/password.txt"));
    EXPECT_TRUE(hits.empty()) << ::testing::PrintToString(hits);
  }
}

}  // namespace
