// The JDK's view of a store (kstore/jdk_view.h) and the store-type rules
// (kstore/store_type.h): what keytool's commands ask of the library.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kstore/java_string.h"
#include "kstore/jdk_view.h"
#include "kstore/store_type.h"

namespace kstore {
namespace {

Entry trusted(const std::string& alias, uint8_t cert_byte) {
  Entry e;
  e.alias = alias;
  e.type = EntryType::kTrustedCert;
  e.chain.push_back(Certificate{"X.509", Bytes{0x30, 0x03, 0x02, 0x01, cert_byte}});
  return e;
}

std::vector<std::string> aliases_in_order(const JdkView& view) {
  std::vector<std::string> out;
  for (const Entry* e : view.entries()) out.push_back(view.alias(*e));
  return out;
}

TEST(JdkView, JksAndJceksWalkTheHashtableOfTheAliasesAsRead) {
  const std::vector<std::string> aliases = {"Alpha", "BRAVO", "charlie", "Delta", "echo"};
  for (StoreType type : {StoreType::kJks, StoreType::kJceks}) {
    SCOPED_TRACE(store_type_name(type));
    Keystore store(type);
    for (size_t i = 0; i < aliases.size(); ++i) store.append(trusted(aliases[i], static_cast<uint8_t>(i)));
    std::vector<std::string> expected;
    for (size_t i : java_hashtable_order(aliases)) expected.push_back(aliases[i]);
    EXPECT_EQ(expected, aliases_in_order(JdkView(store, keystore_type_of(type))));
  }
}

TEST(JdkView, Pkcs12EnumeratesLowerCasedAliasesInLoadOrder) {
  Keystore store(StoreType::kPkcs12);
  store.append(trusted("Zulu", 1));
  store.append(trusted("alpha", 2));
  Entry hidden = trusted("Hidden", 3);
  hidden.visible_to_jdk = false;
  store.append(hidden);
  const JdkView view(store, KeystoreType::kPkcs12);
  EXPECT_EQ((std::vector<std::string>{"zulu", "alpha"}), aliases_in_order(view));
  EXPECT_NE(nullptr, view.find("ZULU"));
  EXPECT_EQ(nullptr, view.find("hidden")) << "an entry the JDK does not see is not found";
}

TEST(JdkView, CaseExactJksMatchesAliasesExactly) {
  Keystore store(StoreType::kJks);
  store.append(trusted("MixedCase", 1));
  EXPECT_NE(nullptr, JdkView(store, KeystoreType::kCaseExactJks).find("MixedCase"));
  EXPECT_EQ(nullptr, JdkView(store, KeystoreType::kCaseExactJks).find("mixedcase"));
  EXPECT_NE(nullptr, JdkView(store, KeystoreType::kJks).find("mixedcase"));
  EXPECT_EQ("MixedCase", stored_alias(KeystoreType::kCaseExactJks, "MixedCase"));
  EXPECT_EQ("mixedcase", stored_alias(KeystoreType::kJks, "MixedCase"));
}

TEST(JdkView, KeyEntryWithoutCertificateIsASecretKeyToJksOnly) {
  Entry key;
  key.alias = "k";
  key.type = EntryType::kPrivateKey;
  key.key = SealedKey{KeyProtection::kJksKeyProtector, Bytes{1}};
  Keystore jks(StoreType::kJks);
  jks.append(key);
  EXPECT_EQ(EntryType::kSecretKey, JdkView(jks, KeystoreType::kJks).entry_type(jks.entries()[0]));
  Keystore p12(StoreType::kPkcs12);
  p12.append(key);
  EXPECT_EQ(EntryType::kPrivateKey, JdkView(p12, KeystoreType::kPkcs12).entry_type(p12.entries()[0]));
}

TEST(JdkView, CertificateOwnerIsTheFirstInEnumerationOrder) {
  Keystore store(StoreType::kJks);
  for (int i = 0; i < 12; ++i) store.append(trusted("ca" + std::to_string(i), 7));  // one certificate, 12 entries
  const JdkView view(store, KeystoreType::kJks);
  const Entry* first = view.entries().front();
  EXPECT_EQ(first, view.certificate_owner(first->chain[0].encoded));
  EXPECT_EQ(first, JdkCertificateOwners(view).owner(first->chain[0].encoded));
  EXPECT_EQ(nullptr, JdkCertificateOwners(view).owner(Bytes{0x30, 0x00}));
}

TEST(JdkView, KeyPasswordRules) {
  const Password dest_key = Password::from_utf8("destkey");
  const Password dest_store = Password::from_utf8("deststore");
  const Password opened = Password::from_utf8("opened");
  EXPECT_FALSE(key_password_may_differ(KeystoreType::kPkcs12));
  EXPECT_TRUE(key_password_may_differ(KeystoreType::kJceks));
  EXPECT_EQ(&dest_key, &password_for_imported_key(KeystoreType::kPkcs12, &dest_key, &dest_store, opened));
  EXPECT_EQ(&dest_store, &password_for_imported_key(KeystoreType::kPkcs12, nullptr, &dest_store, opened));
  EXPECT_EQ(&opened, &password_for_imported_key(KeystoreType::kJks, nullptr, &dest_store, opened));
}

TEST(StoreTypes, NamesAndTheReaderForEachRequest) {
  EXPECT_EQ(KeystoreType::kPkcs12, parse_keystore_type("pkcs12"));
  EXPECT_EQ(KeystoreType::kCaseExactJks, parse_keystore_type("CASEEXACTJKS"));
  EXPECT_FALSE(parse_keystore_type("BKS").has_value());
  EXPECT_EQ(StoreType::kPkcs12, reader_for(KeystoreType::kJks, StoreType::kPkcs12));
  EXPECT_EQ(StoreType::kJks, reader_for(KeystoreType::kPkcs12, StoreType::kJks));
  EXPECT_EQ(StoreType::kJceks, reader_for(KeystoreType::kJceks, StoreType::kJks));
  EXPECT_FALSE(reader_for(KeystoreType::kJks, StoreType::kJceks).has_value());
  EXPECT_FALSE(reader_for(KeystoreType::kCaseExactJks, StoreType::kPkcs12).has_value());
  EXPECT_FALSE(reader_for(KeystoreType::kJceks, StoreType::kPkcs12).has_value());
  EXPECT_EQ(StoreType::kPkcs12, reader_for(KeystoreType::kPkcs12, std::nullopt));
  EXPECT_STREQ("SunJCE", provider_name(KeystoreType::kJceks));
  EXPECT_STREQ("SUN", provider_name(KeystoreType::kCaseExactJks));
}

}  // namespace
}  // namespace kstore
