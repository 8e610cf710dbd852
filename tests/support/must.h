// Results a test cannot go on without. ASSERT_* only works in functions that
// return void, so helpers that return a value used to EXPECT success and hand
// back an empty value, which the caller then indexed: a crash that took every
// later test of the binary with it. must() ends the current test instead, by
// an exception that GoogleTest reports as a failure with this message.
#pragma once

#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>

#include "kstore/status.h"

namespace kstore::testing {

template <typename T, typename... Context>
T must(Result<T> result, const Context&... context) {
  if (!result.ok()) {
    std::ostringstream s;
    ((s << context), ...);
    s << (sizeof...(Context) ? ": " : "") << result.status().to_string();
    throw std::runtime_error(s.str());
  }
  return std::move(result).value();
}

}  // namespace kstore::testing
