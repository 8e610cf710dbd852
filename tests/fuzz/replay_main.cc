// Corpus replayer: the main() a fuzz target gets when it is not built with
// libFuzzer (gcc, or KSTORE_FUZZ=OFF). It runs LLVMFuzzerTestOneInput once
// over every file named on the command line, and over every regular file in
// the directories named there (recursively, in sorted order), so that ctest
// re-runs the crashers in testdata/fuzz/regressions on every build.
// Arguments starting with '-' are ignored, which lets the same command line
// drive a libFuzzer binary (`-runs=0 dir…`). A crash is the failure signal,
// as with libFuzzer; the exit status is 0 when every input ran, 1 when a
// named path does not exist.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace {

bool run_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    return false;
  }
  const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // A private copy, so that ASan sees reads past the end of the input.
  std::vector<uint8_t> data(bytes.begin(), bytes.end());
  std::fprintf(stderr, "Running: %s (%zu bytes)\n", path.c_str(), data.size());
  LLVMFuzzerTestOneInput(data.empty() ? nullptr : data.data(), data.size());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
  namespace fs = std::filesystem;
  size_t ran = 0;
  bool missing = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.empty() || arg[0] == '-') continue;
    const fs::path root(arg);
    std::error_code ec;
    if (fs::is_directory(root, ec)) {
      std::vector<fs::path> files;
      for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec)) files.push_back(it->path());
      }
      std::sort(files.begin(), files.end());
      for (const fs::path& f : files) ran += run_file(f) ? 1 : 0;
    } else if (fs::is_regular_file(root, ec)) {
      ran += run_file(root) ? 1 : 0;
    } else {
      std::fprintf(stderr, "no such file or directory: %s\n", arg.c_str());
      missing = true;
    }
  }
  std::fprintf(stderr, "Executed %zu inputs\n", ran);
  return missing ? 1 : 0;
}
