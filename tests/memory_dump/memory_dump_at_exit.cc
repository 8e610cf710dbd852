// Loaded into kstool with LD_PRELOAD by tests/unit/secrets_in_memory_test.cc.
// When the process exits, after kstool's main() has returned and its static
// objects are gone, it copies every writable mapping (heap, stack, data,
// anonymous memory: what a core dump would hold of the process's own state)
// to the file named by KSTORE_MEMORY_DUMP. The test then searches that file
// for the passwords. Written against raw system calls, so that dumping does
// not itself allocate into the memory being dumped, and so that a sanitizer
// build's interceptors do not check (and refuse) the reads of poisoned memory.
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace {

// AddressSanitizer reserves terabytes of shadow and allocator address space
// as writable mappings; they hold poisoning bytes and nothing of kstool's,
// and dumping them would write terabytes. Nothing of kstool's own is this big.
constexpr uintptr_t kLargestDumpedMapping = uintptr_t{1} << 30;
constexpr uintptr_t kPage = 4096;

long sys_open(const char* path, int flags, int mode) { return ::syscall(SYS_openat, AT_FDCWD, path, flags, mode); }
long sys_read(long fd, void* buf, size_t n) { return ::syscall(SYS_read, fd, buf, n); }
long sys_write(long fd, const void* buf, size_t n) { return ::syscall(SYS_write, fd, buf, n); }
long sys_mincore(uintptr_t start, size_t n, unsigned char* vec) { return ::syscall(SYS_mincore, start, n, vec); }

void write_range(long out, uintptr_t start, uintptr_t end) {
  const char* p = reinterpret_cast<const char*>(start);
  for (size_t left = end - start; left > 0;) {
    const long n = sys_write(out, p, left);
    if (n <= 0) break;
    p += n;
    left -= static_cast<size_t>(n);
  }
}

// Writes the pages of [start, end) that are in memory, each run of them in
// one piece. A page that was never touched holds zeros and is skipped, which
// keeps a sanitizer build's dump small (its allocator reserves hundreds of
// megabytes it never touches). Swapped-out pages are skipped too; the test
// machines do not swap.
void write_resident_pages(long out, uintptr_t start, uintptr_t end) {
  static unsigned char resident[kLargestDumpedMapping / kPage];
  if (sys_mincore(start, end - start, resident) != 0) {
    write_range(out, start, end);
    return;
  }
  for (uintptr_t page = start; page < end;) {
    if (!(resident[(page - start) / kPage] & 1)) {
      page += kPage;
      continue;
    }
    uintptr_t run_end = page + kPage;
    while (run_end < end && (resident[(run_end - start) / kPage] & 1)) run_end += kPage;
    write_range(out, page, run_end);
    page = run_end;
  }
}
void sys_close(long fd) { ::syscall(SYS_close, fd); }

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
  const long maps = sys_open("/proc/self/maps", O_RDONLY | O_CLOEXEC, 0);
  const long out = sys_open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (maps < 0 || out < 0) return;
  // /proc/self/maps is read whole first: writing the dump must not change
  // the mappings while they are being listed.
  static char text[1 << 20];
  size_t used = 0;
  for (long n; used < sizeof(text) - 1 && (n = sys_read(maps, text + used, sizeof(text) - 1 - used)) > 0;)
    used += static_cast<size_t>(n);
  text[used] = '\0';
  sys_close(maps);
  for (char* line = text; line != nullptr && *line != '\0';) {
    char* next = std::strchr(line, '\n');
    if (next != nullptr) *next++ = '\0';
    uintptr_t start = 0, end = 0;
    bool writable = false;
    if (parse_mapping(line, start, end, writable) && writable && end - start <= kLargestDumpedMapping)
      write_resident_pages(out, start, end);
    line = next;
  }
  ::syscall(SYS_fsync, out);
  sys_close(out);
}

// Registered before kstool's own static objects are constructed, so it runs
// after their destructors: the dump shows what outlives the whole program.
__attribute__((constructor)) void install() { std::atexit(dump_writable_memory); }

}  // namespace
