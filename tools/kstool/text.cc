// Java text behaviour for keytool's output (java.text.Collator,
// String.compareTo, MessageFormat number/date elements in en-US).
#include "text.h"

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <optional>
#include <string>

#include <sys/stat.h>

#include "kstore/java_string.h"

namespace kstool {

std::string encode_utf8(std::u32string_view cps) {
  std::string out;
  for (char32_t c : cps) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

char32_t simple_lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 0x20;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  // Latin Extended-A: upper/lower pairs, even/odd except in 0x139..0x148 and 0x179..0x17E.
  if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return (c % 2 == 0) ? c + 1 : c;
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c % 2 == 1) ? c + 1 : c;
  if (c == 0x178) return 0xFF;
  return c;
}

char32_t simple_upper(char32_t c) {
  if (c >= 'a' && c <= 'z') return c - 0x20;
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 0x20;
  if (c == 0xFF) return 0x178;
  if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return (c % 2 == 1) ? c - 1 : c;
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c % 2 == 0) ? c - 1 : c;
  return c;
}

namespace {

// Base letters of U+00C0..U+017F at primary strength (lower case), per the
// JDK's collation rules: accented letters are secondary variants of their base,
// the ligatures expand (æ = ae, œ = oe, ĳ = ij, ß = ss, þ = th).
const char* latin_base(char32_t c) {
  static const char* const kLatin1[64] = {
      // C0..CF
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
      // D0..DF
      "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",
      // E0..EF
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
      // F0..FF
      "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y",
  };
  if (c >= 0xC0 && c <= 0xFF) return kLatin1[c - 0xC0];
  struct Range {
    char32_t first, last;
    const char* base;
  };
  static const Range kExtA[] = {
      {0x100, 0x105, "a"}, {0x106, 0x10D, "c"}, {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"}, {0x11C, 0x123, "g"},
      {0x124, 0x127, "h"}, {0x128, 0x131, "i"}, {0x132, 0x133, "ij"}, {0x134, 0x135, "j"}, {0x136, 0x138, "k"},
      {0x139, 0x142, "l"}, {0x143, 0x14B, "n"}, {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"}, {0x154, 0x159, "r"},
      {0x15A, 0x161, "s"}, {0x162, 0x167, "t"}, {0x168, 0x173, "u"}, {0x174, 0x175, "w"}, {0x176, 0x178, "y"},
      {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"},
  };
  for (const Range& r : kExtA)
    if (c >= r.first && c <= r.last) return r.base;
  return nullptr;
}

bool ignorable(char32_t c) {
  // Controls other than the whitespace ones, soft hyphen, zero-width and
  // directional marks, and combining diacritics (a secondary difference).
  return (c <= 0x08) || (c >= 0x0E && c <= 0x1F) || (c >= 0x7F && c <= 0x9F) || c == 0xAD ||
         (c >= 0x200B && c <= 0x200F) || c == 0xFEFF || (c >= 0x300 && c <= 0x36F);
}

}  // namespace

std::u32string primary_collation_key(std::string_view s) {
  std::u32string key;
  for (char32_t c : kstore::decode_utf8_lenient(s)) {
    if (ignorable(c)) continue;
    if (const char* base = latin_base(c)) {
      for (const char* p = base; *p; ++p) key.push_back(static_cast<char32_t>(*p));
      continue;
    }
    key.push_back(simple_lower(c));
  }
  return key;
}

std::string format_integer(int64_t value) {
  const bool negative = value < 0;
  // Work on the magnitude as unsigned so that INT64_MIN is fine.
  uint64_t mag = negative ? uint64_t(0) - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  std::string digits = std::to_string(mag);
  std::string out;
  const size_t lead = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
  out.append(digits, 0, lead);
  for (size_t i = lead; i < digits.size(); i += 3) {
    out.push_back(',');
    out.append(digits, i, 3);
  }
  return negative ? "-" + out : out;
}

namespace {

int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

struct CivilDate {
  int64_t year;
  int month;  // 1..12
  int day;
};

// Proleptic Gregorian date of a day count from 1970-01-01 (H. Hinnant's algorithm).
CivilDate gregorian_from_days(int64_t z) {
  z += 719468;
  const int64_t era = floor_div(z, 146097);
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {yoe + era * 400 + (m <= 2), m, d};
}

// Julian calendar date of a day count from 1970-01-01.
CivilDate julian_from_days(int64_t days) {
  // Julian day number, shifted by whole 4-year cycles so that the
  // arithmetic below only sees non-negative values.
  int64_t jdn = days + 2440588;
  int64_t shift_cycles = 0;
  if (jdn < 0) {
    shift_cycles = floor_div(jdn, 1461) - 1;
    jdn -= shift_cycles * 1461;
  }
  const int64_t c = jdn + 32082;
  const int64_t d = (4 * c + 3) / 1461;
  const int64_t e = c - (1461 * d) / 4;
  const int64_t m = (5 * e + 2) / 153;
  const int day = static_cast<int>(e - (153 * m + 2) / 5 + 1);
  const int month = static_cast<int>(m + 3 - 12 * (m / 10));
  const int64_t year = d - 4800 + m / 10 + shift_cycles * 4;
  return {year, month, day};
}

}  // namespace

std::string format_medium_date(int64_t epoch_ms) {
  static const char* const kMonths[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  // Local offset at that instant, from the C library's reading of TZ (the
  // same tz database Java reads). tzset() stats and reads /etc/localtime on
  // every call, once per listed entry; re-read only when TZ has changed.
  static std::optional<std::string> zone_read_for;
  const char* tz = std::getenv("TZ");
  const std::string tz_now = tz ? std::string("=") + tz : std::string();  // "" when unset, "=" when empty
  if (zone_read_for != tz_now) {
    tzset();
    zone_read_for = tz_now;
  }
  const time_t secs = static_cast<time_t>(floor_div(epoch_ms, 1000));
  struct tm local {};
  int64_t offset_ms = 0;
  if (localtime_r(&secs, &local) != nullptr) offset_ms = static_cast<int64_t>(local.tm_gmtoff) * 1000;
  const int64_t days = floor_div(epoch_ms + offset_ms, 86'400'000);
  // java.util.GregorianCalendar's default cutover: 1582-10-15T00:00:00Z.
  constexpr int64_t kGregorianCutoverMs = -12219292800000;
  const CivilDate date = epoch_ms < kGregorianCutoverMs ? julian_from_days(days) : gregorian_from_days(days);
  // Pattern "MMM d, y": y is the year of the era (1 BC is year 1).
  const int64_t year_of_era = date.year <= 0 ? 1 - date.year : date.year;
  return std::string(kMonths[date.month - 1]) + " " + std::to_string(date.day) + ", " + std::to_string(year_of_era);
}

std::string java_errno_text(int err) {
  switch (err) {
    case ENOENT: return "No such file or directory";
    case EACCES: return "Permission denied";
    case EISDIR: return "Is a directory";
    default: return std::strerror(err);
  }
}

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {}, sb {};
  if (::stat(a.c_str(), &sa) != 0 || ::stat(b.c_str(), &sb) != 0) return false;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

}  // namespace kstool
