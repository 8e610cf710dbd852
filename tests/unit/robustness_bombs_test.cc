// Nesting bombs (issue #6): DER nested thousands deep, definite and
// indefinite, as the whole file and under a MAC that verifies; Java
// serialization streams with endless superclass chains, nested objects,
// huge arrays and strings, and bad references, inside a JCEKS file. Each
// must be refused as malformed, over a limit or unsupported
// (support/robustness.h), not exhaust the stack or the memory.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/byte_reader.h"
#include "jks/jks_format.h"
#include "jks/sealed_object.h"
#include "support/robustness.h"

namespace kstore {
namespace {

using testing::robustness::concat;
using testing::robustness::expect_refused;
using testing::robustness::fixture;
using testing::robustness::is_input_error;
using testing::robustness::kDataOid;
using testing::robustness::pfx_with_valid_mac;
using testing::robustness::redigest;
using testing::robustness::tlv;

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
    Bytes wrapped = fixture("own_modern.p12").bytes;
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
