// Certificate times: ASN.1 UTCTime/GeneralizedTime as the JDK reads them
// (sun.security.util.DerValue.getTimeInternal).
#include "x509/certificate.h"

namespace kstore::x509 {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

}  // namespace

Result<int64_t> parse_time(uint8_t tag, ByteView t) {
  const bool generalized = tag == 0x18;
  if (tag != 0x17 && !generalized) return Status::Malformed("Validity: time has tag 0x", to_hex(ByteView(&tag, 1)));
  const char* type = generalized ? "GeneralizedTime" : "UTCTime";
  if (generalized ? t.size() < 13 : (t.size() < 11 || t.size() > 17)) {
    return Status::Malformed("Validity: ", type, " of length ", t.size());
  }
  size_t pos = 0;
  bool bad = false;
  auto digit = [&]() -> int {
    if (pos >= t.size() || t[pos] < '0' || t[pos] > '9') {
      bad = true;
      ++pos;
      return 0;
    }
    return t[pos++] - '0';
  };
  auto two = [&]() { int hi = digit(); return hi * 10 + digit(); };
  int year;
  ptrdiff_t len = static_cast<ptrdiff_t>(t.size());
  if (generalized) {
    year = two() * 100 + two();
    len -= 2;
  } else {
    year = two();
    year += year < 50 ? 2000 : 1900;
  }
  const int month = two(), day = two(), hour = two(), minute = two();
  len -= 10;
  int second = 0, millis = 0;
  if (len > 2) {
    second = two();
    len -= 2;
    if (generalized && pos < t.size() && (t[pos] == '.' || t[pos] == ',')) {
      --len;
      ++pos;
      int precision = 0;
      while (pos < t.size() && t[pos] != 'Z' && t[pos] != '+' && t[pos] != '-') {
        const int d = digit();
        ++precision;
        if (--len == 0) return Status::Malformed("Validity: ", type, " fraction without zone");
        if (precision == 1) millis += 100 * d;
        if (precision == 2) millis += 10 * d;
        if (precision == 3) millis += d;
      }
      if (precision == 0) return Status::Malformed("Validity: ", type, " with an empty fraction");
    }
  }
  if (bad || month == 0 || day == 0 || month > 12 || day > 31 || hour >= 24 || minute >= 60 || second >= 60) {
    return Status::Malformed("Validity: ", type, " is not a valid time");
  }
  // Like the JDK's Gregorian calendar, day 31 of a short month rolls over.
  int64_t ms = (days_from_civil(year, static_cast<unsigned>(month), 1) + (day - 1)) * 86400000LL +
               ((hour * 60LL + minute) * 60 + second) * 1000 + millis;
  if (!(len == 1 || len == 5) || pos >= t.size()) return Status::Malformed("Validity: ", type, " has a bad zone");
  const uint8_t z = t[pos++];
  if (z == 'Z') {
    if (len != 1) return Status::Malformed("Validity: ", type, " has a bad zone");
  } else if (z == '+' || z == '-') {
    if (len != 5) return Status::Malformed("Validity: ", type, " has a bad zone");
    const int hr = two(), mn = two();
    if (bad || hr >= 24 || mn >= 60) return Status::Malformed("Validity: ", type, " has a bad offset");
    const int64_t off = (hr * 60LL + mn) * 60000;
    ms += z == '+' ? -off : off;
  } else {
    return Status::Malformed("Validity: ", type, " has a bad zone");
  }
  return ms;
}

}  // namespace kstore::x509
