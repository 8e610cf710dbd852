// What a command runs with: the parsed command line, the streams, the
// warnings gathered for the final block, and the environment.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli.h"
#include "kstore/crypto_backend.h"
#include "kstore/keystore.h"
#include "terminal.h"

namespace kstool {

struct Io {
  std::ostream& out;  // command output and "keytool error:" lines
  std::ostream& err;  // prompts, messages, usage, warnings
  Stdin& in;
};

// The process environment, replaceable in tests.
struct Environment {
  // getenv: a view of the value where it lives, nullopt when unset. Never a
  // copy: a value may be a password (-storepass:env), and a std::string copy
  // would outlive the wipe (docs/secrets.md).
  std::function<std::optional<std::string_view>(const std::string&)> getenv;
  // Milliseconds since the epoch. keytool shows the load time as the creation
  // date of PKCS#12 entries that recorded none; KSTORE_NOW_MS pins it.
  int64_t now_ms = 0;
  // KSTORE_CRYPTO_BACKEND=openssl|cryptopp picks a pure backend (for tests
  // and benchmarks); anything else, or a backend not built in, the default.
  kstore::CryptoBackend crypto_backend = kstore::CryptoBackend::kDefault;
  // KSTORE_WORKERS=N: the threads that reseal keys for -importkeystore
  // (1..1024); 0, the default, is one per core.
  unsigned workers = 0;
  std::string home;          // user.home, for the default -keystore
  std::string cacerts_path;  // what -cacerts opens
  // Java system properties a -conf file may refer to as ${name}.
  std::map<std::string, std::string> system_properties;
};

struct Context {
  Invocation& inv;
  Io io;
  const Environment& env;
  std::vector<std::string>& warnings;  // final "Warning:" block, in order
  std::string keystore_path;           // -keystore as typed, or $HOME/.keystore
  // Warnings keytool adds after the keystore-format one (the in-place
  // -importkeystore backup note).
  std::vector<std::string> late_warnings = {};
  // What the file at keystore_path holds, as far as the proprietary-format
  // warning cares, once this command has read or written it: keytool
  // re-reads the file for that warning, kstool already knows.
  struct StoreOnDisk {
    kstore::StoreType format;
    bool only_certificates;  // JKS/JCEKS: every entry a trusted certificate the JDK can find
  };
  std::optional<StoreOnDisk> store_on_disk = {};
};

}  // namespace kstool
