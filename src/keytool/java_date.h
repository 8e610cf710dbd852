// The dates of keytool's certificate text: java.util.Date.toString() in the
// JVM's default time zone.
#pragma once

#include <cstdint>
#include <string>

namespace kstore::keytool {

// "EEE MMM dd HH:mm:ss zzz yyyy" in the zone Java would take as its default
// ($TZ, else the zone /etc/localtime links to), named as Java names it.
std::string java_date_string(int64_t ms);

}  // namespace kstore::keytool
