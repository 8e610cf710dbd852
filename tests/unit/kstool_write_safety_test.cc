// What the write commands promise beyond keytool's behaviour: a keystore
// is never lost or half-written (SIGKILL at any moment leaves the old or
// the new store), concurrent runs on one file lose no update, file modes
// are kept (new stores 0600), and entries a command does not touch keep
// their protected bytes, dates and aliases.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/file.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "kstool_run_util.h"
#include "kstool_write_util.h"

namespace {

using kstool_test::RunResult;
using kstool_test::ScratchDir;
using kstore::testing::file_text;

const std::string kStores = kstore::testing::testdata_path("fixtures/stores");

kstore::Result<kstore::Keystore> load(const std::string& path) {
  const std::string bytes = file_text(path);
  const kstore::Password password = kstore::Password::from_utf8("changeit");
  return kstore::load_keystore(kstore::ByteView(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()),
                               &password);
}

std::set<std::string> aliases(const kstore::Keystore& ks) {
  std::set<std::string> out;
  for (const kstore::Entry& e : ks.entries()) out.insert(kstore::java_lower_case(e.alias));
  return out;
}

RunResult kstool(const ScratchDir& dir, const std::vector<std::string>& args) {
  return kstool_test::run_kstool(args, dir.path(), {"HOME=" + dir.file("home")});
}

// Starts kstool and kills it with SIGKILL after `delay_us`; true when it
// had finished on its own.
bool run_and_kill(const ScratchDir& dir, const std::vector<std::string>& args, unsigned delay_us) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int null_fd = ::open("/dev/null", O_RDWR);
    if (null_fd < 0 || ::chdir(dir.path().c_str()) != 0) ::_exit(127);
    ::dup2(null_fd, 0);
    ::dup2(null_fd, 1);
    ::dup2(null_fd, 2);
    std::vector<std::string> argv_strings = {KSTOOL_PATH};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : argv_strings) argv.push_back(a.data());
    argv.push_back(nullptr);
    char env0[] = "TZ=UTC";
    char* envp[] = {env0, nullptr};
    ::execve(KSTOOL_PATH, argv.data(), envp);
    ::_exit(127);
  }
  ::usleep(delay_us);
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status);
}

// Files in `dir` named like write_file_atomic's temporaries of `store`.
std::vector<std::string> temporaries_of(const ScratchDir& dir, const std::string& store) {
  std::vector<std::string> found;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    const std::string name = e.path().filename().string();
    if (name.rfind(store + ".kstore-", 0) == 0) found.push_back(name);
  }
  std::sort(found.begin(), found.end());
  return found;
}

// After kills: -list names each stale temporary on stderr; the next write
// removes them all, but not a temporary a live writer holds (simulated by
// this process holding one locked) nor another store's or another pattern's.
void expect_next_write_cleans_up(const ScratchDir& dir, const std::string& store, const std::string& alias) {
  kstool_test::write_bytes(dir.file(store + ".kstore-Stale9"), "left by a writer killed before this test ran");
  kstool_test::write_bytes(dir.file(store + ".kstore-notmine"), "not of mkstemp's pattern");
  kstool_test::write_bytes(dir.file("other.jks.kstore-Other1"), "another store's");
  const std::string live = dir.file(store + ".kstore-Alive1");
  kstool_test::write_bytes(live, "a writer is still writing this");
  const int live_fd = ::open(live.c_str(), O_RDONLY);
  ASSERT_GE(live_fd, 0);
  ASSERT_EQ(::flock(live_fd, LOCK_EX), 0);

  const std::vector<std::string> before = temporaries_of(dir, store);
  const RunResult listed = kstool(dir, {"-list", "-keystore", store, "-storepass", "changeit"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  for (const std::string& name : before) {
    const bool stale = name != store + ".kstore-Alive1" && name != store + ".kstore-notmine";
    EXPECT_EQ(listed.err.find(name + " was left by an interrupted write") != std::string::npos, stale)
        << name << "\n" << listed.err;
    EXPECT_EQ(listed.out.find(name), std::string::npos) << "stdout stays keytool's";
  }
  const RunResult written = kstool(dir, {"-changealias", "-keystore", store, "-storepass", "changeit", "-alias",
                                         alias, "-destalias", alias + "-cleaned"});
  ASSERT_EQ(written.exit_code, 0) << written.out << written.err;
  EXPECT_EQ(temporaries_of(dir, store), (std::vector<std::string>{store + ".kstore-Alive1", store + ".kstore-notmine"}));
  EXPECT_TRUE(std::filesystem::exists(dir.file("other.jks.kstore-Other1")));
  ::close(live_fd);
  ::testing::Test::RecordProperty("temporaries_before_cleanup", static_cast<int>(before.size()));
}

// Renames an entry back and forth while killing kstool at random moments;
// after every kill the keystore must be the complete old or new one.
void kill_during_writes(const std::string& store, const std::string& alias, int kills, unsigned max_delay_us) {
  ScratchDir dir;
  ASSERT_FALSE(dir.path().empty());
  const std::string path = dir.file(store);
  kstool_test::write_bytes(path, file_text(kStores + "/" + store));
  kstore::Result<kstore::Keystore> first = load(path);
  ASSERT_TRUE(first.ok());
  std::set<std::string> current = aliases(*first);
  const std::string renamed = alias + "-renamed";
  std::mt19937 random(20261129);  // fixed: the same kill points on every run
  int finished = 0;
  for (int i = 0; i < kills; ++i) {
    const bool renamed_now = current.count(renamed) > 0;
    const std::string from = renamed_now ? renamed : alias;
    const std::string to = renamed_now ? alias : renamed;
    std::set<std::string> next = current;
    next.erase(from);
    next.insert(to);
    const unsigned delay = std::uniform_int_distribution<unsigned>(0, max_delay_us)(random);
    if (run_and_kill(dir, {"-changealias", "-keystore", store, "-storepass", "changeit", "-alias", from, "-destalias", to},
                     delay))
      ++finished;
    kstore::Result<kstore::Keystore> after = load(path);
    ASSERT_TRUE(after.ok()) << "kill " << i << " after " << delay << " us left an unreadable keystore: "
                            << after.status().message();
    const std::set<std::string> now = aliases(*after);
    ASSERT_TRUE(now == current || now == next) << "kill " << i << ": neither the old nor the new keystore";
    current = now;
  }
  // How many runs completed before their kill: reported, not asserted (it
  // depends on the machine's speed).
  ::testing::Test::RecordProperty("finished_before_kill", finished);
  expect_next_write_cleans_up(dir, store, current.count(renamed) ? renamed : alias);
}

TEST(KstoolWriteSafety, SigkillLeavesOldOrNewJks) { kill_during_writes("many.jks", "mike", 60, 100000); }

TEST(KstoolWriteSafety, SigkillLeavesOldOrNewPkcs12) { kill_during_writes("mixed.p12", "dsa", 40, 140000); }

TEST(KstoolWriteSafety, ConcurrentChangesAreAllKept) {
  ScratchDir dir;
  ASSERT_FALSE(dir.path().empty());
  kstool_test::write_bytes(dir.file("many.jks"), file_text(kStores + "/many.jks"));
  const std::vector<std::string> deleted = {"mike", "november", "oscar", "papa"};
  const std::vector<std::string> renamed = {"quebec", "romeo", "sierra", "tango"};
  std::vector<RunResult> results(deleted.size() + renamed.size());
  std::vector<std::thread> runs;
  for (size_t i = 0; i < deleted.size(); ++i) {
    runs.emplace_back([&, i] {
      results[i] = kstool(dir, {"-delete", "-keystore", "many.jks", "-storepass", "changeit", "-alias", deleted[i]});
    });
  }
  for (size_t i = 0; i < renamed.size(); ++i) {
    runs.emplace_back([&, i] {
      results[deleted.size() + i] = kstool(dir, {"-changealias", "-keystore", "many.jks", "-storepass", "changeit",
                                                  "-alias", renamed[i], "-destalias", renamed[i] + "-new"});
    });
  }
  for (std::thread& t : runs) t.join();
  for (const RunResult& r : results) EXPECT_EQ(0, r.exit_code) << r.out << r.err;
  kstore::Result<kstore::Keystore> after = load(dir.file("many.jks"));
  ASSERT_TRUE(after.ok());
  const std::set<std::string> now = aliases(*after);
  EXPECT_EQ(26u - deleted.size(), now.size());
  for (const std::string& a : deleted) EXPECT_EQ(0u, now.count(a)) << a;
  for (const std::string& a : renamed) {
    EXPECT_EQ(0u, now.count(a)) << a;
    EXPECT_EQ(1u, now.count(a + "-new")) << a;
  }
}

TEST(KstoolWriteSafety, ConcurrentImportsIntoANewStoreAreAllKept) {
  // The destination does not exist yet: the first run creates it while the
  // others wait on the folder's lock, then on the new file's.
  ScratchDir dir;
  ASSERT_FALSE(dir.path().empty());
  kstool_test::write_bytes(dir.file("mixed.jks"), file_text(kStores + "/mixed.jks"));
  const std::vector<std::string> aliases_to_import = {"dsa", "ec256", "ed25519", "leaf", "rootca", "interca"};
  std::vector<RunResult> results(aliases_to_import.size());
  std::vector<std::thread> runs;
  for (size_t i = 0; i < aliases_to_import.size(); ++i) {
    runs.emplace_back([&, i] {
      results[i] = kstool(dir, {"-importkeystore", "-srckeystore", "mixed.jks", "-srcstorepass", "changeit",
                                "-srcalias", aliases_to_import[i], "-destkeystore", "new.p12", "-deststorepass",
                                "changeit"});
    });
  }
  for (std::thread& t : runs) t.join();
  for (const RunResult& r : results) EXPECT_EQ(0, r.exit_code) << r.out << r.err;
  kstore::Result<kstore::Keystore> after = load(dir.file("new.p12"));
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(std::set<std::string>(aliases_to_import.begin(), aliases_to_import.end()), aliases(*after));
}

mode_t mode_of(const std::string& path) {
  struct stat st {};
  ::stat(path.c_str(), &st);
  return st.st_mode & 07777;
}

TEST(KstoolWriteSafety, ModeKeptAndNewStoresPrivate) {
  ScratchDir dir;
  ASSERT_FALSE(dir.path().empty());
  kstool_test::write_bytes(dir.file("mixed.jks"), file_text(kStores + "/mixed.jks"), 0640);
  EXPECT_EQ(0, kstool(dir, {"-delete", "-keystore", "mixed.jks", "-storepass", "changeit", "-alias", "dsa"}).exit_code);
  EXPECT_EQ(0640u, mode_of(dir.file("mixed.jks")));
  const mode_t old_umask = ::umask(0);  // kstool must not rely on the umask for a new store
  const RunResult r = kstool(dir, {"-importkeystore", "-srckeystore", "mixed.jks", "-srcstorepass", "changeit",
                                   "-srcalias", "rootca", "-destkeystore", "new.p12", "-deststorepass", "changeit"});
  ::umask(old_umask);
  EXPECT_EQ(0, r.exit_code) << r.out << r.err;
  EXPECT_EQ(0600u, mode_of(dir.file("new.p12")));
  // In place: the backup keeps the original's mode too.
  EXPECT_EQ(0, kstool(dir, {"-importkeystore", "-srckeystore", "mixed.jks", "-destkeystore", "mixed.jks",
                            "-srcstorepass", "changeit", "-srcalias", "rootca"})
                   .exit_code);
  EXPECT_EQ(0640u, mode_of(dir.file("mixed.jks.old")));
  EXPECT_EQ(0640u, mode_of(dir.file("mixed.jks")));
}

TEST(KstoolWriteSafety, InPlaceBackupsAreNumbered) {
  ScratchDir dir;
  ASSERT_FALSE(dir.path().empty());
  const std::string original = file_text(kStores + "/basic.jks");
  kstool_test::write_bytes(dir.file("ks.jks"), original);
  const std::vector<std::string> migrate = {"-importkeystore", "-srckeystore", "ks.jks", "-destkeystore", "ks.jks",
                                            "-srcstorepass", "changeit"};
  const RunResult first = kstool(dir, migrate);
  EXPECT_EQ(0, first.exit_code) << first.out << first.err;
  EXPECT_NE(std::string::npos,
            first.err.find("Migrated \"ks.jks\" to PKCS12. The JKS keystore is backed up as \"ks.jks.old\".\n"));
  EXPECT_TRUE(original == file_text(dir.file("ks.jks.old")));
  const std::string migrated = file_text(dir.file("ks.jks"));
  const RunResult second = kstool(dir, migrate);
  EXPECT_EQ(0, second.exit_code) << second.out << second.err;
  EXPECT_NE(std::string::npos,
            second.err.find("The original keystore \"ks.jks\" is backed up as \"ks.jks.old2\"...\n"));
  EXPECT_TRUE(migrated == file_text(dir.file("ks.jks.old2")));
  EXPECT_TRUE(original == file_text(dir.file("ks.jks.old")));
}

// The entries a command does not touch, compared field by field.
void expect_untouched(const kstore::Keystore& before, const kstore::Keystore& after,
                      const std::set<std::string>& touched) {
  size_t compared = 0;
  for (const kstore::Entry& b : before.entries()) {
    if (touched.count(kstore::java_lower_case(b.alias))) continue;
    const kstore::Entry* a = after.find(b.alias);
    ASSERT_NE(nullptr, a) << b.alias;
    EXPECT_EQ(b.alias, a->alias);
    EXPECT_EQ(b.creation_time_ms, a->creation_time_ms) << b.alias;
    EXPECT_EQ(b.key.has_value(), a->key.has_value()) << b.alias;
    if (b.key && a->key) {
      EXPECT_TRUE(b.key->encoded == a->key->encoded) << b.alias << ": protected key bytes changed";
    }
    EXPECT_EQ(b.chain.size(), a->chain.size()) << b.alias;
    ++compared;
  }
  EXPECT_GT(compared, 0u);
}

TEST(KstoolWriteSafety, UntouchedEntriesKeepTheirProtectedBytes) {
  for (const std::string store : {"mixed.jks", "mixed.jceks", "mixed.p12"}) {
    SCOPED_TRACE(store);
    ScratchDir dir;
    ASSERT_FALSE(dir.path().empty());
    kstool_test::write_bytes(dir.file(store), file_text(kStores + "/" + store));
    kstool_test::write_bytes(dir.file("trust.jks"), file_text(kStores + "/trust.jks"));
    kstore::Result<kstore::Keystore> before = load(dir.file(store));
    ASSERT_TRUE(before.ok());
    // -delete and -changealias of one entry; no key password given for the
    // JKS/JCEKS keypass2 entry, which must survive untouched.
    EXPECT_EQ(0, kstool(dir, {"-delete", "-keystore", store, "-storepass", "changeit", "-alias", "rootca"}).exit_code);
    EXPECT_EQ(0, kstool(dir, {"-changealias", "-keystore", store, "-storepass", "changeit", "-alias", "ec256",
                              "-destalias", "ec-new"})
                     .exit_code);
    kstore::Result<kstore::Keystore> after = load(dir.file(store));
    ASSERT_TRUE(after.ok());
    expect_untouched(*before, *after, {"rootca", "ec256"});
    // The renamed key keeps its protected bytes as well.
    const kstore::Entry* old_entry = before->find("ec256");
    const kstore::Entry* new_entry = after->find("ec-new");
    ASSERT_NE(nullptr, old_entry);
    ASSERT_NE(nullptr, new_entry);
    EXPECT_TRUE(old_entry->key->encoded == new_entry->key->encoded);
    // An import into the existing store leaves its other entries alone.
    const RunResult r = kstool(dir, {"-importkeystore", "-srckeystore", "trust.jks", "-srcstorepass", "changeit",
                                     "-srcalias", "opensslca", "-destkeystore", store, "-deststorepass", "changeit"});
    EXPECT_EQ(0, r.exit_code) << r.out << r.err;
    kstore::Result<kstore::Keystore> imported = load(dir.file(store));
    ASSERT_TRUE(imported.ok());
    expect_untouched(*after, *imported, {"opensslca"});
  }
}


// Found by fuzz_roundtrip (testdata/fuzz/regressions/fuzz_roundtrip/): an
// unencrypted keyBag, which the JDK ignores, named like the subject of a CA
// certificate in another entry's chain. A rewrite for an unrelated change
// lower-cased its alias and gave it that CA certificate as its chain.
TEST(KstoolWriteSafety, EntriesTheJdkDoesNotSeeComeBackUnchanged) {
  ScratchDir dir;
  ASSERT_FALSE(dir.path().empty());
  kstool_test::write_bytes(
      dir.file("found.p12"),
      kstore::testing::testdata_text("fuzz/regressions/fuzz_roundtrip/pkcs12_invisible_keybag_named_like_a_ca"));
  kstore::Result<kstore::Keystore> before = load(dir.file("found.p12"));
  ASSERT_TRUE(before.ok()) << before.status().to_string();
  const kstore::Entry* hidden = before->find("CN=kstore JDK CA,O=kstore");
  ASSERT_NE(nullptr, hidden);
  ASSERT_FALSE(hidden->visible_to_jdk);
  EXPECT_TRUE(hidden->chain.empty());
  const RunResult r = kstool(dir, {"-changealias", "-keystore", "found.p12", "-storepass", "changeit", "-alias",
                                   "aes128", "-destalias", "aes129"});
  ASSERT_EQ(0, r.exit_code) << r.out << r.err;
  kstore::Result<kstore::Keystore> after = load(dir.file("found.p12"));
  ASSERT_TRUE(after.ok()) << after.status().to_string();
  expect_untouched(*before, *after, {"aes128"});
}

}  // namespace
