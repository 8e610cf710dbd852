// Certificate times: ASN.1 UTCTime/GeneralizedTime as the JDK reads them
// (sun.security.util.DerValue.getTimeInternal) and java.util.Date.toString().
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <ctime>

#include "x509/certificate.h"
#include "x509/zone_names.h"

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

std::string java_default_zone_id() {
  // TimeZone.getDefault() on Linux: the TZ variable, else the zone file
  // /etc/localtime links to.
  if (const char* tz = std::getenv("TZ"); tz != nullptr && *tz != 0) {
    return tz[0] == ':' ? std::string(tz + 1) : std::string(tz);
  }
  char target[PATH_MAX];
  const ssize_t n = readlink("/etc/localtime", target, sizeof target - 1);
  if (n <= 0) return {};
  const std::string path(target, static_cast<size_t>(n));
  const size_t at = path.find("zoneinfo/");
  return at == std::string::npos ? std::string() : path.substr(at + 9);
}

std::string java_date_string(int64_t ms) {
  static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  int64_t secs = ms / 1000;
  if (ms % 1000 < 0) --secs;
  const time_t tt = static_cast<time_t>(secs);
  struct tm tm {};
  if (localtime_r(&tt, &tm) == nullptr) gmtime_r(&tt, &tm);
  // Java names the zone by its standard or daylight name only; the C
  // library's own abbreviation is the fallback for IDs Java does not know.
  std::string zone = tm.tm_zone ? tm.tm_zone : "GMT";
  if (auto java_name = java_zone_short_name(java_default_zone_id(), tm.tm_isdst > 0)) zone = *java_name;
  char buf[128];
  snprintf(buf, sizeof buf, "%s %s %02d %02d:%02d:%02d %s %lld", kDays[tm.tm_wday % 7], kMonths[tm.tm_mon % 12],
           tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, zone.c_str(), static_cast<long long>(tm.tm_year) + 1900);
  return buf;
}

std::string big_integer_hex(ByteView v) {
  if (v.empty()) return "0";
  Bytes mag(v.begin(), v.end());
  const bool negative = mag[0] & 0x80;
  if (negative) {
    // Two's complement negation.
    for (uint8_t& b : mag) b = static_cast<uint8_t>(~b);
    for (size_t i = mag.size(); i-- > 0;) {
      if (++mag[i] != 0) break;
    }
  }
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (uint8_t b : mag) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 15]);
  }
  const size_t first = out.find_first_not_of('0');
  out = first == std::string::npos ? "0" : out.substr(first);
  return negative ? "-" + out : out;
}

}  // namespace kstore::x509
