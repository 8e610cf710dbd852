// Reading whole files for tests; see fixtures.h.
#include "support/fixtures.h"

#include <fstream>
#include <sstream>

#include "support/must.h"

namespace kstore::testing {

Result<std::string> try_file_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Io("cannot open ", path.string());
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) return Status::Io("cannot read ", path.string());
  return s.str();
}

std::string file_text(const std::filesystem::path& path) { return must(try_file_text(path)); }

Bytes file_bytes(const std::filesystem::path& path) {
  const std::string text = file_text(path);
  return Bytes(text.begin(), text.end());
}

std::string testdata_path(std::string_view relative) {
  return std::string(KSTORE_TESTDATA_DIR) + "/" + std::string(relative);
}

std::string testdata_text(std::string_view relative) { return file_text(testdata_path(relative)); }

Bytes testdata_bytes(std::string_view relative) { return file_bytes(testdata_path(relative)); }

}  // namespace kstore::testing
