// Writing JKS: keys sealed as JDK 17 seals them (and read as JDK 25 writes
// them), what a JKS file cannot hold, inconsistent entries, a key without a
// chain; and keytool reading what kstore writes.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "der/reader.h"
#include "der/writer.h"
#include "jks/jks.h"
#include "pbe/jks_key_protector.h"
#include "support/jks_fixtures.h"
#include "support/keytool_import.h"
#include "support/must.h"

namespace kstore::jks {
namespace {

using testing::jks_fixtures::backend;
using testing::jks_fixtures::load_fixture;
using testing::jks_fixtures::load_with;
using testing::jks_fixtures::some_cert;

Entry private_key_entry(std::string alias, SealedKey key, std::vector<Certificate> chain) {
  Entry e;
  e.alias = std::move(alias);
  e.type = EntryType::kPrivateKey;
  e.creation_time_ms = 1234;
  e.key = std::move(key);
  e.chain = std::move(chain);
  return e;
}

SecretBytes fixture_pkcs8(const char* file, const char* pw) {
  Keystore ks = load_fixture(file);
  if (ks.entries().empty() || !ks.entries()[0].key) throw std::runtime_error(std::string(file) + ": no key entry");
  return kstore::testing::must(jks::unseal_private_key(backend(), *ks.entries()[0].key, Password::from_utf8(pw), Limits{}), file);
}

TEST(JksWrite, SealsKeysAsJdk17) {
  const SecretBytes pkcs8 = fixture_pkcs8("ec_p256.jks", "changeit");
  const Password pw = Password::from_utf8("n3w-pässword");  // UTF-16BE: any character is fine in JKS
  auto sealed = jks::seal_private_key(backend(), StoreType::kJks, pkcs8, pw, SealParams{});
  ASSERT_TRUE(sealed.ok()) << sealed.status().to_string();
  EXPECT_EQ(sealed->protection, KeyProtection::kJksKeyProtector);
  // SEQUENCE { SEQUENCE { OID 1.3.6.1.4.1.42.2.17.1.1, NULL }, OCTET STRING salt||key||check }
  EXPECT_NE(to_hex(sealed->encoded).find("300e060a2b060104012a021101010500"), std::string::npos);
  auto back = jks::unseal_private_key(backend(), *sealed, pw, Limits{});
  ASSERT_TRUE(back.ok());
  EXPECT_TRUE(equal_bytes(*back, pkcs8));

  // JDK 25 leaves the parameters out; readers take both.
  der::Reader top(sealed->encoded);
  auto info = top.read_sequence();
  ASSERT_TRUE(info.ok());
  ASSERT_TRUE(info->read_sequence().ok());
  auto protected_key = info->read_octet_string();
  ASSERT_TRUE(protected_key.ok());
  der::Writer w;
  w.sequence([&](der::Writer& seq) {
    seq.sequence([&](der::Writer& alg) { alg.oid(pbe::kJksKeyProtectorOid); });
    seq.octet_string(*protected_key);
  });
  Bytes no_null = std::move(w).finish().value();
  EXPECT_NE(to_hex(no_null).find("300c060a2b060104012a02110101"), std::string::npos);
  auto jdk25 = jks::unseal_private_key(backend(), SealedKey{KeyProtection::kJksKeyProtector, no_null}, pw, Limits{});
  ASSERT_TRUE(jdk25.ok()) << jdk25.status().to_string();
  EXPECT_TRUE(equal_bytes(*jdk25, pkcs8));
}

TEST(JksWrite, UnknownProtectionOidIsUnsupported) {
  // SEQUENCE { SEQUENCE { OID 1.2.3.4 }, OCTET STRING 00×40 }
  Bytes epki = {0x30, 0x31, 0x30, 0x05, 0x06, 0x03, 0x2a, 0x03, 0x04, 0x04, 0x28};
  epki.resize(epki.size() + 40);
  for (KeyProtection p : {KeyProtection::kJksKeyProtector, KeyProtection::kJcePbe}) {
    auto k = jks::unseal_private_key(backend(), SealedKey{p, epki}, Password::from_utf8("x"), Limits{});
    ASSERT_FALSE(k.ok());
    EXPECT_EQ(k.status().code(), ErrorCode::kUnsupported);
    EXPECT_NE(k.status().message().find("1.2.3.4"), std::string::npos);
  }
}

TEST(JksWrite, JksCannotHoldSecretKeysOrJceksProtectedKeys) {
  Keystore jceks = load_fixture("mixed.jceks");
  Keystore only_secret(StoreType::kJks);
  only_secret.append(*jceks.find("aes128"));
  auto saved = save(backend(), only_secret, Password::from_utf8("changeit"), Limits{});
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.status().code(), ErrorCode::kUnsupported);
  EXPECT_NE(saved.status().message().find("Cannot store non-PrivateKeys"), std::string::npos);

  Keystore pbe_key(StoreType::kJks);
  pbe_key.append(*jceks.find("rsa"));
  saved = save(backend(), pbe_key, Password::from_utf8("changeit"), Limits{});
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.status().code(), ErrorCode::kUnsupported);
  EXPECT_NE(saved.status().message().find("PBEWithMD5AndTripleDES"), std::string::npos);

  Keystore plain_pkcs12(StoreType::kJceks);
  plain_pkcs12.append(private_key_entry("k", SealedKey{KeyProtection::kPkcs12Plain, Bytes{0x30, 0x00}}, {}));
  EXPECT_EQ(save(backend(), plain_pkcs12, Password(), Limits{}).status().code(), ErrorCode::kUnsupported);
}

TEST(JksWrite, RejectsInconsistentEntries) {
  Entry no_key = private_key_entry("k", SealedKey{}, {});
  no_key.key.reset();
  Entry two_certs;
  two_certs.alias = "t";
  two_certs.type = EntryType::kTrustedCert;
  two_certs.chain = {Certificate{"X.509", some_cert(0)}, Certificate{"X.509", some_cert(1)}};
  for (const Entry& e : {no_key, two_certs}) {
    SCOPED_TRACE(e.alias);
    Keystore ks(StoreType::kJks);
    ks.append(e);
    auto saved = save(backend(), ks, Password(), Limits{});
    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.status().code(), ErrorCode::kInvalidArgument);
  }
}

TEST(JksWrite, KeyWithEmptyChainRoundTrips) {
  const Password pw = Password::from_utf8("changeit");
  auto sealed = jks::seal_private_key(backend(), StoreType::kJks, fixture_pkcs8("rsa2048.jks", "changeit"), pw, SealParams{});
  ASSERT_TRUE(sealed.ok());
  Keystore ks(StoreType::kJks);
  ks.append(private_key_entry("lonely", *sealed, {}));
  auto saved = save(backend(), ks, pw, Limits{});
  ASSERT_TRUE(saved.ok());
  auto loaded = load_with(*saved, StoreType::kJks, "changeit");
  ASSERT_TRUE(loaded.ok());
  EXPECT_TRUE(loaded->entries()[0].chain.empty());
  EXPECT_EQ(loaded->entries()[0].key->encoded, sealed->encoded);
}

// ---------------------------------------------------------------- keytool as the judge

TEST(JksKeytool, ReadsWhatKstoreWrites) {
  if (!testing::have_keytool()) GTEST_SKIP() << "keytool not installed";
  const Password pw = Password::from_utf8("changeit");
  Keystore ks(StoreType::kJks);
  auto rsa = jks::seal_private_key(backend(), StoreType::kJks, fixture_pkcs8("rsa2048.jks", "changeit"), pw, SealParams{});
  auto ec = jks::seal_private_key(backend(), StoreType::kJks, fixture_pkcs8("ec_p256.jks", "changeit"), pw, SealParams{});
  ASSERT_TRUE(rsa.ok() && ec.ok());
  ks.append(private_key_entry("rsa", *rsa, load_fixture("rsa2048.jks").entries()[0].chain));
  ks.append(private_key_entry("schlüssel-ключ", *ec, load_fixture("ec_p256.jks").entries()[0].chain));
  Entry trusted;
  trusted.alias = "ca";
  trusted.type = EntryType::kTrustedCert;
  trusted.creation_time_ms = 1;
  trusted.chain = {Certificate{"X.509", some_cert(1)}};
  ks.append(trusted);
  auto saved = save(backend(), ks, pw, Limits{});
  ASSERT_TRUE(saved.ok()) << saved.status().to_string();
  const testing::KeytoolImport imported = testing::keytool_import(*saved, "JKS", "changeit");
  EXPECT_EQ(imported.exit_code, 0) << imported.output;
  EXPECT_NE(imported.output.find("3 entries successfully imported, 0 entries failed or cancelled"), std::string::npos)
      << imported.output;
}

}  // namespace
}  // namespace kstore::jks
