// Java's short time-zone names (java.util.TimeZone.getDisplayName, SHORT, Locale.US).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kstore::keytool {

// "CET"/"CEST" for "Europe/Berlin"; nullopt for an ID Java does not know.
std::optional<std::string> java_zone_short_name(std::string_view zone_id, bool daylight);

}  // namespace kstore::keytool
