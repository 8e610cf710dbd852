// Java DataInput codec: bounds and writeUTF.
#include "io/byte_reader.h"

#include <gtest/gtest.h>

namespace kstore::io {
namespace {

TEST(ByteReader, ReadsBigEndianAndChecksBounds) {
  const Bytes in = {0xfe, 0xed, 0xfe, 0xed, 0x00, 0x02, 0x61, 0x62, 0xff};
  ByteReader r(in);
  EXPECT_EQ(*r.read_u32(), 0xfeedfeedu);
  EXPECT_EQ(*r.read_java_utf(), "ab");
  EXPECT_EQ(r.remaining(), 1u);
  auto too_much = r.read_bytes(2);
  ASSERT_FALSE(too_much.ok());
  EXPECT_EQ(too_much.status().code(), ErrorCode::kMalformed);
  EXPECT_FALSE(r.read_u16().ok());
  EXPECT_EQ(*r.read_u8(), 0xff);
  EXPECT_FALSE(r.read_s64().ok());
}

TEST(ByteReader, RejectsBadModifiedUtf8) {
  const Bytes in = {0x00, 0x04, 0xf0, 0x9f, 0x98, 0x80};
  ByteReader r(in, "alias");
  auto s = r.read_java_utf();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("alias"), std::string::npos);
}

TEST(ByteWriter, WritesJavaUtfAndRefusesOversizedStrings) {
  ByteWriter w;
  w.write_s64(-1);
  ASSERT_TRUE(w.write_java_utf("a\xF0\x9F\x98\x80").ok());
  EXPECT_EQ(to_hex(w.bytes()), "ffffffffffffffff000761eda0bdedb880");
  EXPECT_FALSE(w.write_java_utf(std::string(70000, 'x')).ok());
}

}  // namespace
}  // namespace kstore::io
