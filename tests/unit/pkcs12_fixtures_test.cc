// kstore's PKCS#12 fixtures (testdata/pkcs12, made by make.sh with JDK 17 and
// JDK 25 keytool and OpenSSL 3.0): each loads with the JDK's view of its
// entries (from <name>.ref.json), every certificate and key OpenSSL extracts
// is there, and the protection, encodings and invisible extras are as the
// producers wrote them.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "base/utf.h"
#include "crypto/crypto.h"
#include "der/reader.h"
#include "kstore/keystore.h"
#include "kstore/pkcs12.h"
#include "kstore/sealing.h"
#include "support/json.h"
#include "support/fixtures.h"

namespace kstore {
namespace {

namespace json = testing::json;

const std::string kDir = testing::testdata_path("pkcs12/");

std::string sha256(ByteView b) { return to_hex(crypto::digest(crypto::HashAlg::kSha256, b)); }

std::vector<std::string> fixture_names() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(kDir)) {
    const std::string name = e.path().filename().string();
    const std::string suffix = ".ref.json";
    if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      out.push_back(name.substr(0, name.size() - suffix.size()));
  }
  std::sort(out.begin(), out.end());
  return out;
}

struct Fixture {
  Bytes file;
  json::Value ref;
  Password password;
  Password key_password;  // differs after KeyStore.store(stream, null), which keeps the keys as they were
};

Fixture load_fixture(const std::string& name) {
  Fixture f;
  f.file = testing::file_bytes(kDir + name + ".p12");
  auto parsed = json::parse(testing::file_text(kDir + name + ".ref.json"));
  EXPECT_TRUE(parsed.ok()) << parsed.status().to_string();
  if (parsed.ok()) f.ref = std::move(parsed).value();
  f.password = Password::from_utf8(f.ref["password"].as_string());
  f.key_password = Password::from_utf8(
      f.ref["keyPassword"].is_string() ? f.ref["keyPassword"].as_string() : f.ref["password"].as_string());
  return f;
}

std::vector<std::string> chain_hashes(const Entry& e) {
  std::vector<std::string> out;
  for (const Certificate& c : e.chain) out.push_back(sha256(c.encoded));
  return out;
}

TEST(Pkcs12Fixtures, ThereAreFixtures) { EXPECT_GE(fixture_names().size(), 20u); }

// The JDK KeyStore API's entries, compared one by one with kstore's visible ones.
TEST(Pkcs12Fixtures, VisibleEntriesAreTheJdkView) {
  for (const std::string& name : fixture_names()) {
    SCOPED_TRACE(name);
    Fixture f = load_fixture(name);
    const json::Value& jdk = f.ref["jdk"];
    if (jdk.is_null()) continue;
    auto store = load_keystore(f.file, &f.password);
    ASSERT_TRUE(store.ok()) << store.status().to_string();
    std::vector<const Entry*> visible;
    for (const Entry& e : store->entries())
      if (e.visible_to_jdk) visible.push_back(&e);
    ASSERT_EQ(visible.size(), jdk["entries"].size());
    for (const json::Value& want : jdk["entries"].as_array()) {
      const std::string alias = want["alias"].as_string();
      SCOPED_TRACE(alias);
      const Entry* got = store->find(alias);
      ASSERT_NE(got, nullptr);
      EXPECT_TRUE(got->visible_to_jdk);
      EXPECT_EQ(utf::java_to_lower_utf8(got->alias), alias);  // the JDK shows lower case
      std::vector<std::string> want_chain;
      for (const json::Value& h : want["chain"].as_array()) want_chain.push_back(h.as_string());
      EXPECT_EQ(chain_hashes(*got), want_chain);
      const std::string type = want["entryType"].as_string();
      if (type == "trustedCertEntry") {
        EXPECT_EQ(got->type, EntryType::kTrustedCert);
      } else if (type == "SecretKeyEntry") {
        ASSERT_EQ(got->type, EntryType::kSecretKey);
        auto key = unseal_secret_key(*got->key, f.key_password);
        ASSERT_TRUE(key.ok()) << key.status().to_string();
        EXPECT_EQ(key->algorithm, want["keyAlg"].as_string());
        EXPECT_EQ(int64_t(key->key.size() * 8), want["keyBits"].as_int());
        EXPECT_EQ(sha256(key->key), want["keyEncodedSha256"].as_string());
      } else {
        ASSERT_EQ(got->type, EntryType::kPrivateKey);
        auto pkcs8 = unseal_private_key(*got->key, f.key_password);
        ASSERT_TRUE(pkcs8.ok()) << pkcs8.status().to_string();
        // "PrivateKeyEntry?" with keyError: the JDK lists it but cannot decrypt
        // it (two-key 3DES); kstore can, and OpenSSL's view checks the bytes.
        if (want.find("keyEncodedSha256")) {
          EXPECT_EQ(sha256(*pkcs8), want["keyEncodedSha256"].as_string());
        }
      }
    }
  }
}

// Everything OpenSSL extracts is in kstore's entries, visible or not.
TEST(Pkcs12Fixtures, EveryBagOpensslSeesIsThere) {
  for (const std::string& name : fixture_names()) {
    SCOPED_TRACE(name);
    Fixture f = load_fixture(name);
    const json::Value& ossl = f.ref["openssl"];
    if (ossl.is_null()) continue;
    auto store = load_keystore(f.file, &f.password);
    ASSERT_TRUE(store.ok()) << store.status().to_string();
    std::set<std::string> certs, keys;
    for (const Entry& e : store->entries()) {
      for (const std::string& h : chain_hashes(e)) certs.insert(h);
      if (e.type == EntryType::kPrivateKey) {
        auto pkcs8 = unseal_private_key(*e.key, f.key_password);
        ASSERT_TRUE(pkcs8.ok()) << e.alias << ": " << pkcs8.status().to_string();
        keys.insert(sha256(*pkcs8));
      }
    }
    for (const json::Value& h : ossl["certs"].as_array()) {
      EXPECT_TRUE(certs.count(h.as_string())) << h.as_string();
    }
    if (ossl["keys"].is_array()) {
      for (const json::Value& h : ossl["keys"].as_array()) {
        EXPECT_TRUE(keys.count(h.as_string())) << h.as_string();
      }
    }
  }
}

struct Expect {
  const char* fixture;
  const char* cert_alg;
  const char* key_alg;
  const char* mac_alg;
  uint64_t cert_iterations, mac_iterations;
  size_t visible, invisible;
  const char* encoding;  // load_info().password_encoding contains this ("" = must be empty)
};

const Expect kExpect[] = {
    {"jdk17_modern", "PBEWithHmacSHA256AndAES_256", "PBEWithHmacSHA256AndAES_256", "HmacPBESHA256", 10000, 10000, 5, 0, ""},
    {"jdk17_legacy", "PBEWithSHA1AndRC2_40", "PBEWithSHA1AndDESede", "HmacPBESHA1", 50000, 100000, 5, 0, ""},
    {"jdk17_passwordless", "NONE", "PBEWithHmacSHA256AndAES_256", "NONE", 0, 0, 5, 0, ""},
    {"jdk17_truststore", "PBEWithHmacSHA256AndAES_256", "PBEWithHmacSHA256AndAES_256", "HmacPBESHA256", 10000, 10000, 2, 0, ""},
    {"jdk25_modern", "PBEWithHmacSHA256AndAES_256", "PBEWithHmacSHA256AndAES_256", "HmacPBESHA256", 10000, 10000, 5, 0, ""},
    {"jdk25_nonascii", "PBEWithHmacSHA256AndAES_256", "PBEWithHmacSHA256AndAES_256", "HmacPBESHA256", 10000, 10000, 5, 0, ""},
    // JDK 25 keyed the legacy ciphers with the 7-bit-masked UTF-8 password; its MAC is standard.
    {"jdk25_nonascii_legacy", "PBEWithSHA1AndRC2_40", "PBEWithSHA1AndDESede", "HmacPBESHA1", 50000, 100000, 5, 0,
     "encrypted SafeContents: UTF-8 masked to 7 bits"},
    {"ossl_modern", "PBEWithHmacSHA256AndAES_256", "PBEWithHmacSHA256AndAES_256", "HmacPBESHA256", 2048, 2048, 1, 0, ""},
    {"ossl_legacy", "PBEWithSHA1AndRC2_40", "PBEWithSHA1AndDESede", "HmacPBESHA1", 2048, 2048, 1, 0, ""},
    {"ossl_nonascii_legacy", "PBEWithSHA1AndRC2_40", "PBEWithSHA1AndDESede", "HmacPBESHA1", 2048, 2048, 1, 0, ""},
    {"ossl_empty", "PBEWithHmacSHA256AndAES_256", "PBEWithHmacSHA256AndAES_256", "HmacPBESHA256", 2048, 2048, 1, 0, ""},
    {"ossl_sha512mac", "PBEWithHmacSHA256AndAES_256", "PBEWithHmacSHA256AndAES_256", "HmacPBESHA512", 2048, 2048, 1, 0, ""},
    {"ossl_pbes2_3des", "PBES2 (PBKDF2-HmacSHA256, DES-EDE3-CBC)", "PBES2 (PBKDF2-HmacSHA256, DES-EDE3-CBC)",
     "HmacPBESHA256", 2048, 2048, 1, 0, ""},
    {"ossl_aes128_sha1prf", "PBES2 (PBKDF2-HmacSHA256, AES-192-CBC)", "PBEWithHmacSHA256AndAES_128", "HmacPBESHA1", 2048,
     2048, 1, 0, ""},
    {"ossl_2des_rc4", "PBEWithSHA1AndRC4_128", "PBEWithSHA1AndDESede2Key (1.2.840.113549.1.12.1.4)", "HmacPBESHA1", 2048,
     2048, 1, 0, ""},
    {"ossl_rc2_128_rc4_40", "PBEWithSHA1AndRC4_40", "PBEWithSHA1AndRC2_128", "HmacPBESHA1", 2048, 2048, 1, 0, ""},
    // KeyStore.store(stream, null): JDK 17 keys the MAC and the certificate
    // encryption with the empty password, JDK 25 writes neither.
    {"jdk17_store_null", "PBEWithHmacSHA256AndAES_256", "PBEWithHmacSHA256AndAES_256", "HmacPBESHA256", 10000, 10000, 5,
     0, ""},
    {"jdk25_store_null", "NONE", "PBEWithHmacSHA256AndAES_256", "NONE", 0, 0, 5, 0, ""},
    // No trust attribute: the JDK sees nothing; kstore lists both certificates, marked.
    {"ossl_nokeys", "PBEWithHmacSHA256AndAES_256", "PBEWithHmacSHA256AndAES_256", "HmacPBESHA256", 2048, 2048, 0, 2, ""},
    // A keyBag in clear: invisible to the JDK, listed by kstore with its chain.
    {"ossl_plain", "NONE", "PBEWithHmacSHA256AndAES_256", "NONE", 0, 0, 0, 1, ""},
};

TEST(Pkcs12Fixtures, ProtectionVisibilityAndEncodingAreRecorded) {
  for (const Expect& x : kExpect) {
    SCOPED_TRACE(x.fixture);
    Fixture f = load_fixture(x.fixture);
    auto store = load_keystore(f.file, &f.password);
    ASSERT_TRUE(store.ok()) << store.status().to_string();
    ASSERT_TRUE(store->pkcs12_protection().has_value());
    const Pkcs12Protection& p = *store->pkcs12_protection();
    EXPECT_EQ(pkcs12_cert_algorithm_name(p), x.cert_alg);
    EXPECT_EQ(pkcs12_key_algorithm_name(p), x.key_alg);
    EXPECT_EQ(pkcs12_mac_algorithm_name(p), x.mac_alg);
    if (x.cert_iterations) {
      EXPECT_EQ(p.cert_iterations, x.cert_iterations);
    }
    if (x.mac_iterations) {
      EXPECT_EQ(p.mac_iterations, x.mac_iterations);
    }
    size_t visible = 0, invisible = 0;
    for (const Entry& e : store->entries()) {
      if (e.visible_to_jdk) {
        ++visible;
      } else {
        ++invisible;
        EXPECT_FALSE(e.jdk_invisible_reason.empty());
      }
    }
    EXPECT_EQ(visible, x.visible);
    EXPECT_EQ(invisible, x.invisible);
    const std::string& encoding = store->load_info().password_encoding;
    if (*x.encoding) {
      EXPECT_NE(encoding.find(x.encoding), std::string::npos) << encoding;
    } else {
      EXPECT_EQ(encoding, "");
    }
    EXPECT_EQ(store->load_info().integrity_checked, p.mac.has_value());
    EXPECT_EQ(store->load_info().had_integrity_data, p.mac.has_value());
  }
}

// JDK-made key entries carry their creation date as "Time <ms>"; trusted
// certificates keep the case of their friendlyName; OpenSSL's unnamed key is "1".
TEST(Pkcs12Fixtures, JdkDetailsAreKept) {
  Fixture f = load_fixture("jdk17_modern");
  auto store = load_keystore(f.file, &f.password);
  ASSERT_TRUE(store.ok());
  const Entry* server = store->find("server");
  ASSERT_NE(server, nullptr);
  ASSERT_TRUE(server->creation_time_ms.has_value());
  EXPECT_EQ("Time " + std::to_string(*server->creation_time_ms),
            std::string(as_chars(server->format_details.local_key_id())));
  const Entry* root = store->find("root ca");
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(root->alias, "Root CA");
  EXPECT_FALSE(root->creation_time_ms.has_value());
  ASSERT_EQ(root->format_details.trusted_key_usages().size(), 1u);
  EXPECT_EQ(der::oid_to_string(root->format_details.trusted_key_usages()[0]), "2.5.29.37.0");

  // The details are a value: changing a copy leaves the loaded entry alone.
  FormatDetails moved = server->format_details;
  moved.clear_local_key_id();
  EXPECT_TRUE(moved.local_key_id().empty());
  EXPECT_FALSE(server->format_details.local_key_id().empty());
  const FormatDetails usages = root->format_details.trusted_key_usages_only();
  EXPECT_EQ(usages.trusted_key_usages(), root->format_details.trusted_key_usages());
  EXPECT_TRUE(usages.local_key_id().empty());
  EXPECT_TRUE(FormatDetails().empty());

  Fixture n = load_fixture("ossl_noname");
  auto unnamed = load_keystore(n.file, &n.password);
  ASSERT_TRUE(unnamed.ok());
  ASSERT_EQ(unnamed->size(), 1u);
  EXPECT_EQ(unnamed->entries()[0].alias, "1");
  EXPECT_EQ(unnamed->entries()[0].chain.size(), 2u);  // the CA joined by the issuer walk
}

// A password-less store opens with no password at all, fully.
TEST(Pkcs12Fixtures, PasswordlessStoreOpensWithoutPassword) {
  Fixture f = load_fixture("jdk17_passwordless");
  auto store = load_keystore(f.file, nullptr);
  ASSERT_TRUE(store.ok()) << store.status().to_string();
  EXPECT_EQ(store->size(), 5u);
  EXPECT_FALSE(store->load_info().had_integrity_data);
  const Entry* server = store->find("server");
  ASSERT_NE(server, nullptr);
  EXPECT_EQ(server->chain.size(), 2u);
  // The keys are still encrypted, with the key password.
  EXPECT_TRUE(unseal_private_key(*server->key, f.password).ok());
}

// Both KeyStore.store(stream, null) forms open with no password, and with
// the empty one; JDK 17's encrypted certificates need the latter.
TEST(Pkcs12Fixtures, StoreWithNullPasswordReadsBack) {
  for (const char* name : {"jdk17_store_null", "jdk25_store_null"}) {
    SCOPED_TRACE(name);
    Fixture f = load_fixture(name);
    const Password empty;
    auto with_empty = load_keystore(f.file, &empty);
    ASSERT_TRUE(with_empty.ok()) << with_empty.status().to_string();
    EXPECT_EQ(with_empty->size(), 5u);
    auto with_none = load_keystore(f.file, nullptr);
    ASSERT_TRUE(with_none.ok()) << with_none.status().to_string();
    const Entry* server = with_none->find("server");
    ASSERT_NE(server, nullptr);
    EXPECT_EQ(server->chain.empty(), std::string(name) == "jdk17_store_null");
    EXPECT_TRUE(unseal_private_key(*server->key, f.key_password).ok());
  }
}

// Without a password the encrypted certificates cannot be read: the load
// says so instead of dropping them silently.
TEST(Pkcs12Fixtures, NoPasswordNotesWhatWasSkipped) {
  Fixture f = load_fixture("jdk17_modern");
  auto store = load_keystore(f.file, nullptr);
  ASSERT_TRUE(store.ok()) << store.status().to_string();
  EXPECT_FALSE(store->load_info().integrity_checked);
  std::string notes;
  for (const std::string& n : store->load_info().notes) notes += n + "\n";
  EXPECT_NE(notes.find("encrypted SafeContents not opened"), std::string::npos) << notes;
  EXPECT_NE(notes.find("integrity not verified"), std::string::npos) << notes;
  EXPECT_EQ(1u, store->load_info().encrypted_contents_skipped);
  const Entry* server = store->find("server");
  ASSERT_NE(server, nullptr);
  EXPECT_TRUE(server->chain.empty());
  EXPECT_EQ(store->find("root ca"), nullptr);

  // When the empty password would open them, the note says so.
  Fixture e = load_fixture("ossl_empty");
  auto empty = load_keystore(e.file, nullptr);
  ASSERT_TRUE(empty.ok()) << empty.status().to_string();
  notes.clear();
  for (const std::string& n : empty->load_info().notes) notes += n + "\n";
  EXPECT_NE(notes.find("they open with the empty password"), std::string::npos) << notes;
}

}  // namespace
}  // namespace kstore
