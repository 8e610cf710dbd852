// What the robustness tests (tests/unit/robustness_*_test.cc) share: the
// stores they damage, the answer a damaged load may give, a collector that
// keeps thousands of failures out of the log, and builders for hand-made
// PKCS#12 and JKS/JCEKS bytes.
//
// A damaged store must load to an error that names the input's fault, never
// kInternal and never a crash:
//
//   kMalformed         the grammar is broken (the usual answer)
//   kTruncated         the input ends before the data it announces
//   kUnknownFormat     the magic / outer shape no longer says what the file is
//   kIntegrityFailure  the digest or MAC does not verify
//   kUnsupported       a field now names an algorithm or type kstore lacks
//   kLimitExceeded     a count, length, iteration number or nesting depth is too large
//
// kBadPassword is not accepted: it claims that the store password verified
// the bytes, which no damaged file can make true.
#pragma once

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kstore/bytes.h"
#include "kstore/password.h"
#include "kstore/status.h"
#include "kstore/store_type.h"

namespace kstore::testing::robustness {

// The password of every store below that loads with one.
inline const Password kPassword = Password::from_utf8("changeit");

// Whether `code` names a fault of the input (the list above).
bool is_input_error(ErrorCode code);

// Collects failures without flooding the log: the first few are reported in
// full, the rest only counted.
class Failures {
 public:
  explicit Failures(std::string what) : what_(std::move(what)) {}
  ~Failures() {
    if (count_ > kShown) ADD_FAILURE() << what_ << ": " << (count_ - kShown) << " more failures not shown";
  }
  template <typename... Parts>
  void add(const Parts&... parts) {
    if (++count_ > kShown) return;
    std::ostringstream s;
    (s << ... << parts);
    ADD_FAILURE() << what_ << ": " << s.str();
  }
  size_t count() const { return count_; }

 private:
  static constexpr size_t kShown = 8;
  std::string what_;
  size_t count_ = 0;
};

// A store to damage. The in-test ones ("own…") are made with save_keystore
// at 1 KDF iteration (JCEKS 1, PKCS#12 1) so that thousands of loads with a
// password stay fast; real producers' files from testdata/ are added where
// loading them is cheap.
struct Fixture {
  std::string name;
  Bytes bytes;
  StoreType type;
  bool has_integrity;   // digest or MAC
  bool own_password;    // loads with kPassword cheaply (our own KDF settings)
};

// Every store to damage: own.jks, own.jceks, own_{modern,legacy,pbmac1,nomac}.p12,
// then jks/chain.jks, jks/mixed.jceks and four PKCS#12 files from testdata/.
const std::vector<Fixture>& fixtures();
// The one of fixtures() with this name.
const Fixture& fixture(std::string_view name);

// Loads `file` without a password and with kPassword: both must fail, with
// one of the `allowed` codes.
void expect_refused(ByteView file, const std::string& what, std::initializer_list<ErrorCode> allowed);

// DER by hand: a tag-length-value, and parts joined.
Bytes tlv(uint8_t tag, ByteView contents);
Bytes concat(std::initializer_list<ByteView> parts);

// The DER of the OID id-data (1.2.840.113549.1.7.1).
inline constexpr uint8_t kDataOid[] = {0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01};

// A PFX around `auth_safe` (the AuthenticatedSafe's DER or any bytes), with
// a MAC that verifies with kPassword at 1 iteration.
Bytes pfx_with_valid_mac(ByteView auth_safe);

// Recomputes a JKS/JCEKS file's trailing digest (with kPassword) so that the
// damage is judged by the parser.
void redigest(Bytes& file);

}  // namespace kstore::testing::robustness
