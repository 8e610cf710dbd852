// Reading keystore files and replacing them atomically.
#pragma once

#include <string>
#include <vector>

#include "kstore/bytes.h"
#include "kstore/limits.h"
#include "kstore/status.h"

namespace kstore {

// Whole file, refusing files larger than limits.max_file_size.
Result<Bytes> read_file(const std::string& path, const Limits& limits = {});

// Writes to a temporary file in the same folder (`<path>.kstore-XXXXXX`,
// locked while it is written), fsyncs it, renames it over `path` and fsyncs
// the folder. An existing file's mode is kept; a new file gets
// `new_file_mode`. On failure the original is untouched. Stale temporaries
// of `path` (see below) are removed first.
Status write_file_atomic(const std::string& path, ByteView contents, unsigned new_file_mode = 0600);

// Temporary files of `path` that a write killed before its rename left
// behind: names of write_file_atomic's pattern for this path, in its folder,
// that no live writer holds locked. Sorted; paths as `path` is given.
std::vector<std::string> stale_temporaries(const std::string& path);

// An exclusive advisory lock (flock) on a keystore path, held for a
// read-modify-write; released on destruction.
class FileLock {
 public:
  static Result<FileLock> acquire(const std::string& path);
  FileLock(FileLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  FileLock& operator=(FileLock&&) = delete;
  FileLock(const FileLock&) = delete;
  ~FileLock();

 private:
  explicit FileLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace kstore
