// Keystore files: bounded reads, atomic replacement, advisory locking.
#include "kstore/file.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace kstore {
namespace {

Status errno_status(const char* what, const std::string& path) {
  return Status::Io(path, ": ", what, ": ", std::strerror(errno));
}

std::string parent_dir(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_;
};

Status write_all(int fd, ByteView data, const std::string& path) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno_status("write", path);
    }
    data = data.subspan(static_cast<size_t>(n));
  }
  return Status::Ok();
}

// mkstemp's pattern: the path, this suffix, six letters or digits.
constexpr std::string_view kTemporarySuffix = ".kstore-";
constexpr size_t kTemporaryRandomChars = 6;

bool is_temporary_of(std::string_view name, std::string_view base) {
  if (name.size() != base.size() + kTemporarySuffix.size() + kTemporaryRandomChars) return false;
  if (name.substr(0, base.size()) != base || name.substr(base.size(), kTemporarySuffix.size()) != kTemporarySuffix)
    return false;
  const std::string_view random = name.substr(base.size() + kTemporarySuffix.size());
  return std::all_of(random.begin(), random.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  });
}

bool same_file(int fd, const std::string& path) {
  struct stat by_fd {}, by_name {};
  return ::fstat(fd, &by_fd) == 0 && ::stat(path.c_str(), &by_name) == 0 && by_fd.st_ino == by_name.st_ino &&
         by_fd.st_dev == by_name.st_dev;
}

// Calls `on_stale(temporary, fd)` for each stale temporary of `path` while
// holding its lock, so that no writer can take it meanwhile. A writer locks
// its temporary from creation to rename, and the kernel drops the lock of a
// killed process: a temporary nobody holds belongs to no live writer.
template <typename OnStale>
void for_each_stale_temporary(const std::string& path, OnStale on_stale) {
  const std::string dir = parent_dir(path);
  const size_t slash = path.rfind('/');
  const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  const std::string prefix = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  DIR* listing = ::opendir(dir.c_str());
  if (listing == nullptr) return;
  std::vector<std::string> names;
  while (const dirent* e = ::readdir(listing)) {
    if (is_temporary_of(e->d_name, base)) names.push_back(prefix + e->d_name);
  }
  ::closedir(listing);
  std::sort(names.begin(), names.end());
  for (const std::string& temporary : names) {
    Fd fd(::open(temporary.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (fd.get() < 0 || ::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) continue;
    if (same_file(fd.get(), temporary)) on_stale(temporary);
  }
}

// A fresh temporary beside `path`, locked. A cleaner may have taken it for
// stale and removed it between mkstemp and flock; then it is made again.
Result<int> create_locked_temporary(const std::string& path, std::string& tmp) {
  for (;;) {
    tmp = path + std::string(kTemporarySuffix) + std::string(kTemporaryRandomChars, 'X');
    Fd fd(::mkstemp(tmp.data()));
    if (fd.get() < 0) return errno_status("create temporary file", tmp);
    while (::flock(fd.get(), LOCK_EX) != 0) {
      if (errno != EINTR) return errno_status("lock", tmp);
    }
    if (same_file(fd.get(), tmp)) return fd.release();
  }
}

}  // namespace

std::vector<std::string> stale_temporaries(const std::string& path) {
  std::vector<std::string> found;
  for_each_stale_temporary(path, [&found](const std::string& temporary) { found.push_back(temporary); });
  return found;
}

Result<Bytes> read_file(const std::string& path, const Limits& limits) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    if (errno == ENOENT) return Status::NotFound("Keystore file does not exist: ", path);
    return errno_status("open", path);
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return errno_status("stat", path);
  if (S_ISDIR(st.st_mode)) return Status::Io(path, ": is a directory");
  if (S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) > limits.max_file_size)
    return Status::LimitExceeded(path, ": file of ", st.st_size, " bytes exceeds the limit of ", limits.max_file_size);
  // Read straight into the result, sized from fstat (one byte more, so that
  // the end of file shows in the same pass); a file that grows while read,
  // or a pipe, gets more room as it fills.
  Bytes out(S_ISREG(st.st_mode) ? static_cast<size_t>(st.st_size) + 1 : 65536);
  size_t filled = 0;
  auto too_large = [&] { return Status::LimitExceeded(path, ": more than ", limits.max_file_size, " bytes"); };
  for (;;) {
    if (filled == out.size()) {
      if (filled > limits.max_file_size) return too_large();
      out.resize(std::min<size_t>(filled * 2, limits.max_file_size + 1));
    }
    const ssize_t n = ::read(fd.get(), out.data() + filled, out.size() - filled);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno_status("read", path);
    }
    if (n == 0) break;
    filled += static_cast<size_t>(n);
  }
  if (filled > limits.max_file_size) return too_large();
  out.resize(filled);
  return out;
}

Status write_file_atomic(const std::string& path, ByteView contents, unsigned new_file_mode) {
  const std::string dir = parent_dir(path);
  mode_t mode = static_cast<mode_t>(new_file_mode);
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) mode = st.st_mode & 07777;

  for_each_stale_temporary(path, [](const std::string& temporary) { ::unlink(temporary.c_str()); });
  // The temporary file sits beside the target so that rename() is atomic.
  std::string tmp;
  KS_ASSIGN_OR_RETURN(const int created, create_locked_temporary(path, tmp));
  Fd fd(created);
  auto fail = [&](Status s) {
    ::unlink(tmp.c_str());
    return s;
  };
  if (::fchmod(fd.get(), mode) != 0) return fail(errno_status("chmod", tmp));
  if (Status s = write_all(fd.get(), contents, tmp); !s.ok()) return fail(std::move(s));
  if (::fsync(fd.get()) != 0) return fail(errno_status("fsync", tmp));
  // Renamed while still open, so its lock keeps cleaners off until the name is gone.
  if (::rename(tmp.c_str(), path.c_str()) != 0) return fail(errno_status("rename", path));
  if (::close(fd.release()) != 0) return errno_status("close", path);
  // Make the rename itself durable.
  Fd dfd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dfd.get() < 0 || ::fsync(dfd.get()) != 0) return errno_status("fsync directory", dir);
  return Status::Ok();
}

Result<FileLock> FileLock::acquire(const std::string& path) {
  // Writers replace the keystore by rename(), so a lock on the old inode
  // protects nothing once it is replaced: after locking, check that the path
  // still names the locked inode, and start over if not. A keystore that does
  // not exist yet is guarded by locking its folder until it appears.
  const std::string dir = parent_dir(path);
  for (;;) {
    bool locked_file = true;
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      if (errno != ENOENT) return errno_status("open for locking", path);
      locked_file = false;
      fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (fd < 0) return errno_status("open for locking", dir);
    }
    Fd guard(fd);
    while (::flock(fd, LOCK_EX) != 0) {
      if (errno != EINTR) return errno_status("lock", path);
    }
    struct stat locked {}, now {};
    const bool exists = ::stat(path.c_str(), &now) == 0;
    if (::fstat(fd, &locked) != 0) return errno_status("stat", path);
    const bool still_valid = locked_file ? (exists && now.st_ino == locked.st_ino && now.st_dev == locked.st_dev)
                                         : !exists;
    if (still_valid) return FileLock(guard.release());
  }
}

FileLock::~FileLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace kstore
