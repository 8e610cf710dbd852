// Length and count fields set to values no file could back (issue #6): JKS
// and JCEKS u4/u2 fields, DER lengths of the PFX and inside it, MAC
// iteration counts, and the Limits a caller sets. Each load must be refused
// as malformed, truncated or over a limit (support/robustness.h).
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "der/reader.h"
#include "der/writer.h"
#include "io/byte_reader.h"
#include "jks/jks_format.h"
#include "jks/sealed_object.h"
#include "kstore/keystore.h"
#include "pbe/pbe_oids.h"
#include "support/robustness.h"

namespace kstore {
namespace {

using testing::robustness::concat;
using testing::robustness::expect_refused;
using testing::robustness::Failures;
using testing::robustness::Fixture;
using testing::robustness::fixture;
using testing::robustness::fixtures;
using testing::robustness::kDataOid;
using testing::robustness::kPassword;
using testing::robustness::pfx_with_valid_mac;
using testing::robustness::redigest;
using testing::robustness::tlv;

// ---------------------------------------------------------------- JKS and JCEKS

void put_u32(Bytes& b, size_t at, uint32_t v) {
  b[at] = static_cast<uint8_t>(v >> 24);
  b[at + 1] = static_cast<uint8_t>(v >> 16);
  b[at + 2] = static_cast<uint8_t>(v >> 8);
  b[at + 3] = static_cast<uint8_t>(v);
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
  const Fixture& f = fixture("own.jks");
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

TEST(Robustness, HugeDerLengths) {
  const Bytes good = fixture("own_modern.p12").bytes;
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

}  // namespace
}  // namespace kstore
