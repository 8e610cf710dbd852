// Hostile and damaged keystores in every format (issue #6): every truncation,
// seeded random bit flips and byte replacements,
// length fields set to huge values, nesting bombs. Each load must end in an
// error that names the input's fault, never kInternal and never a crash:
//
//   kMalformed         the grammar is broken (the usual answer)
//   kUnknownFormat     the magic / outer shape no longer says what the file is
//   kIntegrityFailure  the digest or MAC does not verify
//   kUnsupported       a field now names an algorithm or type kstore lacks
//   kLimitExceeded     a count, length, iteration number or nesting depth is too large
//
// kBadPassword is not accepted: it claims that the store password verified
// the bytes, which no damaged file can make true.
//
// With the right store password, integrity is checked before content is
// interpreted, so damage is kIntegrityFailure wherever the format puts it
// beyond the reach of its grammar:
//   JKS/JCEKS: a flip in the 20-byte digest, in a certificate's bytes, in a
//     private key blob or in a creation date is exactly kIntegrityFailure
//     (none of these is parsed at load time). A flip in a structural field
//     (magic, version, counts, tags, alias and type strings, lengths, the
//     JCEKS sealed-object stream) may instead give the parse error the JDK
//     reports first (JavaKeyStore parses the whole body before it compares
//     the digest): any class of the list above.
//   PKCS#12 with a MAC: a flip in the authSafe's content octets, the MAC
//     value or the MAC salt is exactly kIntegrityFailure (the MAC is verified
//     before any SafeContents is opened). A flip in the outer DER (PFX and
//     ContentInfo tags and lengths, version, content type, MacData
//     structure, digest algorithm, iteration count) may be any class of the
//     list: that is where a file stops being a PFX before a MAC exists.
//   PKCS#12 without a MAC: nothing is authenticated, so a flip may load.
//
// Fixtures are made in-test with save_keystore at 1 KDF iteration (JCEKS 1,
// PKCS#12 1) so that thousands of loads with a password stay fast; real
// producers' files from testdata/ are added where loading them is cheap.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "support/must.h"
#include "crypto/crypto.h"
#include "der/reader.h"
#include "der/writer.h"
#include "io/byte_reader.h"
#include "jks/jks_format.h"
#include "jks/sealed_object.h"
#include "kstore/keystore.h"
#include "kstore/pkcs12.h"
#include "kstore/sealing.h"
#include "pbe/pbe_oids.h"
#include "pkcs12/mac.h"
#include "support/fixtures.h"
#include "support/truncation.h"

namespace kstore {
namespace {

const Password kPassword = Password::from_utf8("changeit");

using testing::testdata_bytes;

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

// Collects failures without flooding the log: the first few are reported in
// full, the rest only counted.
class Failures {
 public:
  explicit Failures(std::string what) : what_(std::move(what)) {}
  ~Failures() {
    if (count_ > kShown) ADD_FAILURE() << what_ << ": " << (count_ - kShown) << " more failures not shown";
  }
  template <typename... Parts>
  void add(const Parts&... parts) {
    if (++count_ > kShown) return;
    std::ostringstream s;
    (s << ... << parts);
    ADD_FAILURE() << what_ << ": " << s.str();
  }
  size_t count() const { return count_; }

 private:
  static constexpr size_t kShown = 8;
  std::string what_;
  size_t count_ = 0;
};

// ---------------------------------------------------------------- fixtures

struct Fixture {
  std::string name;
  Bytes bytes;
  StoreType type;
  bool has_integrity;   // digest or MAC
  bool own_password;    // loads with kPassword cheaply (our own KDF settings)
};

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
  return kstore::testing::must(save_keystore(store, kPassword), "save");
}

Bytes make_pkcs12(Pkcs12Profile profile) {
  Pkcs12Protection protection = pkcs12_profile_protection(profile);
  protection.cert_iterations = protection.key_iterations = protection.mac_iterations = 1;
  Keystore store = make_store(StoreType::kPkcs12, pkcs12_seal_params(protection), /*with_secret_keys=*/true);
  store.pkcs12_protection() = protection;
  return save(store);
}

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

TEST(Robustness, FixturesLoad) {
  for (const Fixture& f : fixtures()) {
    SCOPED_TRACE(f.name);
    ASSERT_FALSE(f.bytes.empty());
    auto without = load_keystore(f.bytes, nullptr);
    ASSERT_TRUE(without.ok()) << without.status().to_string();
    EXPECT_EQ(without->type(), f.type);
    if (f.own_password) {
      auto with = load_keystore(f.bytes, &kPassword);
      ASSERT_TRUE(with.ok()) << with.status().to_string();
      EXPECT_EQ(with->load_info().integrity_checked, f.has_integrity);
    }
  }
  // The in-test stores hold what they were made with.
  auto jceks = load_keystore(fixtures()[1].bytes, &kPassword);
  ASSERT_TRUE(jceks.ok());
  for (const Entry& e : jceks->entries()) {
    if (e.type != EntryType::kSecretKey) continue;
    auto k = unseal_secret_key(*e.key, kPassword);
    ASSERT_TRUE(k.ok()) << e.alias << ": " << k.status().to_string();
  }
}

// ---------------------------------------------------------------- layout

// Byte ranges of a file and what a flip there may give with the right password.
//   kStructure: any error class of the list (a parse error may come first)
//   kOpaque:    covered by the digest/MAC and not parsed first: exactly kIntegrityFailure
//   kIgnored:   read but not used (RFC 9579: PBMAC1's outer macSalt and
//               iterations), or used where some changes cannot be seen
//               (PBMAC1's keyLength: HMAC pads its key with zeros, so a
//               longer key whose extra PBKDF2 bytes are zero, 1 time in 256
//               per byte, is the same key): may load, or fail with any
//               class of the list
enum class Region { kStructure, kOpaque, kIgnored };

struct Span {
  size_t begin = 0;
  size_t end = 0;
};

// The ranges of a JKS/JCEKS file that the loader does not interpret: creation
// dates, key blobs, certificate bytes and the digest.
std::vector<Span> jks_opaque_spans(ByteView file) {
  std::vector<Span> out;
  io::ByteReader r(file);
  auto u32 = [&] { return *r.read_u32(); };
  u32();
  const uint32_t version = u32();
  const uint32_t count = u32();
  auto cert = [&] {
    if (version == 2) (void)r.read_java_utf_raw();
    const uint32_t len = u32();
    out.push_back({r.position(), r.position() + len});
    (void)r.read_bytes(len);
  };
  for (uint32_t i = 0; i < count; ++i) {
    const uint32_t tag = u32();
    (void)r.read_java_utf_raw();
    out.push_back({r.position(), r.position() + 8});
    (void)r.read_s64();
    if (tag == jks::kPrivateKeyTag) {
      const uint32_t len = u32();
      out.push_back({r.position(), r.position() + len});
      (void)r.read_bytes(len);
      const uint32_t n = u32();
      for (uint32_t c = 0; c < n; ++c) cert();
    } else if (tag == jks::kTrustedCertTag) {
      cert();
    } else {
      auto sealed = jks::read_sealed_object(r.rest(), Limits{});
      EXPECT_TRUE(sealed.ok());
      (void)r.read_bytes(sealed->stream_size);
    }
  }
  out.push_back({r.position(), r.position() + jks::kDigestSize});
  EXPECT_EQ(r.position() + jks::kDigestSize, file.size());
  return out;
}

struct PfxSpans {
  Span auth_safe;   // content octets of the authSafe OCTET STRING
  Span mac_value;
  Span mac_salt;    // the outer macSalt contents
  Span iterations;  // the outer iterations INTEGER, whole TLV
  Span key_length;  // PBMAC1's PBKDF2 keyLength INTEGER, whole TLV
  bool pbmac1 = false;
};

PfxSpans pkcs12_spans(ByteView file) {
  PfxSpans out;
  auto span_of = [&](ByteView part) {
    const size_t begin = static_cast<size_t>(part.data() - file.data());
    return Span{begin, begin + part.size()};
  };
  der::Reader top(file);
  auto pfx = top.read_sequence();
  (void)pfx->read_element(der::kInteger);
  auto ci = pfx->read_sequence();
  (void)ci->read_oid();
  auto content = ci->read_explicit(0);
  out.auth_safe = span_of(*content->read_octet_string());
  auto mac_data = pfx->read_sequence();
  auto digest_info = mac_data->read_sequence();
  der::Reader algorithm = *digest_info->read_sequence();
  out.pbmac1 = equal_bytes(*algorithm.read_oid(), pbe::oid::kPbmac1);
  if (out.pbmac1) {
    auto params = algorithm.read_sequence();
    auto kdf = params->read_sequence();
    (void)kdf->read_oid();
    auto pbkdf2 = kdf->read_sequence();
    (void)pbkdf2->read_element(der::kOctetString);  // salt
    (void)pbkdf2->read_element(der::kInteger);      // iterations
    out.key_length = span_of(pbkdf2->read_element(der::kInteger)->encoding);
  }
  out.mac_value = span_of(*digest_info->read_octet_string());
  out.mac_salt = span_of(*mac_data->read_octet_string());
  out.iterations = span_of(mac_data->read_element(der::kInteger)->encoding);
  return out;
}

std::vector<Region> regions(const Fixture& f) {
  std::vector<Region> map(f.bytes.size(), Region::kStructure);
  auto mark = [&](const Span& s, Region r) {
    for (size_t i = s.begin; i < s.end && i < map.size(); ++i) map[i] = r;
  };
  if (f.type != StoreType::kPkcs12) {
    for (const Span& s : jks_opaque_spans(f.bytes)) mark(s, Region::kOpaque);
  } else if (f.has_integrity) {
    const PfxSpans p = pkcs12_spans(f.bytes);
    mark(p.auth_safe, Region::kOpaque);
    mark(p.mac_value, Region::kOpaque);
    mark(p.mac_salt, p.pbmac1 ? Region::kIgnored : Region::kOpaque);
    if (p.pbmac1) mark(p.iterations, Region::kIgnored);
    if (p.pbmac1) mark(p.key_length, Region::kIgnored);
  }
  return map;
}

// ---------------------------------------------------------------- checks

// Loads without a password. The PKCS#12 loader then tries the empty password
// on each encrypted SafeContents it skips (to say whether it would open them);
// with the producers' 2048..50000 iterations that would make each load cost
// tens of milliseconds, so the KDF limit is set below them: the probe is
// skipped and everything else is parsed as before.
Result<Keystore> load_without_password(ByteView file) {
  LoadOptions options;
  options.limits.max_kdf_iterations = 100;
  return load_keystore(file, nullptr, options);
}

// One damaged file, loaded without a password and (when cheap) with the right one.
void check_damaged(const Fixture& f, ByteView bad, Region region, Failures& failures,
                   const std::string& where) {
  auto without = load_without_password(bad);
  if (!without.ok() && !is_input_error(without.status().code()))
    failures.add(where, " (no password): ", without.status().to_string());
  if (!f.own_password) return;
  auto with = load_keystore(bad, &kPassword);
  if (with.ok()) {
    // Only a file without integrity data, or damage to fields the format
    // ignores, can load.
    if (f.has_integrity && region != Region::kIgnored) failures.add(where, " (password): damaged file loaded");
    return;
  }
  const ErrorCode code = with.status().code();
  if (!is_input_error(code)) {
    failures.add(where, " (password): ", with.status().to_string());
    return;
  }
  if (f.has_integrity && region == Region::kOpaque && code != ErrorCode::kIntegrityFailure)
    failures.add(where, " (password, integrity-covered byte): ", with.status().to_string());
}

TEST(Robustness, EveryTruncationFailsCleanly) {
  for (const Fixture& f : fixtures()) {
    SCOPED_TRACE(f.name);
    Failures failures("truncation of " + f.name);
    testing::for_each_truncation(f.bytes, [&](ByteView bad, size_t len) {
      // Every length up to 4 KB; beyond that the first and last 256 and every 7th.
      if (f.bytes.size() > 4096 && len > 256 && len + 256 < f.bytes.size() && len % 7 != 0) return;
      const std::string where = "length " + std::to_string(len);
      auto without = load_without_password(bad);
      if (!without.ok() && !is_input_error(without.status().code()))
        failures.add(where, " (no password): ", without.status().to_string());
      // Only a JKS/JCEKS cut inside its digest may load without a password
      // (the JDK does not read the digest then).
      if (without.ok() && (f.type == StoreType::kPkcs12 || len + jks::kDigestSize < f.bytes.size()))
        failures.add(where, " (no password): truncated file loaded");
      if (!f.own_password) return;
      auto with = load_keystore(bad, &kPassword);
      if (with.ok()) failures.add(where, " (password): truncated file loaded");
      else if (!is_input_error(with.status().code())) failures.add(where, " (password): ", with.status().to_string());
    });
  }
}

TEST(Robustness, RandomBitFlips) {
  std::mt19937_64 rng(0x6b73746f7265);  // fixed seed: the same flips every run
  for (const Fixture& f : fixtures()) {
    SCOPED_TRACE(f.name);
    const std::vector<Region> map = regions(f);
    Failures failures("bit flips in " + f.name);
    const size_t flips = f.own_password ? 2500 : 1500;
    for (size_t n = 0; n < flips; ++n) {
      const size_t pos = rng() % f.bytes.size();
      const unsigned bit = static_cast<unsigned>(rng() % 8);
      Bytes bad = f.bytes;
      bad[pos] ^= static_cast<uint8_t>(1u << bit);
      check_damaged(f, bad, map[pos], failures, "offset " + std::to_string(pos) + " bit " + std::to_string(bit));
    }
  }
}

TEST(Robustness, RandomByteReplacements) {
  std::mt19937_64 rng(0x6b736279746573);
  for (const Fixture& f : fixtures()) {
    SCOPED_TRACE(f.name);
    const std::vector<Region> map = regions(f);
    Failures failures("byte replacements in " + f.name);
    const size_t count = f.own_password ? 1500 : 1000;
    for (size_t n = 0; n < count; ++n) {
      Bytes bad = f.bytes;
      // One to four bytes, each set to a value different from the original.
      const size_t k = 1 + rng() % 4;
      // The region of the whole change: opaque only if every byte is, ignored only if every byte is.
      bool all_opaque = true, all_ignored = true;
      std::string where = "bytes";
      for (size_t j = 0; j < k; ++j) {
        const size_t pos = rng() % bad.size();
        bad[pos] = static_cast<uint8_t>(bad[pos] + 1 + rng() % 255);
        all_opaque &= map[pos] == Region::kOpaque;
        all_ignored &= map[pos] == Region::kIgnored;
        where += " " + std::to_string(pos);
      }
      const Region region = all_opaque ? Region::kOpaque : all_ignored ? Region::kIgnored : Region::kStructure;
      check_damaged(f, bad, region, failures, where);
    }
  }
}

// Every bit of the JKS/JCEKS digest and of every PKCS#12 MAC value: exactly kIntegrityFailure.
TEST(Robustness, EveryDigestAndMacBitIsChecked) {
  for (const Fixture& f : fixtures()) {
    if (!f.own_password || !f.has_integrity) continue;
    SCOPED_TRACE(f.name);
    std::vector<Span> spans;
    if (f.type == StoreType::kPkcs12) spans.push_back(pkcs12_spans(f.bytes).mac_value);
    else spans.push_back({f.bytes.size() - jks::kDigestSize, f.bytes.size()});
    Failures failures("digest/MAC bits of " + f.name);
    for (const Span& s : spans) {
      for (size_t pos = s.begin; pos < s.end; ++pos) {
        for (unsigned bit = 0; bit < 8; ++bit) {
          Bytes bad = f.bytes;
          bad[pos] ^= static_cast<uint8_t>(1u << bit);
          auto with = load_keystore(bad, &kPassword);
          if (with.ok() || with.status().code() != ErrorCode::kIntegrityFailure)
            failures.add("offset ", pos, " bit ", bit, ": ", with.status().to_string());
        }
      }
    }
  }
}

// ---------------------------------------------------------------- huge lengths

void put_u32(Bytes& b, size_t at, uint32_t v) {
  b[at] = static_cast<uint8_t>(v >> 24);
  b[at + 1] = static_cast<uint8_t>(v >> 16);
  b[at + 2] = static_cast<uint8_t>(v >> 8);
  b[at + 3] = static_cast<uint8_t>(v);
}

// Recomputes the trailing digest so that the damage is judged by the parser.
void redigest(Bytes& file) {
  const ByteView body = ByteView(file).first(file.size() - jks::kDigestSize);
  auto digest = jks::store_digest(crypto::default_backend(), kPassword, body);
  ASSERT_TRUE(digest.ok());
  std::copy(digest->begin(), digest->end(), file.end() - jks::kDigestSize);
}

// Offsets of the u4/u2 length and count fields of a JKS/JCEKS file.
struct JksFields {
  std::vector<std::pair<std::string, size_t>> u32;
  std::vector<std::pair<std::string, size_t>> u16;
};

JksFields jks_fields(ByteView file) {
  JksFields out;
  io::ByteReader r(file);
  (void)r.read_u32();
  const uint32_t version = *r.read_u32();
  out.u32.emplace_back("entry count", r.position());
  const uint32_t count = *r.read_u32();
  auto cert = [&](const std::string& what) {
    if (version == 2) {
      out.u16.emplace_back(what + " type length", r.position());
      (void)r.read_java_utf_raw();
    }
    out.u32.emplace_back(what + " length", r.position());
    (void)r.read_bytes(*r.read_u32());
  };
  for (uint32_t i = 0; i < count; ++i) {
    const std::string e = "entry " + std::to_string(i);
    const uint32_t tag = *r.read_u32();
    out.u16.emplace_back(e + " alias length", r.position());
    (void)r.read_java_utf_raw();
    (void)r.read_s64();
    if (tag == jks::kPrivateKeyTag) {
      out.u32.emplace_back(e + " key length", r.position());
      (void)r.read_bytes(*r.read_u32());
      out.u32.emplace_back(e + " chain length", r.position());
      const uint32_t n = *r.read_u32();
      for (uint32_t c = 0; c < n; ++c) cert(e + " certificate " + std::to_string(c));
    } else if (tag == jks::kTrustedCertTag) {
      cert(e + " certificate");
    } else {
      (void)r.read_bytes(jks::read_sealed_object(r.rest(), Limits{})->stream_size);
    }
  }
  return out;
}

TEST(Robustness, HugeJksLengthsAndCounts) {
  for (const Fixture& f : fixtures()) {
    if (f.type == StoreType::kPkcs12) continue;
    SCOPED_TRACE(f.name);
    const JksFields fields = jks_fields(f.bytes);
    ASSERT_GT(fields.u32.size(), 3u);
    Failures failures("huge lengths in " + f.name);
    auto check = [&](Bytes bad, const std::string& where) {
      redigest(bad);
      for (const Password* pw : {static_cast<const Password*>(nullptr), &kPassword}) {
        auto store = load_keystore(bad, pw);
        if (store.ok()) {
          failures.add(where, pw ? " (password)" : "", ": loaded");
        } else if (store.status().code() != ErrorCode::kMalformed &&
                   store.status().code() != ErrorCode::kTruncated &&
                   store.status().code() != ErrorCode::kLimitExceeded) {
          failures.add(where, pw ? " (password)" : "", ": ", store.status().to_string());
        }
      }
    };
    for (const auto& [what, at] : fields.u32) {
      for (uint32_t v : {0xffffffffu, 0x80000000u, 0x7fffffffu, 0x01000000u, 0x00100000u}) {
        Bytes bad = f.bytes;
        put_u32(bad, at, v);
        check(bad, what + " = " + std::to_string(v));
      }
    }
    for (const auto& [what, at] : fields.u16) {
      Bytes bad = f.bytes;
      bad[at] = bad[at + 1] = 0xff;
      check(bad, what + " = 65535");
    }
  }
}

TEST(Robustness, JksCountsAboveLimitsAreLimitExceeded) {
  const Fixture& f = fixtures()[0];
  LoadOptions options;
  options.limits.max_entries = 1;  // the fixture has two
  auto store = load_keystore(f.bytes, &kPassword, options);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), ErrorCode::kLimitExceeded) << store.status().to_string();
  options = {};
  options.limits.max_chain_length = 1;  // the key's chain has two certificates
  store = load_keystore(f.bytes, &kPassword, options);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), ErrorCode::kLimitExceeded) << store.status().to_string();
  options = {};
  options.limits.max_file_size = f.bytes.size() - 1;
  store = load_keystore(f.bytes, &kPassword, options);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), ErrorCode::kLimitExceeded) << store.status().to_string();
}

// ---------------------------------------------------------------- DER

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

constexpr uint8_t kVersion3[] = {0x02, 0x01, 0x03};
constexpr uint8_t kDataOid[] = {0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01};

// A PFX around `auth_safe` (the AuthenticatedSafe's DER or any bytes), with
// a MAC that verifies with kPassword at 1 iteration.
Bytes pfx_with_valid_mac(ByteView auth_safe) {
  Pkcs12Protection protection = pkcs12_profile_protection(Pkcs12Profile::kModern);
  protection.mac_iterations = 1;
  der::Writer mac;
  EXPECT_TRUE(pkcs12::write_mac_data(mac, crypto::default_backend(), protection, auth_safe, kPassword).ok());
  const Bytes mac_data = *std::move(mac).finish();
  const Bytes content_info = tlv(0x30, concat({kDataOid, tlv(0xa0, tlv(0x04, auth_safe))}));
  return tlv(0x30, concat({kVersion3, content_info, mac_data}));
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

TEST(Robustness, HugeDerLengths) {
  const Bytes good = fixtures()[2].bytes;  // own_modern.p12
  der::Reader top(good);
  const ByteView pfx_contents = top.read_sequence()->rest();
  const std::vector<std::pair<std::string, Bytes>> headers = {
      {"4-byte length 0xffffffff", {0x30, 0x84, 0xff, 0xff, 0xff, 0xff}},
      {"4-byte length 0x7fffffff", {0x30, 0x84, 0x7f, 0xff, 0xff, 0xff}},
      {"5-byte length", {0x30, 0x85, 0x01, 0x00, 0x00, 0x00, 0x00}},
      {"8-byte length", {0x30, 0x88, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}},
      {"127-byte length", {0x30, 0xff}},
      {"length one too long", [&] {
         Bytes h{0x30};
         der::append_length(h, pfx_contents.size() + 1);
         return h;
       }()},
  };
  for (const auto& [what, header] : headers) {
    expect_refused(concat({header, pfx_contents}), "PFX " + what,
                   {ErrorCode::kMalformed, ErrorCode::kTruncated, ErrorCode::kUnknownFormat});
  }
  // Inner lengths under a MAC that verifies: the parser, not the MAC, must refuse them.
  const Bytes huge_octets = concat({Bytes{0x04, 0x84, 0xff, 0xff, 0xff, 0xf0}, Bytes(16, 0)});
  expect_refused(pfx_with_valid_mac(tlv(0x30, tlv(0x30, concat({kDataOid, tlv(0xa0, huge_octets)})))),
                 "SafeContents OCTET STRING of length 0xfffffff0", {ErrorCode::kMalformed});
  expect_refused(pfx_with_valid_mac(concat({Bytes{0x30, 0x84, 0x7f, 0xff, 0xff, 0xff}, Bytes(32, 0x30)})),
                 "AuthenticatedSafe of length 0x7fffffff", {ErrorCode::kMalformed});
  // MAC iteration counts: above the limit, beyond 64 bits, negative.
  for (const auto& [what, iterations, allowed] :
       std::vector<std::tuple<std::string, Bytes, ErrorCode>>{
           {"MAC iterations 2^62", {0x02, 0x08, 0x40, 0, 0, 0, 0, 0, 0, 0}, ErrorCode::kLimitExceeded},
           {"MAC iterations 2^72", {0x02, 0x0a, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0}, ErrorCode::kLimitExceeded},
           {"MAC iterations -1", {0x02, 0x01, 0xff}, ErrorCode::kMalformed},
       }) {
    SCOPED_TRACE(what);
    // MacData with a zero MAC over the fixture's authSafe and the given iteration count.
    der::Reader r(good);
    auto pfx = r.read_sequence();
    const ByteView version = pfx->read_element(der::kInteger)->encoding;
    const ByteView ci = pfx->read_element(der::kSequence)->encoding;
    const Bytes digest_info =
        tlv(0x30, concat({tlv(0x30, concat({tlv(0x06, pbe::oid::kSha256), Bytes{0x05, 0x00}})), tlv(0x04, Bytes(32, 0))}));
    const Bytes mac_data = tlv(0x30, concat({digest_info, tlv(0x04, Bytes(20, 7)), iterations}));
    auto store = load_keystore(tlv(0x30, concat({version, ci, mac_data})), &kPassword);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), allowed) << store.status().to_string();
  }
}


// ---------------------------------------------------------------- nesting bombs

Bytes indefinite_bomb(uint8_t tag, size_t depth) {
  Bytes out;
  for (size_t i = 0; i < depth; ++i) {
    out.push_back(tag);
    out.push_back(0x80);
  }
  out.insert(out.end(), 2 * depth, 0x00);
  return out;
}

Bytes definite_bomb(uint8_t tag, size_t depth) {
  Bytes out = {0x05, 0x00};
  for (size_t i = 0; i < depth; ++i) out = tlv(tag, out);
  return out;
}

TEST(Robustness, DerNestingBombs) {
  for (size_t depth : {33, 100, 5000}) {
    SCOPED_TRACE(depth);
    const std::initializer_list<ErrorCode> allowed = {ErrorCode::kMalformed, ErrorCode::kLimitExceeded,
                                                      ErrorCode::kUnknownFormat};
    expect_refused(indefinite_bomb(0x30, depth), "whole file: SEQUENCE 80 nesting", allowed);
    expect_refused(definite_bomb(0x30, depth), "whole file: definite SEQUENCE nesting", allowed);
    // Under a MAC that verifies, as the AuthenticatedSafe, and as a
    // constructed OCTET STRING (BER) holding a SafeContents.
    expect_refused(pfx_with_valid_mac(indefinite_bomb(0x30, depth)), "authSafe: indefinite nesting",
                   {ErrorCode::kMalformed, ErrorCode::kLimitExceeded});
    expect_refused(pfx_with_valid_mac(definite_bomb(0x30, depth)), "authSafe: definite nesting",
                   {ErrorCode::kMalformed, ErrorCode::kLimitExceeded});
    expect_refused(
        pfx_with_valid_mac(tlv(0x30, tlv(0x30, concat({kDataOid, tlv(0xa0, indefinite_bomb(0x24, depth))})))),
        "SafeContents: constructed OCTET STRING nesting", {ErrorCode::kMalformed, ErrorCode::kLimitExceeded});
    // As the PFX itself, wrapping a valid body at the bottom.
    Bytes wrapped = fixtures()[2].bytes;
    for (size_t i = 0; i < std::min<size_t>(depth, 200); ++i) wrapped = tlv(0x30, wrapped);
    expect_refused(wrapped, "PFX wrapped in SEQUENCEs", allowed);
  }
}

// A JCEKS file with one secret-key entry holding `stream`, and a correct digest.
Bytes jceks_with_stream(ByteView stream) {
  io::ByteWriter w;
  w.write_u32(jks::kJceksMagic);
  w.write_u32(jks::kVersion2);
  w.write_u32(1);
  w.write_u32(jks::kSecretKeyTag);
  EXPECT_TRUE(w.write_java_utf("bomb").ok());
  w.write_s64(1700000000000);
  w.write_bytes(stream);
  Bytes file = std::move(w).take();
  file.resize(file.size() + jks::kDigestSize);
  redigest(file);
  return file;
}

void put_utf(Bytes& out, std::string_view s) {
  out.push_back(static_cast<uint8_t>(s.size() >> 8));
  out.push_back(static_cast<uint8_t>(s.size()));
  out.insert(out.end(), s.begin(), s.end());
}

TEST(Robustness, SerializationBombs) {
  const Bytes header = {0xac, 0xed, 0x00, 0x05};
  std::vector<std::pair<std::string, Bytes>> streams;
  {
    // Superclass chain 10000 deep: TC_OBJECT TC_CLASSDESC name uid flags 0 fields TC_ENDBLOCKDATA, super = TC_CLASSDESC …
    Bytes s = header;
    s.push_back(0x73);
    for (int i = 0; i < 10000; ++i) {
      s.push_back(0x72);
      put_utf(s, "C" + std::to_string(i));
      s.insert(s.end(), 8, 0x11);
      s.push_back(0x02);
      s.insert(s.end(), {0x00, 0x00, 0x78});
    }
    s.push_back(0x70);
    streams.emplace_back("superclass chain", s);
  }
  {
    // Objects nested through an object field 10000 deep.
    Bytes s = header;
    for (int i = 0; i < 10000; ++i) {
      s.push_back(0x73);
      s.push_back(0x72);
      put_utf(s, "N" + std::to_string(i));
      s.insert(s.end(), 8, 0x22);
      s.push_back(0x02);
      s.insert(s.end(), {0x00, 0x01, 'L'});
      put_utf(s, "f");
      s.push_back(0x74);
      put_utf(s, "Ljava/lang/Object;");
      s.insert(s.end(), {0x78, 0x70});
    }
    s.push_back(0x70);
    streams.emplace_back("object field nesting", s);
  }
  {
    // A byte array claiming 2^31-1 elements, and a long string claiming 2^63.
    Bytes a = header;
    a.insert(a.end(), {0x75, 0x72});
    put_utf(a, "[B");
    a.insert(a.end(), {0xac, 0xf3, 0x17, 0xf8, 0x06, 0x08, 0x54, 0xe0, 0x02, 0x00, 0x00, 0x78, 0x70});
    a.insert(a.end(), {0x7f, 0xff, 0xff, 0xff});
    streams.emplace_back("huge byte array", a);
    Bytes l = header;
    l.push_back(0x7c);
    l.insert(l.end(), {0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff});
    streams.emplace_back("huge long string", l);
    // A reference to a handle that does not exist, and one to itself.
    Bytes r = header;
    r.insert(r.end(), {0x71, 0x00, 0x7e, 0x00, 0x05});
    streams.emplace_back("dangling reference", r);
    Bytes self = header;
    self.insert(self.end(), {0x73, 0x71, 0x00, 0x7e, 0x00, 0x00});
    streams.emplace_back("self reference", self);
  }
  for (const auto& [what, stream] : streams) {
    SCOPED_TRACE(what);
    const Bytes file = jceks_with_stream(stream);
    expect_refused(file, "JCEKS", {ErrorCode::kMalformed, ErrorCode::kLimitExceeded, ErrorCode::kUnsupported});
    auto key = jks::read_secret_key_object(stream, Limits{});
    ASSERT_FALSE(key.ok());
    EXPECT_TRUE(is_input_error(key.status().code())) << key.status().to_string();
  }
}

}  // namespace
}  // namespace kstore
