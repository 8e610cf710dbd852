// keytool -importkeystore of a store kstore wrote; see keytool_import.h.
#include "support/keytool_import.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "support/fixtures.h"

namespace kstore::testing {

bool have_keytool() { return std::system("command -v keytool >/dev/null 2>&1") == 0; }

KeytoolImport keytool_import(ByteView store, const std::string& type, const std::string& password) {
  // Named by type and process, so that tests running side by side do not share files.
  const std::string base = ::testing::TempDir() + "/kstore_" + type + "_" + std::to_string(::getpid());
  const std::string source = base + ".store";
  const std::string dest = base + "_import.p12";
  const std::string log = base + "_import.log";
  std::ofstream(source, std::ios::binary).write(reinterpret_cast<const char*>(store.data()), store.size());
  std::remove(dest.c_str());
  // C.UTF-8: keytool prints and reads non-ASCII aliases as UTF-8. The JIT and
  // GC options only make the JVM start faster.
  const std::string cmd = "LC_ALL=C.UTF-8 keytool -J-XX:TieredStopAtLevel=1 -J-XX:+UseSerialGC -importkeystore -noprompt"
                          " -srckeystore '" + source + "' -srcstoretype " + type + " -srcstorepass '" + password +
                          "' -destkeystore '" + dest + "' -deststoretype PKCS12 -deststorepass '" + password + "' > '" +
                          log + "' 2>&1";
  KeytoolImport result;
  result.exit_code = std::system(cmd.c_str());
  result.output = file_text(log);
  std::remove(source.c_str());
  std::remove(dest.c_str());
  std::remove(log.c_str());
  return result;
}

}  // namespace kstore::testing
