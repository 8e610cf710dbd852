// Certificate times: ASN.1 UTCTime/GeneralizedTime as the JDK reads them
// (sun.security.util.DerValue.getTimeInternal) and java.util.Date.toString().
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <ctime>

#include "kstore/clock.h"
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

struct Season {
  long offset = 0;
  bool dst = false;
};

// Offset and DST flag in the middle of January and of July of t's year.
std::pair<Season, Season> january_july(time_t t) {
  struct tm u {};
  gmtime_r(&t, &u);
  Season seasons[2];
  for (int i = 0; i < 2; ++i) {
    const int64_t days = days_from_civil(u.tm_year + 1900LL, i == 0 ? 1u : 7u, 15);
    const time_t probe = static_cast<time_t>(days * 86400);
    struct tm l {};
    if (localtime_r(&probe, &l) != nullptr) seasons[i] = {l.tm_gmtoff, l.tm_isdst > 0};
  }
  return {seasons[0], seasons[1]};
}

// The zone's standard offset in t's year: the smaller of winter and summer.
long standard_offset(time_t t) {
  auto [jan, jul] = january_july(t);
  return std::min(jan.offset, jul.offset);
}

// Whether Java (whose tz data is in "rearguard" form) calls this time
// daylight saving. Zones that the C library's data gives a negative DST
// (Europe/Dublin: winter flagged as DST) are read the other way round.
bool java_daylight(time_t t, const struct tm& local) {
  auto [jan, jul] = january_july(t);
  const bool negative_dst = (jan.dst && !jul.dst && jan.offset < jul.offset) || (jul.dst && !jan.dst && jul.offset < jan.offset);
  if (negative_dst) return local.tm_gmtoff > std::min(jan.offset, jul.offset);
  return local.tm_isdst > 0;
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

namespace {

std::string zone_id_of_localtime() {
  // Read once per process: a listing formats two dates per certificate, and
  // the link does not change under a running command.
  static const std::string id = [] {
    char target[PATH_MAX];
    const ssize_t n = readlink("/etc/localtime", target, sizeof target - 1);
    if (n <= 0) return std::string();
    const std::string path(target, static_cast<size_t>(n));
    const size_t at = path.find("zoneinfo/");
    return at == std::string::npos ? std::string() : path.substr(at + 9);
  }();
  return id;
}

}  // namespace

std::string java_default_zone_id() {
  // TimeZone.getDefault() on Linux: the TZ variable, else the zone file
  // /etc/localtime links to.
  if (const char* tz = std::getenv("TZ"); tz != nullptr && *tz != 0) {
    return tz[0] == ':' ? std::string(tz + 1) : std::string(tz);
  }
  return zone_id_of_localtime();
}

std::string java_date_string(int64_t ms) {
  static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  int64_t secs = ms / 1000;
  if (ms % 1000 < 0) --secs;
  struct tm tm {};
  time_t tt = static_cast<time_t>(secs);
  // sun.util.calendar.ZoneInfo has no transitions before 1900-01-01T00:00Z
  // and applies the zone's present standard offset there (no local mean
  // time, no daylight saving).
  constexpr int64_t kUtc1900 = -2208988800LL;
  if (secs < kUtc1900) {
    const long offset = standard_offset(static_cast<time_t>(current_time_ms() / 1000));
    tt = static_cast<time_t>(secs + offset);
    gmtime_r(&tt, &tm);
    tm.tm_gmtoff = offset;
    tm.tm_isdst = 0;
    tm.tm_zone = nullptr;
  } else if (localtime_r(&tt, &tm) == nullptr) {
    gmtime_r(&tt, &tm);
  }
  // Date.toString() switches to the Julian calendar before the Gregorian
  // cutover (1582-10-15 local time), although DerValue parsed the time with
  // the proleptic Gregorian calendar.
  constexpr int64_t kGregorianCutoverMs = -12219292800000LL;
  const int64_t local_ms = ms + static_cast<int64_t>(tm.tm_gmtoff) * 1000;
  long long year = static_cast<long long>(tm.tm_year) + 1900;
  if (local_ms < kGregorianCutoverMs) {
    int64_t days = local_ms / 86400000;
    if (local_ms % 86400000 < 0) --days;
    // Julian calendar date of a Julian Day Number (1970-01-01 is JDN 2440588).
    const int64_t c = days + 2440588 + 32082;
    const int64_t d = (4 * c + 3) / 1461;
    const int64_t e = c - 1461 * d / 4;
    const int64_t m = (5 * e + 2) / 153;
    tm.tm_mday = static_cast<int>(e - (153 * m + 2) / 5 + 1);
    tm.tm_mon = static_cast<int>(m + 3 - 12 * (m / 10)) - 1;
    year = d - 4800 + m / 10;
  }
  // Java names the zone by its standard or daylight name only; the C
  // library's own abbreviation is the fallback for IDs Java does not know.
  std::string zone = tm.tm_zone ? tm.tm_zone : "GMT";
  const bool daylight = secs >= kUtc1900 && java_daylight(tt, tm);
  if (auto java_name = java_zone_short_name(java_default_zone_id(), daylight)) zone = *java_name;
  char buf[128];
  snprintf(buf, sizeof buf, "%s %s %02d %02d:%02d:%02d %s %lld", kDays[tm.tm_wday % 7], kMonths[tm.tm_mon % 12],
           tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, zone.c_str(), year);
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
