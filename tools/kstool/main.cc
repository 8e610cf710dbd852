// kstool: keytool's command line over the kstore library.
#include <openssl/crypto.h>

#include <malloc.h>

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kstore/bytes.h"
#include "run.h"
#include "terminal.h"

namespace {

// A password given as "-storepass secret" sits in the argument strings, which
// live in this process's memory (and /proc/<pid>/cmdline) until it exits. Once
// they are copied, the originals are cleared, so a core dump taken after the
// command ran does not hold them, and ps shows the password for a moment at
// most. Every argument is cleared, not just passwords: knowing which ones are
// passwords takes the whole parse, and nothing reads argv again.
std::vector<std::string> take_arguments(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  for (int i = 1; i < argc; ++i) kstore::secure_wipe(argv[i], std::strlen(argv[i]));
  return args;
}

// The values of environment variables read through `-storepass:env NAME`
// (and any other name the command looked up) are cleared in place when the
// command is done, for the same reason. Not before: one variable may serve
// two options (-srcstorepass:env P -deststorepass:env P).
void wipe_environment_values(const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    if (char* value = std::getenv(name.c_str())) kstore::secure_wipe(value, std::strlen(value));
  }
}

// Stack below main's frame keeps what the command's deeper frames left there:
// a short password held in a std::string's inline buffer, an encoding built
// in a local array. Wiping the deepest part of the stack a command reaches
// clears those after the command. The size covers kstool's deepest call
// chain with a wide margin (docs/secrets.md says how it was measured); pages
// the command never reached cost one fault each.
constexpr size_t kScrubbedStackBytes = 256 * 1024;

[[gnu::noinline]] void scrub_stack() {
  unsigned char below[kScrubbedStackBytes];
  kstore::secure_wipe(below, sizeof(below));
  // The buffer's address escapes to the wipe, so the stores cannot be dropped.
  asm volatile("" : : "r"(below) : "memory");
}

// OpenSSL's default initialisation reads the system openssl.cnf, registers
// every cipher and digest name and loads every error string: together most
// of the start-up of a small command (bench/RESULTS.md). kstool skips the
// configuration (its algorithms are fixed by the keystore formats, so a site
// configuration has nothing to choose), the cipher names (kstore names its
// ciphers directly) and the error strings (kstore loads them when it has an
// error to word). The digest names stay: X509_verify looks the signature's
// digest up by name. The library leaves this to its host; the tool is its
// own host.
void initialise_openssl() {
  OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CONFIG | OPENSSL_INIT_NO_ADD_ALL_CIPHERS |
                          OPENSSL_INIT_NO_LOAD_CRYPTO_STRINGS,
                      nullptr);
}

// A first touch of a fresh page costs a page fault, and in a virtual machine
// a dear one: rewriting a 2 MB store took 2300 of them, two fifths of its CPU
// time. glibc serves every block over 128 KiB with its own mmap and unmaps it
// on free, so the file buffer, the output buffer and their growth steps all
// came from fresh pages. Served from the heap and kept there instead, a freed
// buffer's pages are reused by the next one.
void keep_freed_memory() {
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
}

}  // namespace

int main(int argc, char** argv) {
  initialise_openssl();
  keep_freed_memory();
  // Output is bytes: no locale, no synchronisation with C stdio needed.
  std::ios::sync_with_stdio(false);
  // Like the JVM: a closed pipe (kstool -list | head -1) is not fatal, the
  // output is just lost and the exit status stays keytool's.
  std::signal(SIGPIPE, SIG_IGN);
  std::vector<std::string> args = take_arguments(argc, argv);
  kstool::ProcessStdin in;
  kstool::Environment env = kstool::process_environment();
  std::vector<std::string> names_read;
  env.getenv = [&names_read, lookup = env.getenv](const std::string& name) {
    names_read.push_back(name);
    return lookup(name);
  };
  const int status = kstool::run(std::move(args), kstool::Io{std::cout, std::cerr, in}, env);
  wipe_environment_values(names_read);
  scrub_stack();
  return status;
}
