// DER reader: bounds, lengths, BER acceptance only where asked.
#include "der/reader.h"

#include <gtest/gtest.h>

#include "der/writer.h"

namespace kstore::der {
namespace {

Bytes B(std::initializer_list<int> v) {
  Bytes out;
  for (int x : v) out.push_back(static_cast<uint8_t>(x));
  return out;
}

TEST(DerReader, ReadsNestedSequence) {
  const Bytes in = B({0x30, 0x06, 0x02, 0x01, 0x03, 0x04, 0x01, 0xaa});
  Reader r(in);
  auto seq = r.read_sequence();
  ASSERT_TRUE(seq.ok()) << seq.status().to_string();
  auto v = seq->read_uint64();
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, 3u);
  auto os = seq->read_octet_string();
  ASSERT_TRUE(os.ok());
  EXPECT_EQ(os->size(), 1u);
  EXPECT_TRUE(seq->expect_end().ok());
  EXPECT_TRUE(r.expect_end().ok());
}

TEST(DerReader, RejectsBadInputs) {
  struct Case {
    const char* name;
    Bytes in;
  } cases[] = {
      {"length past end", B({0x30, 0x05, 0x02, 0x01})},
      {"truncated header", B({0x30})},
      {"indefinite in DER", B({0x30, 0x80, 0x00, 0x00})},
      {"non-minimal long length", B({0x04, 0x81, 0x01, 0xaa})},
      {"five length octets", B({0x04, 0x85, 0, 0, 0, 0, 1, 0xaa})},
      {"huge length", B({0x04, 0x84, 0xff, 0xff, 0xff, 0xff})},
      {"high tag number", B({0x1f, 0x81, 0x00, 0x00})},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Reader r(c.in);
    auto e = r.read_element();
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.status().code(), ErrorCode::kMalformed);
  }
}

TEST(DerReader, BerIndefiniteLengthAndConstructedOctets) {
  // SEQUENCE(indef) { [0](indef) { OCTET STRING constructed(indef) { 04 01 aa, 04 02 bb cc } } }
  const Bytes in = B({0x30, 0x80, 0xa0, 0x80, 0x24, 0x80, 0x04, 0x01, 0xaa, 0x04, 0x02, 0xbb, 0xcc, 0x00, 0x00,
                      0x00, 0x00, 0x00, 0x00});
  Reader r(in, Mode::kBer);
  auto seq = r.read_sequence();
  ASSERT_TRUE(seq.ok()) << seq.status().to_string();
  auto inner = seq->read_explicit(0);
  ASSERT_TRUE(inner.ok()) << inner.status().to_string();
  Bytes storage;
  auto os = inner->read_octet_string(&storage);
  ASSERT_TRUE(os.ok()) << os.status().to_string();
  EXPECT_EQ(to_hex(*os), "aabbcc");
  EXPECT_TRUE(r.expect_end().ok());
}

TEST(DerReader, NestingBombIsRefused) {
  Bytes in;
  for (int i = 0; i < 100; ++i) {
    in.push_back(0x30);
    in.push_back(0x80);
  }
  for (int i = 0; i < 100; ++i) {
    in.push_back(0);
    in.push_back(0);
  }
  Reader r(in, Mode::kBer);
  auto e = r.read_element();
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), ErrorCode::kLimitExceeded);
}

TEST(DerOid, RoundTripsDottedForm) {
  const Bytes oid = oid_from_string("1.2.840.113549.1.12.10.1.2");
  EXPECT_EQ(to_hex(oid), "2a864886f70d010c0a0102");
  EXPECT_EQ(oid_to_string(oid), "1.2.840.113549.1.12.10.1.2");
  EXPECT_TRUE(oid_from_string("1.2.").empty());
  EXPECT_TRUE(oid_from_string("3.1").empty());
}

TEST(DerWriter, NestedLengthsAndSetOrdering) {
  Writer w;
  w.sequence([](Writer& s) {
    s.uint64(200);
    s.set_of({[](Writer& a) { a.uint64(2); }, [](Writer& a) { a.uint64(1); }});
  });
  auto out = std::move(w).finish();
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(to_hex(*out), "300c020200c83106020101020102");
}

}  // namespace
}  // namespace kstore::der
