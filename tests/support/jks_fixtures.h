// The keytool-made JKS/JCEKS fixtures of testdata/jks (made by make.sh) as
// the JKS tests (tests/unit/jks_*_test.cc) load them: by file name, with the
// passwords make.sh used, on the build's default crypto backend.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/crypto.h"
#include "kstore/bytes.h"
#include "kstore/keystore.h"
#include "kstore/limits.h"
#include "kstore/status.h"
#include "kstore/store_type.h"

namespace kstore::testing::jks_fixtures {

// The format functions run on the build's default backend in these tests.
inline const crypto::Backend& backend() { return crypto::default_backend(); }

// testdata/jks/<name>.
Bytes fixture(const std::string& name);

// JCEKS for a .jceks file, JKS otherwise.
StoreType type_of(const std::string& file);

// Passwords make.sh used: store password, then the key passwords to try.
struct FixturePasswords {
  std::string store;
  std::vector<std::string> keys;
};
// Every fixture by file name.
const std::map<std::string, FixturePasswords>& fixture_passwords();

// A fixture loaded with its store password; ends the test if it does not load.
Keystore load_fixture(const std::string& name);

// Certificates of the fixtures: 0 and 1 the chain of chain.jks's "leaf",
// 2 rsa2048.jks's.
const Bytes& some_cert(size_t i);

// jks::load with a password given as UTF-8.
Result<Keystore> load_with(const Bytes& file, StoreType type, std::string_view password, const Limits& limits = {});

}  // namespace kstore::testing::jks_fixtures
