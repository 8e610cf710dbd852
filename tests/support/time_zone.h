// A time zone for the length of a test: keytool's certificate text prints
// dates in the zone $TZ names, as Java's Date.toString() does.
#pragma once

#include <cstdlib>
#include <ctime>
#include <string>

namespace kstore::testing {

// Sets TZ (and tzset()s) for its lifetime, then restores the previous value
// or its absence.
class ScopedTimeZone {
 public:
  explicit ScopedTimeZone(const char* tz) {
    if (const char* old = std::getenv("TZ")) old_ = old, had_ = true;
    setenv("TZ", tz, 1);
    tzset();
  }
  ~ScopedTimeZone() {
    if (had_) setenv("TZ", old_.c_str(), 1);
    else unsetenv("TZ");
    tzset();
  }
  ScopedTimeZone(const ScopedTimeZone&) = delete;
  ScopedTimeZone& operator=(const ScopedTimeZone&) = delete;

 private:
  std::string old_;
  bool had_ = false;
};

}  // namespace kstore::testing
