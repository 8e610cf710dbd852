// What kstool leaves of a password in its memory once the command has run:
// nothing. kstool runs with tests/memory_dump/memory_dump_at_exit.cc
// preloaded, which writes every writable mapping of the process to a file at
// exit (what a core dump of it would hold); no password may appear there in
// any encoding a format feeds its key derivation (UTF-8/ASCII, UTF-16BE as JKS
// and the PKCS#12 KDF use it, UTF-16LE). Checked for every command that takes
// a password, every way of giving one (the argument, :env, :file, the
// prompt; the password -importpass stores is always read from standard
// input), and for passwords long enough to live on the heap and short
// enough to fit a std::string's inline buffer on the stack.
// docs/secrets.md says what may keep a copy and how kstool prevents it.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "kstool_run_util.h"
#include "kstore/keystore.h"
#include "kstore/password.h"
#include "kstore/sealing.h"
#include "support/fixtures.h"

namespace {

// Distinctive, so that a hit cannot be anything else. The store password
// needs the heap in a std::string; the other two fit its 15-byte inline buffer.
constexpr char kStorePassword[] = "Lantern-7Kq9-vault";
constexpr char kKeyPassword[] = "Kq9-tarn-4xw";
constexpr char kDestPassword[] = "Dest-88zq-Pw";
const std::vector<std::string> kAllPasswords = {kStorePassword, kKeyPassword, kDestPassword};

// Under AddressSanitizer the dump library is preloaded before the ASan
// runtime, which it allows only when told to. The runtime also reads the
// command line and the environment into buffers of its own at start, which
// kstool cannot reach: there the argument and :env routes are not checked.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
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

// Where each encoding of each password occurs in `memory`, for the message.
std::vector<std::string> occurrences(const std::string& memory, const std::vector<std::string>& passwords) {
  std::vector<std::string> found;
  for (const std::string& password : passwords) {
    const std::pair<const char*, std::string> forms[] = {
        {"UTF-8", password}, {"UTF-16BE", utf16(password, true)}, {"UTF-16LE", utf16(password, false)}};
    for (const auto& [name, bytes] : forms) {
      // memmem, not std::string::find: a sanitizer build's dump is hundreds
      // of megabytes, and the library search is not instrumented.
      for (const char* from = memory.data(), *end = memory.data() + memory.size();;) {
        const void* at = ::memmem(from, static_cast<size_t>(end - from), bytes.data(), bytes.size());
        if (at == nullptr) break;
        const char* hit = static_cast<const char*>(at);
        found.push_back(password + " as " + name + " at dump offset " + std::to_string(hit - memory.data()));
        from = hit + 1;
      }
    }
  }
  return found;
}

void write_text(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// The file holding `password` for the :file route, named by its position,
// never by the password (kstool lists the folder for stale temporaries, and
// the names would be in its memory).
std::string password_file(const std::string& dir, const std::string& password) {
  const auto at = std::find(kAllPasswords.begin(), kAllPasswords.end(), password);
  return dir + "/password-" + std::to_string(at - kAllPasswords.begin()) + ".txt";
}

class SecretsInMemory : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/kstore_secrets_XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    const kstore::Bytes bytes = kstore::testing::testdata_bytes("sample/sample.jks");
    const kstore::Password sample_pw = kstore::Password::from_utf8("changeit");
    auto sample = kstore::load_keystore(bytes, &sample_pw);
    ASSERT_TRUE(sample.ok()) << sample.status().to_string();
    // "JKS" and "PKCS12": the sample's trusted certificates under the store
    // password (no key has to change format). "keys.jks": the sample's key
    // under the key password, and a second key entry to rename or delete.
    kstore::Keystore certs = *sample;
    kstore::Keystore keys(kstore::StoreType::kJks);
    for (const kstore::Entry& e : sample->entries()) {
      if (e.type != kstore::EntryType::kPrivateKey) continue;
      certs.remove(e.alias);
      auto pkcs8 = kstore::unseal_private_key(*e.key, sample_pw);
      ASSERT_TRUE(pkcs8.ok()) << pkcs8.status().to_string();
      auto sealed = kstore::seal_private_key(kstore::StoreType::kJks, *pkcs8,
                                             kstore::Password::from_utf8(kKeyPassword));
      ASSERT_TRUE(sealed.ok()) << sealed.status().to_string();
      for (const char* alias : {"server", "spare"}) {
        kstore::Entry copy = e;
        copy.alias = alias;
        copy.key = *sealed;
        keys.put(std::move(copy));
      }
    }
    ASSERT_GT(certs.size(), 0u);
    ASSERT_EQ(keys.size(), 2u);
    for (kstore::StoreType type : {kstore::StoreType::kJks, kstore::StoreType::kPkcs12}) {
      certs.set_type(type);
      save(certs, kstore::store_type_name(type));
    }
    save(keys, "keys.jks");
    for (const std::string& pw : kAllPasswords) write_text(password_file(dir_, pw), pw + "\n");
  }
  void TearDown() override {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  void save(const kstore::Keystore& store, const std::string& name) {
    auto saved = kstore::save_keystore(store, kstore::Password::from_utf8(kStorePassword));
    ASSERT_TRUE(saved.ok()) << saved.status().to_string();
    write_text(dir_ + "/" + name, std::string(saved->begin(), saved->end()));
  }

  // Runs kstool with the dump preloaded; expects success; returns the dump.
  std::string run_and_dump(const std::vector<std::string>& args, std::vector<std::string> env,
                           const std::string& typed = "") {
    const std::string dump = dir_ + "/memory.dump";
    const std::string stdin_path = dir_ + "/typed.txt";
    write_text(stdin_path, typed);
    env.push_back(std::string("LD_PRELOAD=") + KSTORE_MEMORY_DUMP_PRELOAD);
    if (kSanitized) env.push_back("ASAN_OPTIONS=verify_asan_link_order=0");
    env.push_back("KSTORE_MEMORY_DUMP=" + dump);
    const kstool_test::RunResult r = kstool_test::run_kstool(args, dir_, env, stdin_path);
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    // The run must really have used the password: an unchecked load prints this.
    EXPECT_EQ(r.err.find("has NOT been verified"), std::string::npos) << r.err;
    // No dump at all is the failure below, not a missing-file error.
    std::string memory = std::filesystem::exists(dump) ? kstore::testing::file_text(dump) : std::string();
    EXPECT_GT(memory.size(), 4096u) << "the preloaded library wrote no dump";
    ::unlink(dump.c_str());
    return memory;
  }

  std::string list_and_dump(const std::string& store, const std::vector<std::string>& password_args,
                            const std::vector<std::string>& env, const std::string& typed = "") {
    std::vector<std::string> args = {"-list", "-v", "-keystore", store};
    args.insert(args.end(), password_args.begin(), password_args.end());
    return run_and_dump(args, env, typed);
  }

  std::string dir_;
};

// One way of giving a password: the options that give `password` to
// `option` (e.g. "-srcstorepass"), the environment they need, and what to
// type when the route is the prompt.
struct Route {
  const char* name;
  std::vector<std::string> (*args)(const std::string& option, const std::string& password, const std::string& dir);
  bool prompted;
  bool through_process_start;  // the command line or the environment (see kSanitized)
};

const Route kRoutes[] = {
    {"argument", [](const std::string& o, const std::string& p, const std::string&) {
       return std::vector<std::string>{o, p};
     }, false, true},
    {"environment", [](const std::string& o, const std::string&, const std::string&) {
       return std::vector<std::string>{o + ":env", "KS_" + o.substr(1)};
     }, false, true},
    {"file", [](const std::string& o, const std::string& p, const std::string& dir) {
       return std::vector<std::string>{o + ":file", password_file(dir, p)};
     }, false, false},
    {"prompt", [](const std::string&, const std::string&, const std::string&) {
       return std::vector<std::string>{};
     }, true, false},
};

bool checked_in_this_build(const Route& route) { return !(kSanitized && route.through_process_start); }

// The variables the environment route reads, each holding its password.
std::vector<std::string> env_for(const Route& route, const std::vector<std::pair<std::string, std::string>>& uses) {
  std::vector<std::string> env;
  if (std::string(route.name) != "environment") return env;
  for (const auto& [option, password] : uses) env.push_back("KS_" + option.substr(1) + "=" + password);
  return env;
}

// The password options of a command, each given by `route`, appended to `args`.
void add_passwords(std::vector<std::string>& args, const Route& route,
                   const std::vector<std::pair<std::string, std::string>>& uses, const std::string& dir) {
  for (const auto& [option, password] : uses) {
    const std::vector<std::string> more = route.args(option, password, dir);
    args.insert(args.end(), more.begin(), more.end());
  }
}

TEST_F(SecretsInMemory, TheDumpFindsWhatIsThere) {
  // The method works: a password that kstool is never told to forget (it
  // sits in an unrelated environment variable) is found in the dump.
  const std::string memory =
      list_and_dump("JKS", {"-storepass", kStorePassword}, {std::string("UNRELATED_VARIABLE=") + kStorePassword});
  EXPECT_FALSE(occurrences(memory, {kStorePassword}).empty());
}

TEST_F(SecretsInMemory, ListLeavesNoStorePassword) {
  for (const char* store : {"JKS", "PKCS12"}) {
    for (const Route& route : kRoutes) {
      if (!checked_in_this_build(route)) continue;
      SCOPED_TRACE(std::string(store) + " by " + route.name);
      const std::string memory =
          list_and_dump(store, route.args("-storepass", kStorePassword, dir_),
                        env_for(route, {{"-storepass", kStorePassword}}),
                        route.prompted ? std::string(kStorePassword) + "\n" : "");
      const std::vector<std::string> hits = occurrences(memory, kAllPasswords);
      EXPECT_TRUE(hits.empty()) << ::testing::PrintToString(hits);
    }
  }
}

TEST_F(SecretsInMemory, ImportKeystoreLeavesNoPassword) {
  // A JKS key under its own key password, into a new PKCS#12 and a new JKS
  // store: every password unseals or seals something, each by every route.
  for (const char* dest_type : {"PKCS12", "JKS"}) {
    for (const Route& route : kRoutes) {
      if (!checked_in_this_build(route)) continue;
      SCOPED_TRACE(std::string(dest_type) + " by " + route.name);
      const std::string dest = std::string("imported-") + dest_type + "-" + route.name;
      std::vector<std::string> args = {"-importkeystore", "-srckeystore", "keys.jks", "-destkeystore", dest,
                                       "-deststoretype", dest_type, "-srcalias", "server", "-noprompt"};
      const std::vector<std::pair<std::string, std::string>> uses = {
          {"-srcstorepass", kStorePassword}, {"-deststorepass", kDestPassword}, {"-srckeypass", kKeyPassword}};
      add_passwords(args, route, uses, dir_);
      // keytool's prompt order: the new destination password twice, the
      // source store password, then the key password, which the store
      // password does not open.
      const std::string typed =
          std::string(kDestPassword) + "\n" + kDestPassword + "\n" + kStorePassword + "\n" + kKeyPassword + "\n";
      const std::string memory = run_and_dump(args, env_for(route, uses), route.prompted ? typed : "");
      const std::vector<std::string> hits = occurrences(memory, kAllPasswords);
      EXPECT_TRUE(hits.empty()) << ::testing::PrintToString(hits);
      EXPECT_TRUE(std::filesystem::exists(dir_ + "/" + dest));
    }
  }
}

TEST_F(SecretsInMemory, ChangeAliasAndDeleteLeaveNoStorePassword) {
  for (const Route& route : kRoutes) {
    if (!checked_in_this_build(route)) continue;
    SCOPED_TRACE(route.name);
    const std::string name = std::string("keys-") + route.name + ".jks";
    std::filesystem::copy_file(dir_ + "/keys.jks", dir_ + "/" + name);
    const std::vector<std::string> store = route.args("-storepass", kStorePassword, dir_);
    const std::vector<std::string> env = env_for(route, {{"-storepass", kStorePassword}});
    const std::string typed = route.prompted ? std::string(kStorePassword) + "\n" : "";
    std::vector<std::string> rename = {"-changealias", "-keystore", name, "-alias", "spare", "-destalias", "moved"};
    rename.insert(rename.end(), store.begin(), store.end());
    std::vector<std::string> remove = {"-delete", "-keystore", name, "-alias", "moved"};
    remove.insert(remove.end(), store.begin(), store.end());
    for (const std::vector<std::string>& args : {rename, remove}) {
      SCOPED_TRACE(args[0]);
      const std::vector<std::string> hits = occurrences(run_and_dump(args, env, typed), kAllPasswords);
      EXPECT_TRUE(hits.empty()) << ::testing::PrintToString(hits);
    }
  }
}

TEST_F(SecretsInMemory, StorePasswdLeavesNoPassword) {
  // The old and the new store password; PKCS#12 also reseals its keys.
  for (const char* store : {"JKS", "PKCS12"}) {
    for (const Route& route : kRoutes) {
      if (!checked_in_this_build(route)) continue;
      SCOPED_TRACE(std::string(store) + " by " + route.name);
      const std::string name = std::string(store) + "-" + route.name;
      std::filesystem::copy_file(dir_ + "/" + store, dir_ + "/" + name);
      std::vector<std::string> args = {"-storepasswd", "-keystore", name};
      const std::vector<std::pair<std::string, std::string>> uses = {{"-storepass", kStorePassword},
                                                                     {"-new", kDestPassword}};
      add_passwords(args, route, uses, dir_);
      const std::string typed = std::string(kStorePassword) + "\n" + kDestPassword + "\n" + kDestPassword + "\n";
      const std::string memory = run_and_dump(args, env_for(route, uses), route.prompted ? typed : "");
      const std::vector<std::string> hits = occurrences(memory, kAllPasswords);
      EXPECT_TRUE(hits.empty()) << ::testing::PrintToString(hits);
    }
  }
}

TEST_F(SecretsInMemory, KeyPasswdLeavesNoPassword) {
  // A JKS key under its own password: the store password, the old key
  // password (which the store password does not open) and the new one.
  for (const Route& route : kRoutes) {
    if (!checked_in_this_build(route)) continue;
    SCOPED_TRACE(route.name);
    const std::string name = std::string("keys-") + route.name + ".jks";
    std::filesystem::copy_file(dir_ + "/keys.jks", dir_ + "/" + name);
    std::vector<std::string> args = {"-keypasswd", "-keystore", name, "-alias", "server"};
    const std::vector<std::pair<std::string, std::string>> uses = {
        {"-storepass", kStorePassword}, {"-keypass", kKeyPassword}, {"-new", kDestPassword}};
    add_passwords(args, route, uses, dir_);
    const std::string typed = std::string(kStorePassword) + "\n" + kKeyPassword + "\n" + kDestPassword + "\n" +
                              kDestPassword + "\n";
    const std::string memory = run_and_dump(args, env_for(route, uses), route.prompted ? typed : "");
    const std::vector<std::string> hits = occurrences(memory, kAllPasswords);
    EXPECT_TRUE(hits.empty()) << ::testing::PrintToString(hits);
  }
}

TEST_F(SecretsInMemory, ImportPassAndGenSecKeyLeaveNoPassword) {
  // -importpass into a new JCEKS store: the store password, the key
  // password, and the password stored (always read from standard input);
  // then -genseckey into the same store with another key password.
  for (const Route& route : kRoutes) {
    if (!checked_in_this_build(route)) continue;
    SCOPED_TRACE(route.name);
    const std::string name = std::string("secrets-") + route.name + ".jceks";
    const std::vector<std::pair<std::string, std::string>> uses = {{"-storepass", kStorePassword},
                                                                   {"-keypass", kKeyPassword}};
    std::vector<std::string> import = {"-importpass", "-keystore", name, "-storetype", "JCEKS", "-alias", "pw"};
    add_passwords(import, route, uses, dir_);
    // Prompted: the new store's password twice, the password to store, the
    // key password twice. Otherwise only the password to store.
    const std::string typed = route.prompted ? std::string(kStorePassword) + "\n" + kStorePassword + "\n" +
                                                   kDestPassword + "\n" + kKeyPassword + "\n" + kKeyPassword + "\n"
                                             : std::string(kDestPassword) + "\n";
    std::vector<std::string> hits = occurrences(run_and_dump(import, env_for(route, uses), typed), kAllPasswords);
    EXPECT_TRUE(hits.empty()) << ::testing::PrintToString(hits);
    std::vector<std::string> gen = {"-genseckey", "-keystore", name, "-alias", "aes", "-keyalg", "AES",
                                    "-keysize", "256"};
    add_passwords(gen, route, uses, dir_);
    const std::string gen_typed = std::string(kStorePassword) + "\n" + kKeyPassword + "\n" + kKeyPassword + "\n";
    hits = occurrences(run_and_dump(gen, env_for(route, uses), route.prompted ? gen_typed : ""), kAllPasswords);
    EXPECT_TRUE(hits.empty()) << ::testing::PrintToString(hits);
  }
}

}  // namespace
