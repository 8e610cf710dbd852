// Every truncation of an input, for the tests that check a reader fails
// cleanly wherever a file or stream is cut short.
#pragma once

#include <gtest/gtest.h>

#include <cstddef>
#include <stdexcept>
#include <string>

#include "kstore/bytes.h"

namespace kstore::testing {

// Calls fn(prefix, length) for the prefixes of `whole` of length 0, step,
// 2·step, … below whole.size() (the whole input is no truncation), each
// under a SCOPED_TRACE that names the length.
//
// The sweep stops at the first fatal failure (an ASSERT_* in fn), as the
// loops it replaced did: one broken length in the log, not thousands. A
// caller that sweeps several inputs wraps the call in ASSERT_NO_FATAL_FAILURE
// to stop there too.
template <typename Fn>
void for_each_truncation(ByteView whole, size_t step, Fn&& fn) {
  if (step == 0) throw std::invalid_argument("for_each_truncation: step 0");
  for (size_t len = 0; len < whole.size(); len += step) {
    SCOPED_TRACE("truncated to " + std::to_string(len) + " of " + std::to_string(whole.size()) + " bytes");
    fn(whole.first(len), len);
    if (::testing::Test::HasFatalFailure()) return;
  }
}

// Every length: 0, 1, … whole.size() - 1.
template <typename Fn>
void for_each_truncation(ByteView whole, Fn&& fn) {
  for_each_truncation(whole, 1, fn);
}

}  // namespace kstore::testing
