// pbe::pbkdf2 (RFC 8018 §5.2): the RFC 6070 / RFC 7914 answers through every
// backend, and the argument check it adds.
#include "pbe/pbkdf2.h"

#include <gtest/gtest.h>

#include "unit/crypto_kat_file.h"

namespace kstore::pbe {
namespace {

TEST(Pbkdf2, KnownAnswers) {
  const auto records = kat::read_kat_file("pbkdf2.vec");
  for (const crypto::Backend* backend : kat::all_backends()) {
    for (const auto& rec : records) {
      if (rec.number("Iterations") > 5000) continue;  // the slow ones run once, in CryptoKat.Pbkdf2
      SCOPED_TRACE(std::string(backend->name()) + " " + rec.where());
      const Bytes want = rec.hex("Output");
      auto got = pbkdf2(*backend, kat::hash_from_name(rec.section), rec.hex("Password"), rec.hex("Salt"),
                        rec.number("Iterations"), want.size());
      ASSERT_TRUE(got.ok()) << got.status().to_string();
      EXPECT_EQ(to_hex(*got), to_hex(want));
    }
  }
}

TEST(Pbkdf2, RejectsZeroIterations) {
  for (const crypto::Backend* backend : kat::all_backends()) {
    SCOPED_TRACE(backend->name());
    auto got = pbkdf2(*backend, crypto::HashAlg::kSha256, as_bytes("password"), as_bytes("salt"), 0, 32);
    ASSERT_FALSE(got.ok());
    EXPECT_EQ(got.status().code(), ErrorCode::kInvalidArgument);
  }
}

}  // namespace
}  // namespace kstore::pbe
