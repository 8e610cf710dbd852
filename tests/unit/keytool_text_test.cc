// The Java text rules of keytool's certificate output: Date.toString() in
// Java's default zone with Java's zone names, and HexDumpEncoder.
#include <gtest/gtest.h>

#include <climits>
#include <filesystem>

#include "keytool/hex_dump.h"
#include "keytool/java_date.h"
#include "support/time_zone.h"
#include "x509/certificate.h"

namespace kstore::keytool {
namespace {

using Zone = testing::ScopedTimeZone;

int64_t time_of(uint8_t tag, const char* text) {
  auto r = x509::parse_time(tag, as_bytes(text));
  EXPECT_TRUE(r.ok()) << text << ": " << r.status().to_string();
  return r.ok() ? *r : INT64_MIN;
}

TEST(KeytoolText, DateToStringUtc) {
  Zone utc("UTC");
  EXPECT_EQ(java_date_string(0), "Thu Jan 01 00:00:00 UTC 1970");
  EXPECT_EQ(java_date_string(-1), "Wed Dec 31 23:59:59 UTC 1969");
  EXPECT_EQ(java_date_string(253402300799000), "Fri Dec 31 23:59:59 UTC 9999");
  // Before the Gregorian cutover Date.toString() shows the Julian calendar.
  EXPECT_EQ(java_date_string(time_of(0x18, "15821014235959Z")), "Thu Oct 04 23:59:59 UTC 1582");
  EXPECT_EQ(java_date_string(time_of(0x18, "15821015000000Z")), "Fri Oct 15 00:00:00 UTC 1582");
  EXPECT_EQ(java_date_string(time_of(0x18, "00010101000000Z")), "Mon Jan 03 00:00:00 UTC 1");
}

TEST(KeytoolText, DateToStringUsesJavaZoneNames) {
  if (!std::filesystem::exists("/usr/share/zoneinfo/America/Sao_Paulo")) GTEST_SKIP() << "no tzdata";
  {
    Zone z("America/Sao_Paulo");  // tzdata says "-03"; Java says BRT
    EXPECT_EQ(java_date_string(1767225600000), "Wed Dec 31 21:00:00 BRT 2025");
  }
  {
    Zone z("Europe/Berlin");
    EXPECT_EQ(java_date_string(1767225600000), "Thu Jan 01 01:00:00 CET 2026");
    EXPECT_EQ(java_date_string(1782864000000), "Wed Jul 01 02:00:00 CEST 2026");
  }
  {
    Zone z("America/New_York");  // before 1900 Java uses today's standard offset, not local mean time
    EXPECT_EQ(java_date_string(time_of(0x18, "18500701000000Z")), "Sun Jun 30 19:00:00 EST 1850");
  }
  {
    Zone z("Europe/Dublin");  // negative DST in the C library's data, summer time in Java's
    EXPECT_EQ(java_date_string(time_of(0x18, "20300715000000Z")), "Mon Jul 15 01:00:00 IST 2030");
    EXPECT_EQ(java_date_string(time_of(0x18, "20300115000000Z")), "Tue Jan 15 00:00:00 GMT 2030");
  }
  {
    Zone z(":Asia/Tokyo");
    EXPECT_EQ(java_date_string(0), "Thu Jan 01 09:00:00 JST 1970");
  }
}

TEST(KeytoolText, HexDumpEncoderLayout) {
  EXPECT_EQ(hex_dump({}), "");
  EXPECT_EQ(hex_dump(as_bytes("0")), "0000: 30                                                 0\n");
  Bytes b;
  for (int i = 0; i < 17; ++i) b.push_back(static_cast<uint8_t>('w' + i));  // 'w'..: '{' and beyond are dots
  EXPECT_EQ(hex_dump(b),
            "0000: 77 78 79 7A 7B 7C 7D 7E   7F 80 81 82 83 84 85 86  wxyz............\n"
            "0010: 87                                                 .\n");
  EXPECT_EQ(hex_dump(Bytes(8, 0x41)), "0000: 41 41 41 41 41 41 41 41                            AAAAAAAA\n");
}

}  // namespace
}  // namespace kstore::keytool
