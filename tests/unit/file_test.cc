// Atomic replacement and locking of keystore files.
#include "kstore/file.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace kstore {
namespace {

class FileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/kstore-file-test-XXXXXX";
    dir_ = ::mkdtemp(tmpl);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string dir_;
};

TEST_F(FileTest, NewFileIsPrivateAndReadable) {
  const std::string path = dir_ + "/new.p12";
  const Bytes data = {1, 2, 3};
  ASSERT_TRUE(write_file_atomic(path, data).ok());
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto back = read_file(path);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, data);
}

TEST_F(FileTest, ReplacementKeepsModeAndLeavesNoTemporaries) {
  const std::string path = dir_ + "/ks.jks";
  ASSERT_TRUE(write_file_atomic(path, Bytes{1}).ok());
  ASSERT_EQ(::chmod(path.c_str(), 0644), 0);
  ASSERT_TRUE(write_file_atomic(path, Bytes{2, 2}).ok());
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);
  EXPECT_EQ(*read_file(path), (Bytes{2, 2}));
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir_)) {
    (void)e;
    ++files;
  }
  EXPECT_EQ(files, 1u);
}

TEST_F(FileTest, FailedRenameLeavesTargetAndNoTemporary) {
  // rename() of a file over a non-empty directory fails after the temporary
  // was written: the target must be untouched and the temporary gone.
  const std::string path = dir_ + "/target";
  std::filesystem::create_directory(path);
  std::ofstream(path + "/inside") << "x";
  EXPECT_FALSE(write_file_atomic(path, Bytes{8}).ok());
  EXPECT_TRUE(std::filesystem::is_directory(path));
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir_)) {
    (void)e;
    ++files;
  }
  EXPECT_EQ(files, 1u);
}

TEST_F(FileTest, MissingAndOversizedFiles) {
  auto missing = read_file(dir_ + "/nope");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::kNotFound);
  const std::string path = dir_ + "/big";
  ASSERT_TRUE(write_file_atomic(path, Bytes(100, 0)).ok());
  Limits limits;
  limits.max_file_size = 10;
  auto big = read_file(path, limits);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), ErrorCode::kLimitExceeded);
}

// Several processes each append one byte under the lock; none may be lost.
TEST_F(FileTest, LockSerialisesReadModifyWrite) {
  const std::string path = dir_ + "/counter";
  ASSERT_TRUE(write_file_atomic(path, Bytes{}).ok());
  constexpr int kProcesses = 8, kRounds = 10;
  for (int p = 0; p < kProcesses; ++p) {
    if (::fork() == 0) {
      for (int i = 0; i < kRounds; ++i) {
        auto lock = FileLock::acquire(path);
        if (!lock.ok()) std::_Exit(2);
        auto data = read_file(path);
        if (!data.ok()) std::_Exit(3);
        data->push_back(static_cast<uint8_t>(p));
        if (!write_file_atomic(path, *data).ok()) std::_Exit(4);
      }
      std::_Exit(0);
    }
  }
  for (int p = 0; p < kProcesses; ++p) {
    int status = 0;
    ::wait(&status);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  EXPECT_EQ(read_file(path)->size(), size_t{kProcesses * kRounds});
}

}  // namespace
}  // namespace kstore
