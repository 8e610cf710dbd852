// java.util.Date.toString() as keytool prints certificate validity: the
// JVM's default zone, Java's short zone names, the zone's present standard
// offset before 1900 and the Julian calendar before the Gregorian cutover.
#include "keytool/java_date.h"

#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <utility>

#include "keytool/zone_names.h"
#include "kstore/clock.h"

namespace kstore::keytool {
namespace {

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
    struct tm mid_month {};
    mid_month.tm_year = u.tm_year;
    mid_month.tm_mon = i == 0 ? 0 : 6;
    mid_month.tm_mday = 15;
    const time_t probe = timegm(&mid_month);
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

// TimeZone.getDefault() on Linux: the TZ variable, else the zone file
// /etc/localtime links to; empty if neither names one.
std::string java_default_zone_id() {
  if (const char* tz = std::getenv("TZ"); tz != nullptr && *tz != 0) {
    return tz[0] == ':' ? std::string(tz + 1) : std::string(tz);
  }
  return zone_id_of_localtime();
}

}  // namespace

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

}  // namespace kstore::keytool
