// PKCS#12 writing: a loaded store saved again is equivalent (untouched keys
// copied verbatim, protection reused), new stores follow the JDK's layout
// byte for byte where the JDK is deterministic, and every profile's output
// opens in OpenSSL and in the JDK (when they are installed; skipped otherwise).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>

#include "base/utf.h"
#include "crypto/crypto.h"
#include "der/reader.h"
#include "kstore/keystore.h"
#include "kstore/pkcs12.h"
#include "kstore/sealing.h"
#include "kstore/x509.h"
#include "pbe/algorithm_identifier.h"
#include "pbe/pbe.h"
#include "pbe/pbe_encryption.h"
#include "pkcs12/oids.h"
#include "pkcs12/safe_contents.h"
#include "support/corpus.h"
#include "support/json.h"
#include "support/fixtures.h"

namespace kstore {
namespace {

namespace fs = std::filesystem;

Bytes fixture(const std::string& name) { return testing::testdata_bytes("pkcs12/" + name); }

std::string sha256(ByteView b) { return to_hex(crypto::digest(crypto::HashAlg::kSha256, b)); }

const Password kChangeit = Password::from_utf8("changeit");
const Password kNonAscii = Password::from_utf8("p\xC3\xA4ssw\xC3\xB6rd\xE2\x82\xAC");  // pässwörd€

// The JDK's view of an entry: lower-cased alias for keys (the JDK writes the
// key bag's friendlyName lower-cased), everything else as is.
std::string view_alias(const Entry& e) {
  return e.type == EntryType::kTrustedCert ? e.alias : utf::java_to_lower_utf8(e.alias);
}

void expect_equivalent(const Keystore& a, const Keystore& b) {
  ASSERT_EQ(a.size(), b.size());
  for (const Entry& want : a.entries()) {
    SCOPED_TRACE(want.alias);
    const Entry* got = b.find(want.alias);
    ASSERT_NE(got, nullptr);
    EXPECT_EQ(view_alias(*got), view_alias(want));
    EXPECT_EQ(got->type, want.type);
    EXPECT_EQ(got->visible_to_jdk, want.visible_to_jdk);
    ASSERT_EQ(got->chain.size(), want.chain.size());
    for (size_t i = 0; i < want.chain.size(); ++i) {
      EXPECT_EQ(got->chain[i].encoded, want.chain[i].encoded);
    }
    EXPECT_EQ(got->key.has_value(), want.key.has_value());
    if (want.key) {
      EXPECT_EQ(got->key->protection, want.key->protection);
      EXPECT_EQ(got->key->encoded, want.key->encoded);  // copied verbatim, never re-encrypted
    }
    if (!want.format_details.local_key_id().empty()) {
      EXPECT_EQ(to_bytes(got->format_details.local_key_id()), to_bytes(want.format_details.local_key_id()));
    }
    EXPECT_EQ(got->creation_time_ms, want.creation_time_ms);
    EXPECT_EQ(got->format_details.trusted_key_usages(), want.format_details.trusted_key_usages());
    EXPECT_EQ(got->format_details.other_attribute_count(), want.format_details.other_attribute_count());
  }
}

void expect_same_protection(const Pkcs12Protection& a, const Pkcs12Protection& b) {
  EXPECT_EQ(pkcs12_cert_algorithm_name(a), pkcs12_cert_algorithm_name(b));
  EXPECT_EQ(pkcs12_mac_algorithm_name(a), pkcs12_mac_algorithm_name(b));
  if (a.cert_encryption) {
    EXPECT_EQ(a.cert_iterations, b.cert_iterations);
  }
  if (a.mac) {
    EXPECT_EQ(a.mac_iterations, b.mac_iterations);
  }
}

struct Source {
  const char* path;  // under testdata/pkcs12 or, with "corpus:", in the interop corpus
  const char* password;
};

const Source kSources[] = {
    {"jdk17_modern.p12", "changeit"},
    {"jdk17_legacy.p12", "changeit"},
    {"jdk17_passwordless.p12", "changeit"},
    {"jdk17_truststore.p12", "changeit"},
    {"jdk25_nonascii_legacy.p12", "p\xC3\xA4ssw\xC3\xB6rd\xE2\x82\xAC"},
    {"ossl_modern.p12", "changeit"},
    {"ossl_nokeys.p12", "changeit"},
    {"ossl_plain.p12", "changeit"},
    {"ossl_empty_legacy.p12", ""},
    {"ossl_2des_rc4.p12", "changeit"},
    {"corpus:p12-keystore/pbes2-keystore-with-secret-keys.p12", "changeit"},
    {"corpus:openjdk/ie_chain.pfx", "password"},
    {"corpus:dotnet-runtime-assets/TestDataCertificates-testclienteku.contoso.com.pfx", "PLACEHOLDER"},
    {"corpus:go-pkcs12/rfc9579-a1-pbmac1-sha256.p12", "1234"},
    {"corpus:bc-java/jsafe-with-key-entry.p12", "M\xC3\xB6tley Cr\xC3\xBC" "e"},
    {"corpus:pyca/name-all-pwd.p12", "password"},
    {"corpus:openjdk-params/os2.p12", "changeit"},
};

// A source's bytes; none for a corpus file when the corpus is not there.
std::optional<Bytes> source_bytes(const Source& s) {
  const std::string p = s.path;
  if (p.rfind("corpus:", 0) != 0) return fixture(p);
  if (!testing::corpus::available()) return std::nullopt;
  return testing::file_bytes(testing::corpus::corpus_dir() + "/" + p.substr(7));
}

TEST(Pkcs12RoundTrip, LoadSaveLoadIsEquivalent) {
  for (const Source& s : kSources) {
    SCOPED_TRACE(s.path);
    const std::optional<Bytes> file = source_bytes(s);
    if (!file) continue;  // corpus not available
    const Password pw = Password::from_utf8(s.password);
    auto first = load_keystore(*file, &pw);
    ASSERT_TRUE(first.ok()) << first.status().to_string();
    auto saved = save_keystore(*first, pw);
    ASSERT_TRUE(saved.ok()) << saved.status().to_string();
    auto second = load_keystore(*saved, &pw);
    ASSERT_TRUE(second.ok()) << second.status().to_string();
    expect_equivalent(*first, *second);
    expect_same_protection(*first->pkcs12_protection(), *second->pkcs12_protection());
    // Unsealing still works on the copied keys.
    for (const Entry& e : second->entries()) {
      if (e.type == EntryType::kPrivateKey) {
        EXPECT_TRUE(unseal_private_key(*e.key, pw).ok()) << e.alias;
      }
      if (e.type == EntryType::kSecretKey) {
        EXPECT_TRUE(unseal_secret_key(*e.key, pw).ok()) << e.alias;
      }
    }
    // And saving again is stable in everything but the fresh salts and IVs.
    auto third = save_keystore(*second, pw);
    ASSERT_TRUE(third.ok());
    EXPECT_EQ(third->size(), saved->size());
  }
}

// A new store, as kstool would build it from parts.
Keystore new_store(const Password& key_password, const SealParams& params) {
  auto loaded = load_keystore(fixture("jdk17_modern.p12"), &kChangeit);
  EXPECT_TRUE(loaded.ok());
  Keystore store(StoreType::kPkcs12);
  for (const Entry& e : loaded->entries()) {
    Entry copy = e;
    copy.format_details.clear_local_key_id();  // as a fresh entry has none
    if (e.type == EntryType::kPrivateKey) {
      auto pkcs8 = unseal_private_key(*e.key, kChangeit);
      EXPECT_TRUE(pkcs8.ok());
      copy.key = *seal_private_key(StoreType::kPkcs12, *pkcs8, key_password, params);
      copy.alias = "Server Key";
      copy.creation_time_ms = 1795896893264;
    } else if (e.type == EntryType::kSecretKey) {
      auto secret = unseal_secret_key(*e.key, kChangeit);
      EXPECT_TRUE(secret.ok());
      copy.key = *seal_secret_key(StoreType::kPkcs12, *secret, key_password, params);
      copy.creation_time_ms = 1795896893265;
    } else {
      copy.format_details.clear_trusted_key_usages();  // a new trusted entry: the writer adds anyExtendedKeyUsage
    }
    store.put(std::move(copy));
  }
  return store;
}

struct BagView {
  Bytes bag_id;
  std::vector<std::string> attribute_oids;  // in file order
  std::string friendly_name;
  std::string local_key_id;
  Bytes value;
};

std::vector<BagView> bags_of(ByteView safe_contents) {
  std::vector<BagView> out;
  der::Reader outer(safe_contents);
  auto bags = outer.read_sequence();
  EXPECT_TRUE(bags.ok());
  auto parsed = pkcs12::read_safe_contents(safe_contents);
  EXPECT_TRUE(parsed.ok());
  for (size_t i = 0; !bags->empty(); ++i) {
    auto bag = bags->read_sequence();
    BagView v;
    v.bag_id = to_bytes(*bag->read_oid());
    (void)bag->read_element();
    if (!bag->empty()) {
      auto set = bag->read_set();
      while (!set->empty()) {
        auto attr = set->read_sequence();
        v.attribute_oids.push_back(der::oid_to_string(*attr->read_oid()));
      }
    }
    const pkcs12::SafeBag& p = (*parsed)[i];
    v.friendly_name = p.attributes.friendly_name.value_or("");
    if (p.attributes.local_key_id) v.local_key_id = std::string(as_chars(*p.attributes.local_key_id));
    v.value = p.value;
    out.push_back(std::move(v));
  }
  return out;
}

// What the JDK writes (docs/formats.md, "PKCS#12: PFX and AuthenticatedSafe"
// and "PKCS#12: bag attributes"): key bags first in a data ContentInfo, the
// certificates in one encryptedData; attributes friendlyName, localKeyId,
// trusted usage in that order; key bags lower-case; trusted certificates keep
// their case; CA certificates are named by subject.
// Stores found by fuzz_roundtrip where a key's certificate names itself as
// issuer without a signature that verifies: the issuer walk goes by file
// order, so the writer puts such certificates last (docs/formats.md,
// "PKCS#12: what the writer produces"), and every entry comes back with its
// alias, visibility and chain; only the interleaving of entries may change.
TEST(Pkcs12RoundTrip, ChainsThatDependOnFileOrderComeBackAsTheyWere) {
  const fs::path dir = testing::testdata_path("fuzz/regressions/fuzz_roundtrip");
  size_t checked = 0;
  for (const auto& file : fs::directory_iterator(dir)) {
    if (!file.path().filename().string().starts_with("pkcs12_")) continue;
    SCOPED_TRACE(file.path().filename().string());
    const Bytes original = testing::file_bytes(file.path().string());
    auto first = load_keystore(original, &kChangeit);
    ASSERT_TRUE(first.ok()) << first.status().to_string();
    auto saved = save_keystore(*first, kChangeit);
    ASSERT_TRUE(saved.ok()) << saved.status().to_string();
    auto second = load_keystore(*saved, &kChangeit);
    ASSERT_TRUE(second.ok()) << second.status().to_string();
    ASSERT_EQ(first->entries().size(), second->entries().size());
    for (const Entry& a : first->entries()) {
      const Entry* b = nullptr;
      for (const Entry& e : second->entries())
        if (utf::java_to_lower_utf8(e.alias) == utf::java_to_lower_utf8(a.alias)) b = &e;
      ASSERT_NE(b, nullptr) << a.alias;
      EXPECT_EQ(a.type, b->type) << a.alias;
      EXPECT_EQ(a.visible_to_jdk, b->visible_to_jdk) << a.alias;
      ASSERT_EQ(a.chain.size(), b->chain.size()) << a.alias;
      for (size_t c = 0; c < a.chain.size(); ++c) EXPECT_EQ(a.chain[c].encoded, b->chain[c].encoded) << a.alias;
    }
    ++checked;
  }
  EXPECT_GE(checked, 5u);
}

TEST(Pkcs12Writer, LayoutIsTheJdks) {
  SealParams params;
  params.pkcs12_iterations = 1000;
  Keystore store = new_store(kChangeit, params);
  Pkcs12Protection protection = pkcs12_profile_protection(Pkcs12Profile::kModern);
  store.pkcs12_protection() = protection;
  auto saved = save_keystore(store, kChangeit);
  ASSERT_TRUE(saved.ok()) << saved.status().to_string();

  der::Reader top(*saved);
  auto pfx = top.read_sequence();
  ASSERT_TRUE(top.empty());
  EXPECT_EQ(*pfx->read_uint64(), 3u);
  auto auth_ci = pfx->read_sequence();
  (void)auth_ci->read_oid();
  auto auth_octets = auth_ci->read_explicit(0)->read_octet_string();
  der::Reader auth_reader(*auth_octets);
  auto infos = auth_reader.read_sequence();

  // (a) keys: a data ContentInfo.
  auto keys_ci = infos->read_sequence();
  EXPECT_EQ(to_bytes(*keys_ci->read_oid()), to_bytes(pkcs12::oid::kData));
  auto key_bags = bags_of(*keys_ci->read_explicit(0)->read_octet_string());
  ASSERT_EQ(key_bags.size(), 4u);  // server + three secret keys
  EXPECT_EQ(key_bags[0].bag_id, to_bytes(pkcs12::oid::kPkcs8ShroudedKeyBag));
  EXPECT_EQ(key_bags[0].friendly_name, "server key");  // lower-cased
  EXPECT_EQ(key_bags[0].local_key_id, "Time 1795896893264");
  EXPECT_EQ(key_bags[0].attribute_oids,
            (std::vector<std::string>{"1.2.840.113549.1.9.20", "1.2.840.113549.1.9.21"}));
  EXPECT_EQ(key_bags[1].bag_id, to_bytes(pkcs12::oid::kSecretBag));
  EXPECT_EQ(key_bags[1].local_key_id, "Time 1795896893265");

  // (b) certificates: one encryptedData with PBES2/AES-256, 20-byte salt, 10000 iterations.
  auto certs_ci = infos->read_sequence();
  EXPECT_TRUE(infos->empty());
  EXPECT_EQ(to_bytes(*certs_ci->read_oid()), to_bytes(pkcs12::oid::kEncryptedData));
  auto ed = certs_ci->read_explicit(0)->read_sequence();
  EXPECT_EQ(*ed->read_uint64(), 0u);
  auto eci = ed->read_sequence();
  (void)eci->read_oid();
  auto alg_element = eci->read_element(der::kSequence);
  auto alg = pbe::parse_pbe_algorithm(alg_element->encoding);
  ASSERT_TRUE(alg.ok());
  EXPECT_EQ(pbe::pbe_algorithm_name(*alg), "PBEWithHmacSHA256AndAES_256");
  EXPECT_EQ(alg->salt.size(), 20u);
  EXPECT_EQ(alg->iterations, 10000u);
  EXPECT_TRUE(alg->key_length_present);
  auto ct = eci->read_implicit_octet_string(0x80);
  ASSERT_TRUE(ct.ok());
  auto plain = pbe::decrypt_with_password(crypto::default_backend(), *alg, kChangeit, *ct, pbe::is_single_sequence);
  ASSERT_TRUE(plain.ok());
  auto cert_bags = bags_of(plain->plaintext);
  ASSERT_EQ(cert_bags.size(), 3u);  // server's chain (2), then the trusted CA
  EXPECT_EQ(cert_bags[0].friendly_name, "Server Key");  // the leaf carries the alias as the entry has it
  EXPECT_EQ(cert_bags[0].local_key_id, "Time 1795896893264");
  auto ca = x509::summarize(cert_bags[1].value);
  ASSERT_TRUE(ca.ok());
  EXPECT_EQ(cert_bags[1].friendly_name, ca->subject_rfc2253);
  EXPECT_EQ(cert_bags[1].attribute_oids, std::vector<std::string>{"1.2.840.113549.1.9.20"});
  EXPECT_EQ(cert_bags[2].friendly_name, "Root CA");  // case kept
  EXPECT_EQ(cert_bags[2].attribute_oids,
            (std::vector<std::string>{"1.2.840.113549.1.9.20", "2.16.840.1.113894.746875.1.1"}));

  // (c) MacData: SHA-256, 20-byte salt, 10000 iterations.
  auto mac_data = pfx->read_sequence();
  auto digest_info = mac_data->read_sequence();
  auto mac_alg = digest_info->read_sequence();
  EXPECT_EQ(der::oid_to_string(*mac_alg->read_oid()), "2.16.840.1.101.3.4.2.1");
  (void)digest_info->read_octet_string();
  EXPECT_EQ(mac_data->read_octet_string()->size(), 20u);
  EXPECT_EQ(*mac_data->read_uint64(), 10000u);

  // And it loads back with the JDK's view.
  auto back = load_keystore(*saved, &kChangeit);
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  const Entry* server = back->find("server key");
  ASSERT_NE(server, nullptr);
  EXPECT_EQ(server->chain.size(), 2u);
  EXPECT_EQ(server->creation_time_ms, std::optional<int64_t>(1795896893264));
}

struct ProfileCase {
  Pkcs12Profile profile;
  const char* cert, *key, *mac;
  uint64_t cert_iterations, mac_iterations;
};

const ProfileCase kProfiles[] = {
    {Pkcs12Profile::kModern, "PBEWithHmacSHA256AndAES_256", "PBEWithHmacSHA256AndAES_256", "HmacPBESHA256", 10000, 10000},
    {Pkcs12Profile::kLegacy, "PBEWithSHA1AndRC2_40", "PBEWithSHA1AndDESede", "HmacPBESHA1", 50000, 100000},
    {Pkcs12Profile::kPbmac1, "PBEWithHmacSHA256AndAES_256", "PBEWithHmacSHA256AndAES_256", "PBMAC1 (HmacSHA256)", 10000,
     10000},
    {Pkcs12Profile::kNone, "NONE", "PBEWithHmacSHA256AndAES_256", "NONE", 0, 0},
};

// Saves a store whose keys are sealed as the profile says, in a temp file.
fs::path save_with_profile(Pkcs12Profile profile, const Password& pw, const std::string& name) {
  const Pkcs12Protection protection = pkcs12_profile_protection(profile);
  Keystore store = new_store(pw, pkcs12_seal_params(protection));
  store.pkcs12_protection() = protection;
  auto saved = save_keystore(store, pw);
  EXPECT_TRUE(saved.ok()) << saved.status().to_string();
  const fs::path dir = fs::temp_directory_path() / ("kstore_pkcs12_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path path = dir / name;
  std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(saved->data()), saved->size());
  return path;
}

TEST(Pkcs12Writer, EveryProfileReadsBackWithItsProtection) {
  for (const ProfileCase& c : kProfiles) {
    SCOPED_TRACE(pkcs12_profile_name(c.profile));
    const fs::path path = save_with_profile(c.profile, kChangeit, std::string(pkcs12_profile_name(c.profile)) + ".p12");
    const Bytes saved = testing::file_bytes(path);
    auto back = load_keystore(saved, &kChangeit);
    ASSERT_TRUE(back.ok()) << back.status().to_string();
    const Pkcs12Protection& p = *back->pkcs12_protection();
    EXPECT_EQ(pkcs12_cert_algorithm_name(p), c.cert);
    EXPECT_EQ(pkcs12_key_algorithm_name(p), c.key);
    EXPECT_EQ(pkcs12_mac_algorithm_name(p), c.mac);
    if (c.cert_iterations) {
      EXPECT_EQ(p.cert_iterations, c.cert_iterations);
    }
    if (c.mac_iterations) {
      EXPECT_EQ(p.mac_iterations, c.mac_iterations);
    }
    EXPECT_EQ(back->size(), 5u);
    EXPECT_EQ(back->load_info().integrity_checked, c.profile != Pkcs12Profile::kNone);
    for (const Entry& e : back->entries()) {
      if (e.type == EntryType::kPrivateKey) {
        EXPECT_TRUE(unseal_private_key(*e.key, kChangeit).ok());
      }
      if (e.type == EntryType::kSecretKey) {
        EXPECT_TRUE(unseal_secret_key(*e.key, kChangeit).ok());
      }
    }
    if (c.profile == Pkcs12Profile::kNone) {
      auto no_password = load_keystore(saved, nullptr);
      ASSERT_TRUE(no_password.ok());
      EXPECT_EQ(no_password->size(), 5u);
    }
  }
}

bool have(const std::string& tool) {
  return std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) == 0;
}

int run(const std::string& command) { return std::system((command + " >/dev/null 2>&1").c_str()); }

TEST(Pkcs12Writer, OpensslReadsEveryProfile) {
  if (!have("openssl")) GTEST_SKIP() << "openssl not installed";
  for (const ProfileCase& c : kProfiles) {
    SCOPED_TRACE(pkcs12_profile_name(c.profile));
    const fs::path path = save_with_profile(c.profile, kChangeit, std::string("ossl-") + pkcs12_profile_name(c.profile) + ".p12");
    std::string cmd = "openssl pkcs12 -info -noout -nokeys -passin pass:changeit -in '" + path.string() + "'";
    if (c.profile == Pkcs12Profile::kLegacy) cmd += " -legacy";
    // OpenSSL 3.0 cannot verify PBMAC1 (3.4+ can); it still decrypts the contents.
    if (c.profile == Pkcs12Profile::kPbmac1) cmd += " -nomacver";
    EXPECT_EQ(run(cmd), 0) << cmd;
    // The private key decrypts too, and is the one kstore sealed.
    std::string keys = "openssl pkcs12 -nocerts -nodes -passin pass:changeit -in '" + path.string() + "'" +
                       (c.profile == Pkcs12Profile::kLegacy ? " -legacy" : "") +
                       (c.profile == Pkcs12Profile::kPbmac1 ? " -nomacver" : "");
    EXPECT_EQ(run(keys), 0) << keys;
  }
}

// The JDK's own view of kstore's files, through the corpus helper
// KeyStoreDump.java (JDK 17 for every profile but pbmac1, which only JDK 26+
// reads). It is compiled once per JDK so that each file costs one JVM start.
std::string compiled_dump(const std::string& jdk_bin) {
  static std::map<std::string, std::string> dirs;
  if (auto it = dirs.find(jdk_bin); it != dirs.end()) return it->second;
  const fs::path dir = fs::temp_directory_path() /
                       ("kstore_dump_" + std::to_string(::getpid()) + "_" + std::to_string(dirs.size()));
  fs::create_directories(dir);
  const std::string cmd = jdk_bin + "/javac -d '" + dir.string() + "' '" + testing::corpus::corpus_dir() +
                          "/tools/KeyStoreDump.java' >/dev/null 2>&1";
  const std::string result = std::system(cmd.c_str()) == 0 ? dir.string() : "";
  dirs[jdk_bin] = result;
  return result;
}

std::string jdk_dump(const std::string& jdk_bin, const fs::path& path, const std::string& password_b64) {
  const std::string classes = compiled_dump(jdk_bin);
  if (classes.empty()) return "";
  const fs::path out = path.string() + ".json";
  const std::string cmd = "SP_B64=" + password_b64 + " " + jdk_bin + "/java -cp '" + classes +
                          "' KeyStoreDump PKCS12 '" + path.string() + "' > '" + out.string() + "' 2>/dev/null";
  if (std::system(cmd.c_str()) != 0) return "";
  return testing::file_text(out);
}

void expect_jdk_sees_everything(const std::string& jdk_bin, const fs::path& path, const std::string& password_b64,
                                const Password& pw) {
  const std::string out = jdk_dump(jdk_bin, path, password_b64);
  ASSERT_FALSE(out.empty()) << "KeyStoreDump failed for " << path;
  auto view = testing::json::parse(out);
  ASSERT_TRUE(view.ok()) << out;
  ASSERT_EQ((*view)["load"].as_string(), "ok") << out;
  auto ours = load_keystore(testing::file_bytes(path), &pw);
  ASSERT_TRUE(ours.ok());
  ASSERT_EQ((*view)["entries"].size(), ours->size()) << out;
  for (const testing::json::Value& e : (*view)["entries"].as_array()) {
    const Entry* mine = ours->find(e["alias"].as_string());
    ASSERT_NE(mine, nullptr) << e["alias"].as_string();
    EXPECT_FALSE(e.find("keyError")) << out;
    if (mine->type == EntryType::kPrivateKey) {
      EXPECT_EQ(e["keyEncodedSha256"].as_string(), sha256(*unseal_private_key(*mine->key, pw)));
    }
    if (mine->type == EntryType::kSecretKey) {
      EXPECT_EQ(e["keyEncodedSha256"].as_string(), sha256(unseal_secret_key(*mine->key, pw)->key));
    }
    EXPECT_EQ(e["chain"].size(), mine->chain.size());
  }
}

const std::string kJdk17 = "/usr/lib/jvm/java-17-openjdk-amd64/bin";
const std::string kJdk25 = "/usr/lib/jvm/temurin-25-jdk-amd64/bin";

TEST(Pkcs12Writer, Jdk17ReadsModernLegacyAndNone) {
  if (!fs::exists(kJdk17 + "/javac") || !fs::exists(testing::corpus::corpus_dir() + "/tools/KeyStoreDump.java"))
    GTEST_SKIP() << "JDK 17 or the corpus helper not installed";
  for (Pkcs12Profile profile : {Pkcs12Profile::kModern, Pkcs12Profile::kLegacy, Pkcs12Profile::kNone}) {
    SCOPED_TRACE(pkcs12_profile_name(profile));
    const fs::path path = save_with_profile(profile, kChangeit, std::string("jdk17-") + pkcs12_profile_name(profile) + ".p12");
    expect_jdk_sees_everything(kJdk17, path, "Y2hhbmdlaXQ=", kChangeit);  // base64("changeit")
  }
}

// Non-ASCII passwords are written as JDK 25 reads them: UTF-8 for PBKDF2,
// BMPString for the MAC, 7-bit-masked UTF-8 for the legacy PKCS#12 ciphers.
TEST(Pkcs12Writer, Jdk25ReadsNonAsciiPasswords) {
  if (!fs::exists(kJdk25 + "/javac") || !fs::exists(testing::corpus::corpus_dir() + "/tools/KeyStoreDump.java"))
    GTEST_SKIP() << "JDK 25 or the corpus helper not installed";
  for (Pkcs12Profile profile : {Pkcs12Profile::kModern, Pkcs12Profile::kLegacy}) {
    SCOPED_TRACE(pkcs12_profile_name(profile));
    const fs::path path = save_with_profile(profile, kNonAscii, std::string("jdk25-") + pkcs12_profile_name(profile) + ".p12");
    expect_jdk_sees_everything(kJdk25, path, "cMOkc3N3w7ZyZOKCrA==", kNonAscii);
  }
}

}  // namespace
}  // namespace kstore
