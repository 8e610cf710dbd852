// Damaged copies of every store of support/robustness.h (issue #6): every
// truncation, seeded random bit flips and byte replacements, and every bit
// of each digest and MAC. Each load must end in an error of the input's
// fault (support/robustness.h), never kInternal and never a crash.
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
//     the digest): any of the error classes.
//   PKCS#12 with a MAC: a flip in the authSafe's content octets, the MAC
//     value or the MAC salt is exactly kIntegrityFailure (the MAC is verified
//     before any SafeContents is opened). A flip in the outer DER (PFX and
//     ContentInfo tags and lengths, version, content type, MacData
//     structure, digest algorithm, iteration count) may be any of the error
//     classes: that is where a file stops being a PFX before a MAC exists.
//   PKCS#12 without a MAC: nothing is authenticated, so a flip may load.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "der/reader.h"
#include "io/byte_reader.h"
#include "jks/jks_format.h"
#include "jks/sealed_object.h"
#include "kstore/keystore.h"
#include "kstore/sealing.h"
#include "pbe/pbe_oids.h"
#include "support/robustness.h"
#include "support/truncation.h"

namespace kstore {
namespace {

using testing::robustness::Failures;
using testing::robustness::Fixture;
using testing::robustness::fixtures;
using testing::robustness::is_input_error;
using testing::robustness::kPassword;

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
  auto jceks = load_keystore(testing::robustness::fixture("own.jceks").bytes, &kPassword);
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

}  // namespace
}  // namespace kstore
