// Result<T>: a value or the reason there is none, never a success without a value.
#include <gtest/gtest.h>

#include "kstore/status.h"

namespace kstore {
namespace {

Result<int> forty_two() { return 42; }
Result<int> fails() { return Status::Malformed("truncated"); }
Result<int> forgets_the_value() { return Status::Ok(); }

Result<int> doubled(Result<int> (*source)()) {
  KS_ASSIGN_OR_RETURN(int v, source());
  return 2 * v;
}

TEST(Result, HoldsAValueOrAnError) {
  Result<int> good = forty_two();
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 42);
  EXPECT_TRUE(good.status().ok());
  Result<int> bad = fails();
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::kMalformed);
}

TEST(Result, AnOkStatusWithoutAValueIsAnInternalError) {
  Result<int> r = forgets_the_value();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kInternal);
  // And it does not pass for a success further up either.
  Result<int> up = doubled(forgets_the_value);
  ASSERT_FALSE(up.ok());
  EXPECT_EQ(up.status().code(), ErrorCode::kInternal);
  EXPECT_EQ(*doubled(forty_two), 84);
}

}  // namespace
}  // namespace kstore
