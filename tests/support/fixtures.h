// Reading the files tests need: fixtures under testdata/ by their path there,
// and any other file (the interop corpus, a file a test wrote) by its path.
// A file that cannot be read ends the test with its path (see must.h): an
// empty buffer handed back instead would reach the code under test as a
// damaged or empty store and fail, if at all, somewhere far from the cause.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "kstore/bytes.h"
#include "kstore/status.h"

namespace kstore::testing {

// The whole file, or a Status::Io naming the path.
Result<std::string> try_file_text(const std::filesystem::path& path);

// The whole file; throws naming the path when it cannot be read.
std::string file_text(const std::filesystem::path& path);
Bytes file_bytes(const std::filesystem::path& path);

// testdata/<relative> (the KSTORE_TESTDATA_DIR build setting).
std::string testdata_path(std::string_view relative);
std::string testdata_text(std::string_view relative);
Bytes testdata_bytes(std::string_view relative);

}  // namespace kstore::testing
