// Java's short time-zone names (java.util.TimeZone.getDisplayName, SHORT, Locale.US).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kstore::x509 {

// "CET"/"CEST" for "Europe/Berlin"; nullopt for an ID Java does not know.
std::optional<std::string> java_zone_short_name(std::string_view zone_id, bool daylight);

// The zone ID the JVM would pick as its default: $TZ (without a leading ':'),
// else the target of /etc/localtime below ".../zoneinfo/"; empty if neither.
std::string java_default_zone_id();

}  // namespace kstore::x509
