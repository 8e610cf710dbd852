// The system clock, read in this one place.
#include "kstore/clock.h"

#include <chrono>

namespace kstore {

int64_t current_time_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace kstore
