// Loaded into kstool with LD_PRELOAD by tests/unit/secrets_in_memory_test.cc.
// When the process exits, after kstool's main() has returned and its static
// objects are gone, it copies every writable mapping (heap, stack, data,
// anonymous memory: what a core dump would hold of the process's own state)
// to the file named by KSTORE_MEMORY_DUMP. The test then searches that file
// for the store password. Written against raw system calls so that dumping
// does not itself allocate into the memory being dumped.
#include <fcntl.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace {

// Parses "start-end perms ..." from one line of /proc/self/maps.
bool parse_mapping(const char* line, uintptr_t& start, uintptr_t& end, bool& writable) {
  char* rest = nullptr;
  start = std::strtoull(line, &rest, 16);
  if (rest == nullptr || *rest != '-') return false;
  end = std::strtoull(rest + 1, &rest, 16);
  if (rest == nullptr || *rest != ' ') return false;
  writable = rest[1] == 'r' && rest[2] == 'w';
  return end > start;
}

void dump_writable_memory() {
  const char* path = std::getenv("KSTORE_MEMORY_DUMP");
  if (path == nullptr) return;
  const int maps = ::open("/proc/self/maps", O_RDONLY | O_CLOEXEC);
  const int out = ::open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (maps < 0 || out < 0) return;
  // /proc/self/maps is read whole first: writing the dump must not change
  // the mappings while they are being listed.
  static char text[1 << 20];
  size_t used = 0;
  for (ssize_t n; used < sizeof(text) - 1 && (n = ::read(maps, text + used, sizeof(text) - 1 - used)) > 0;)
    used += static_cast<size_t>(n);
  text[used] = '\0';
  ::close(maps);
  for (char* line = text; line != nullptr && *line != '\0';) {
    char* next = std::strchr(line, '\n');
    if (next != nullptr) *next++ = '\0';
    uintptr_t start = 0, end = 0;
    bool writable = false;
    if (parse_mapping(line, start, end, writable) && writable) {
      const char* p = reinterpret_cast<const char*>(start);
      for (size_t left = end - start; left > 0;) {
        const ssize_t n = ::write(out, p, left);
        if (n <= 0) break;
        p += n;
        left -= static_cast<size_t>(n);
      }
    }
    line = next;
  }
  ::fsync(out);
  ::close(out);
}

// Registered before kstool's own static objects are constructed, so it runs
// after their destructors: the dump shows what outlives the whole program.
__attribute__((constructor)) void install() { std::atexit(dump_writable_memory); }

}  // namespace
