// The small Java text rules of certificates: times, BigInteger hex, X.500
// names, Java's charset decoding. keytool's own (Date.toString(),
// HexDumpEncoder) are in keytool_text_test.cc.
#include <gtest/gtest.h>

#include <cstdlib>

#include "base/utf.h"
#include "x509/certificate.h"
#include "x509/java_text.h"
#include "x509/x500_name.h"

namespace kstore::x509 {
namespace {

int64_t time_of(uint8_t tag, const char* text) {
  auto r = parse_time(tag, as_bytes(text));
  EXPECT_TRUE(r.ok()) << text << ": " << r.status().to_string();
  return r.ok() ? *r : INT64_MIN;
}

TEST(X509Text, TimesFollowDerValueRules) {
  EXPECT_EQ(time_of(0x17, "700101000000Z"), 0);
  EXPECT_EQ(time_of(0x17, "491231235959Z"), 2524607999000);   // YY < 50 is 20YY
  EXPECT_EQ(time_of(0x17, "500101000000Z"), -631152000000);   // YY >= 50 is 19YY
  EXPECT_EQ(time_of(0x17, "7001010000Z"), 0);                 // seconds may be missing
  EXPECT_EQ(time_of(0x17, "700101013000+0130"), 0);
  EXPECT_EQ(time_of(0x18, "19691231220000-0200"), 0);
  EXPECT_EQ(time_of(0x18, "19700101000000.5Z"), 500);
  EXPECT_EQ(time_of(0x18, "19700101000000.123456Z"), 123);    // only milliseconds are kept
  EXPECT_EQ(time_of(0x18, "99991231235959Z"), 253402300799000);
  for (const char* bad : {"7001010000+0100", "700101000000", "701301000000Z", "700100000000Z", "700101240000Z",
                          "7001010000000Z", "70010100000aZ"}) {
    SCOPED_TRACE(bad);
    EXPECT_FALSE(parse_time(0x17, as_bytes(bad)).ok());
  }
  EXPECT_FALSE(parse_time(0x18, as_bytes("19700101000000.Z")).ok());
  EXPECT_FALSE(parse_time(0x04, as_bytes("700101000000Z")).ok());
}

TEST(X509Text, BigIntegerToString16) {
  auto hex = [](std::initializer_list<uint8_t> b) { return big_integer_hex(Bytes(b)); };
  EXPECT_EQ(hex({0x00}), "0");
  EXPECT_EQ(hex({0x7f}), "7f");
  EXPECT_EQ(hex({0x00, 0x80}), "80");
  EXPECT_EQ(hex({0x00, 0x00, 0x01}), "1");
  EXPECT_EQ(hex({0xff}), "-1");
  EXPECT_EQ(hex({0xff, 0x01}), "-ff");
  EXPECT_EQ(hex({0x80, 0x00}), "-8000");
}

Bytes name_der(std::initializer_list<std::pair<const char*, const char*>> rdns) {
  // SEQUENCE OF SET OF { OID 2.5.4.x, UTF8String } for short test names.
  Bytes seq;
  for (auto [oid_last, value] : rdns) {
    const std::string v = value;
    Bytes atv = {0x06, 0x03, 0x55, 0x04, static_cast<uint8_t>(std::atoi(oid_last)), 0x0c, static_cast<uint8_t>(v.size())};
    atv.insert(atv.end(), v.begin(), v.end());
    Bytes set = {0x31, static_cast<uint8_t>(atv.size() + 2), 0x30, static_cast<uint8_t>(atv.size())};
    set.insert(set.end(), atv.begin(), atv.end());
    seq.insert(seq.end(), set.begin(), set.end());
  }
  Bytes out = {0x30, static_cast<uint8_t>(seq.size())};
  out.insert(out.end(), seq.begin(), seq.end());
  return out;
}

TEST(X509Text, NamesInBothJavaForms) {
  const Bytes n = name_der({{"6", "US"}, {"10", "A, B"}, {"3", " x "}});
  EXPECT_EQ(*name_to_java_string(n), "CN=\" x \", O=\"A, B\", C=US");
  EXPECT_EQ(*name_to_rfc2253(n), "CN=\\ x\\ ,O=A\\, B,C=US");
  const Bytes empty = {0x30, 0x00};
  EXPECT_EQ(*name_to_java_string(empty), "");
  EXPECT_FALSE(name_to_java_string(Bytes{0x30, 0x02, 0x30, 0x00}).ok());  // an RDN must be a SET
}

}  // namespace
}  // namespace kstore::x509

namespace kstore::x509 {
namespace {

std::string units(const std::u16string& s) {
  std::string out;
  char buf[8];
  for (char16_t c : s) {
    snprintf(buf, sizeof buf, out.empty() ? "%04x" : " %04x", static_cast<unsigned>(c));
    out += buf;
  }
  return out;
}

Bytes unhex(const std::string& h) {
  Bytes out;
  for (size_t i = 0; i + 1 < h.size(); i += 2) out.push_back(static_cast<uint8_t>(std::stoi(h.substr(i, 2), nullptr, 16)));
  return out;
}

// Expected code units printed by OpenJDK 17 for new String(bytes, charset).
TEST(X509Text, JavaCharsetDecoding) {
  const std::pair<const char*, const char*> utf8[] = {
      {"41", "0041"},           {"c3a9", "00e9"},           {"eda080", "fffd"},
      {"eda08041", "fffd 0041"}, {"e0808041", "fffd fffd fffd 0041"}, {"e1804141", "fffd 0041 0041"},
      {"e180", "fffd"},          {"e1", "fffd"},             {"f09f9880", "d83d de00"},
      {"f0808080", "fffd fffd fffd fffd"}, {"f4908080", "fffd fffd fffd fffd"}, {"f5", "fffd"},
      {"c041", "fffd 0041"},     {"c2", "fffd"},             {"80bf", "fffd fffd"},
      {"f09f98", "fffd"},        {"f09f41", "fffd 0041"},    {"eda0", "fffd"},
      {"efbfbf", "ffff"},
  };
  for (auto [in, want] : utf8) {
    SCOPED_TRACE(in);
    EXPECT_EQ(units(utf::decode_utf8_lenient_utf16(as_chars(unhex(in)))), want);
  }
  const std::pair<const char*, const char*> utf16[] = {
      {"0041d83dde00", "0041 d83d de00"}, {"d83d0041", "fffd"}, {"de00", "fffd"}, {"004100", "0041 fffd"}, {"d83d", "fffd"}};
  for (auto [in, want] : utf16) {
    SCOPED_TRACE(in);
    EXPECT_EQ(units(decode_utf16be(unhex(in))), want);
  }
  const std::pair<const char*, const char*> utf32[] = {
      {"0001f600", "d83d de00"}, {"00110000", "fffd"}, {"0000d800", "d800"}, {"000041", "fffd"}};
  for (auto [in, want] : utf32) {
    SCOPED_TRACE(in);
    EXPECT_EQ(units(decode_utf32be(unhex(in))), want);
  }
  EXPECT_EQ(units(decode_ascii(unhex("41ff"))), "0041 fffd");
  EXPECT_EQ(units(decode_latin1(unhex("41ff"))), "0041 00ff");
}

}  // namespace
}  // namespace kstore::x509
