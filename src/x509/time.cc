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

// Reads the time's characters left to right as DerValue.getTimeInternal
// does: a character that is not a digit marks the time bad but still counts.
struct TimeText {
  ByteView t;
  size_t pos = 0;
  bool bad = false;

  int digit() {
    if (pos >= t.size() || t[pos] < '0' || t[pos] > '9') {
      bad = true;
      ++pos;
      return 0;
    }
    return t[pos++] - '0';
  }
  int two() {
    const int hi = digit();
    return hi * 10 + digit();
  }
  bool at_zone() const { return pos < t.size() && (t[pos] == 'Z' || t[pos] == '+' || t[pos] == '-'); }
};

// GeneralizedTime's fraction after '.' or ',': the JDK keeps milliseconds
// and ignores further digits. `len` counts the characters still unread.
Status read_fraction(TimeText& in, ptrdiff_t& len, const char* type, int& millis) {
  --len;
  ++in.pos;
  int precision = 0;
  while (in.pos < in.t.size() && !in.at_zone()) {
    const int d = in.digit();
    ++precision;
    if (--len == 0) return Status::Malformed("Validity: ", type, " fraction without zone");
    if (precision == 1) millis += 100 * d;
    if (precision == 2) millis += 10 * d;
    if (precision == 3) millis += d;
  }
  if (precision == 0) return Status::Malformed("Validity: ", type, " with an empty fraction");
  return Status::Ok();
}

// The zone: 'Z' as the last character, or +hhmm/-hhmm as the last five.
Result<int64_t> apply_zone(TimeText& in, ptrdiff_t len, const char* type, int64_t ms) {
  if (!(len == 1 || len == 5) || in.pos >= in.t.size()) return Status::Malformed("Validity: ", type, " has a bad zone");
  const uint8_t z = in.t[in.pos++];
  if (z == 'Z' && len == 1) return ms;
  if ((z != '+' && z != '-') || len != 5) return Status::Malformed("Validity: ", type, " has a bad zone");
  const int hr = in.two(), mn = in.two();
  if (in.bad || hr >= 24 || mn >= 60) return Status::Malformed("Validity: ", type, " has a bad offset");
  const int64_t off = (hr * 60LL + mn) * 60000;
  return z == '+' ? ms - off : ms + off;
}

}  // namespace

Result<int64_t> parse_time(uint8_t tag, ByteView t) {
  const bool generalized = tag == 0x18;
  if (tag != 0x17 && !generalized) return Status::Malformed("Validity: time has tag 0x", to_hex(ByteView(&tag, 1)));
  const char* type = generalized ? "GeneralizedTime" : "UTCTime";
  if (generalized ? t.size() < 13 : (t.size() < 11 || t.size() > 17)) {
    return Status::Malformed("Validity: ", type, " of length ", t.size());
  }
  TimeText in{t};
  int year;
  ptrdiff_t len = static_cast<ptrdiff_t>(t.size());
  if (generalized) {
    year = in.two() * 100 + in.two();
    len -= 2;
  } else {
    year = in.two();
    year += year < 50 ? 2000 : 1900;
  }
  const int month = in.two(), day = in.two(), hour = in.two(), minute = in.two();
  len -= 10;
  int second = 0, millis = 0;
  if (len > 2) {
    second = in.two();
    len -= 2;
    if (generalized && in.pos < t.size() && (t[in.pos] == '.' || t[in.pos] == ','))
      KS_TRY(read_fraction(in, len, type, millis));
  }
  if (in.bad || month == 0 || day == 0 || month > 12 || day > 31 || hour >= 24 || minute >= 60 || second >= 60) {
    return Status::Malformed("Validity: ", type, " is not a valid time");
  }
  // Like the JDK's Gregorian calendar, day 31 of a short month rolls over.
  const int64_t ms = (days_from_civil(year, static_cast<unsigned>(month), 1) + (day - 1)) * 86400000LL +
                     ((hour * 60LL + minute) * 60 + second) * 1000 + millis;
  return apply_zone(in, len, type, ms);
}

}  // namespace kstore::x509
