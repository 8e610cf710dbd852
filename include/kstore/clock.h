// The one clock of kstore and its tools.
#pragma once

#include <cstdint>

namespace kstore {

// Milliseconds since the epoch, as System.currentTimeMillis(): the date a
// writer gives an entry that has none, and "now" for a tool.
int64_t current_time_ms();

}  // namespace kstore
