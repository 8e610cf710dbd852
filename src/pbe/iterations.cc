// Iteration counts against Limits::max_kdf_iterations.
#include "pbe/iterations.h"

namespace kstore::pbe {

Status check_iterations(uint64_t iterations, const Limits& limits, std::string_view what) {
  if (iterations == 0) return Status::Malformed(what, " iteration count 0");
  if (iterations > limits.max_kdf_iterations)
    return Status::LimitExceeded(what, " iteration count too large: ", iterations, " (the limit is ",
                                 limits.max_kdf_iterations, ", as in the JDK)");
  return Status::Ok();
}

Status check_iterations_to_write(uint64_t iterations, const Limits& limits, std::string_view what) {
  if (check_iterations(iterations, limits, what).ok()) return Status::Ok();
  return Status::InvalidArgument(what, " iteration count ", iterations, " is outside 1..", limits.max_kdf_iterations,
                                 ", which the JDK reads");
}

}  // namespace kstore::pbe
