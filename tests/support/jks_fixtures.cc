// The testdata/jks fixtures as the JKS tests load them; see jks_fixtures.h.
#include "support/jks_fixtures.h"

#include "jks/jks.h"
#include "kstore/password.h"
#include "support/fixtures.h"
#include "support/must.h"

namespace kstore::testing::jks_fixtures {

Bytes fixture(const std::string& name) { return testdata_bytes("jks/" + name); }

StoreType type_of(const std::string& file) {
  return file.ends_with(".jceks") ? StoreType::kJceks : StoreType::kJks;
}

const std::map<std::string, FixturePasswords>& fixture_passwords() {
  static const std::map<std::string, FixturePasswords> kPasswords = {
      {"rsa2048.jks", {"changeit", {"changeit"}}},
      {"ec_p256.jks", {"changeit", {"changeit"}}},
      {"dsa2048.jks", {"changeit", {"changeit"}}},
      {"keypass_differs.jks", {"storepass1", {"keypass22"}}},
      {"non_ascii_alias.jks", {"changeit", {"changeit"}}},
      {"chain.jks", {"changeit", {"changeit"}}},
      {"mixed.jceks", {"changeit", {"changeit"}}},
      {"keypass_differs.jceks", {"storepass1", {"keypass22", "secretpass3"}}},
      {"jceks_default_iterations.jceks", {"changeit", {"changeit"}}},
  };
  return kPasswords;
}

Keystore load_fixture(const std::string& name) {
  const Password pw = Password::from_utf8(fixture_passwords().at(name).store);
  return must(jks::load(backend(), fixture(name), type_of(name), &pw, Limits{}), name);
}

const Bytes& some_cert(size_t i) {
  static const std::vector<Bytes> kCerts = [] {
    Keystore ks = load_fixture("chain.jks");
    return std::vector<Bytes>{ks.find("leaf")->chain[0].encoded, ks.find("leaf")->chain[1].encoded,
                              load_fixture("rsa2048.jks").entries()[0].chain[0].encoded};
  }();
  return kCerts.at(i);
}

Result<Keystore> load_with(const Bytes& file, StoreType type, std::string_view password, const Limits& limits) {
  const Password pw = Password::from_utf8(password);
  return jks::load(backend(), file, type, &pw, limits);
}

}  // namespace kstore::testing::jks_fixtures
