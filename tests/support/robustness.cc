// The stores the robustness tests damage, and the builders they share; see robustness.h.
#include "support/robustness.h"

#include <algorithm>
#include <stdexcept>

#include "crypto/crypto.h"
#include "der/writer.h"
#include "jks/jks_format.h"
#include "kstore/keystore.h"
#include "kstore/pkcs12.h"
#include "kstore/sealing.h"
#include "pkcs12/mac.h"
#include "support/fixtures.h"
#include "support/must.h"

namespace kstore::testing::robustness {

bool is_input_error(ErrorCode code) {
  switch (code) {
    case ErrorCode::kMalformed:
    case ErrorCode::kTruncated:
    case ErrorCode::kUnknownFormat:
    case ErrorCode::kIntegrityFailure:
    case ErrorCode::kUnsupported:
    case ErrorCode::kLimitExceeded:
      return true;
    default:
      return false;
  }
}

namespace {

struct KeyMaterial {
  Bytes pkcs8;
  std::vector<Certificate> chain;
  Certificate ca;
};

const KeyMaterial& key_material() {
  static const KeyMaterial material = [] {
    KeyMaterial m;
    auto store = load_keystore(testdata_bytes("jks/chain.jks"), &kPassword);
    EXPECT_TRUE(store.ok()) << store.status().to_string();
    const Entry* leaf = store->find("leaf");
    const Entry* ca = store->find("trusted-ca");
    EXPECT_TRUE(leaf && ca);
    auto pkcs8 = unseal_private_key(*leaf->key, kPassword);
    EXPECT_TRUE(pkcs8.ok()) << pkcs8.status().to_string();
    m.pkcs8 = to_bytes(*pkcs8);
    m.chain = leaf->chain;
    m.ca = ca->chain.at(0);
    return m;
  }();
  return material;
}

SecretKeyMaterial secret(const char* algorithm, size_t length, uint8_t fill) {
  SecretKeyMaterial k;
  k.algorithm = algorithm;
  k.key = SecretBytes(length);
  for (size_t i = 0; i < length; ++i) k.key[i] = static_cast<uint8_t>(fill + i);
  return k;
}

Keystore make_store(StoreType type, const SealParams& params, bool with_secret_keys) {
  const KeyMaterial& m = key_material();
  Keystore store(type);
  Entry key;
  key.alias = "leaf";
  key.type = EntryType::kPrivateKey;
  key.creation_time_ms = 1700000000000;
  auto sealed = seal_private_key(type, m.pkcs8, kPassword, params);
  EXPECT_TRUE(sealed.ok()) << sealed.status().to_string();
  key.key = *sealed;
  key.chain = m.chain;
  store.append(key);
  if (with_secret_keys) {
    int n = 0;
    for (const SecretKeyMaterial& k : {secret("AES", 16, 1), secret("HmacSHA256", 32, 2), secret("DESede", 24, 3)}) {
      Entry e;
      e.alias = "secret" + std::to_string(n++);
      e.type = EntryType::kSecretKey;
      e.creation_time_ms = 1700000000001;
      auto s = seal_secret_key(type, k, kPassword, params);
      EXPECT_TRUE(s.ok()) << s.status().to_string();
      e.key = *s;
      store.append(e);
    }
  }
  Entry ca;
  ca.alias = "ca";
  ca.type = EntryType::kTrustedCert;
  ca.creation_time_ms = 1700000000002;
  ca.chain.push_back(m.ca);
  store.append(ca);
  return store;
}

Bytes save(const Keystore& store) {
  return must(save_keystore(store, kPassword), "save");
}

Bytes make_pkcs12(Pkcs12Profile profile) {
  Pkcs12Protection protection = pkcs12_profile_protection(profile);
  protection.cert_iterations = protection.key_iterations = protection.mac_iterations = 1;
  Keystore store = make_store(StoreType::kPkcs12, pkcs12_seal_params(protection), /*with_secret_keys=*/true);
  store.pkcs12_protection() = protection;
  return save(store);
}

}  // namespace

const std::vector<Fixture>& fixtures() {
  static const std::vector<Fixture> all = [] {
    SealParams params;
    params.jceks_iterations = 1;
    std::vector<Fixture> f;
    f.push_back({"own.jks", save(make_store(StoreType::kJks, params, false)), StoreType::kJks, true, true});
    f.push_back({"own.jceks", save(make_store(StoreType::kJceks, params, true)), StoreType::kJceks, true, true});
    f.push_back({"own_modern.p12", make_pkcs12(Pkcs12Profile::kModern), StoreType::kPkcs12, true, true});
    f.push_back({"own_legacy.p12", make_pkcs12(Pkcs12Profile::kLegacy), StoreType::kPkcs12, true, true});
    f.push_back({"own_pbmac1.p12", make_pkcs12(Pkcs12Profile::kPbmac1), StoreType::kPkcs12, true, true});
    f.push_back({"own_nomac.p12", make_pkcs12(Pkcs12Profile::kNone), StoreType::kPkcs12, false, true});
    // Real producers. JKS/JCEKS digests are cheap, so these load with their
    // password too; the PKCS#12 files use 2048..100000 iterations and are
    // loaded without one.
    f.push_back({"jks/chain.jks", testdata_bytes("jks/chain.jks"), StoreType::kJks, true, true});
    f.push_back({"jks/mixed.jceks", testdata_bytes("jks/mixed.jceks"), StoreType::kJceks, true, true});
    f.push_back({"pkcs12/jdk17_modern.p12", testdata_bytes("pkcs12/jdk17_modern.p12"), StoreType::kPkcs12, true, false});
    f.push_back({"pkcs12/jdk17_legacy.p12", testdata_bytes("pkcs12/jdk17_legacy.p12"), StoreType::kPkcs12, true, false});
    f.push_back({"pkcs12/ossl_legacy.p12", testdata_bytes("pkcs12/ossl_legacy.p12"), StoreType::kPkcs12, true, false});
    f.push_back({"pkcs12/ossl_plain.p12", testdata_bytes("pkcs12/ossl_plain.p12"), StoreType::kPkcs12, false, false});
    return f;
  }();
  return all;
}

const Fixture& fixture(std::string_view name) {
  for (const Fixture& f : fixtures())
    if (f.name == name) return f;
  throw std::invalid_argument("no robustness fixture " + std::string(name));
}

void expect_refused(ByteView file, const std::string& what, std::initializer_list<ErrorCode> allowed) {
  for (const Password* pw : {static_cast<const Password*>(nullptr), &kPassword}) {
    SCOPED_TRACE(what + (pw ? " (password)" : " (no password)"));
    auto store = load_keystore(file, pw);
    ASSERT_FALSE(store.ok());
    EXPECT_NE(std::find(allowed.begin(), allowed.end(), store.status().code()), allowed.end())
        << store.status().to_string();
  }
}

Bytes tlv(uint8_t tag, ByteView contents) {
  Bytes out{tag};
  der::append_length(out, contents.size());
  out.insert(out.end(), contents.begin(), contents.end());
  return out;
}

Bytes concat(std::initializer_list<ByteView> parts) {
  Bytes out;
  for (ByteView p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

Bytes pfx_with_valid_mac(ByteView auth_safe) {
  Pkcs12Protection protection = pkcs12_profile_protection(Pkcs12Profile::kModern);
  protection.mac_iterations = 1;
  der::Writer mac;
  EXPECT_TRUE(pkcs12::write_mac_data(mac, crypto::default_backend(), protection, auth_safe, kPassword).ok());
  const Bytes mac_data = *std::move(mac).finish();
  const Bytes content_info = tlv(0x30, concat({kDataOid, tlv(0xa0, tlv(0x04, auth_safe))}));
  constexpr uint8_t kVersion3[] = {0x02, 0x01, 0x03};
  return tlv(0x30, concat({kVersion3, content_info, mac_data}));
}

void redigest(Bytes& file) {
  const ByteView body = ByteView(file).first(file.size() - jks::kDigestSize);
  auto digest = jks::store_digest(crypto::default_backend(), kPassword, body);
  ASSERT_TRUE(digest.ok());
  std::copy(digest->begin(), digest->end(), file.end() - jks::kDigestSize);
}

}  // namespace kstore::testing::robustness
