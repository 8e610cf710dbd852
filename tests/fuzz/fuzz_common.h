// Shared pieces of the libFuzzer targets: the limits a fuzz run loads with,
// the fixed passwords, and the checks that turn a wrong answer into a crash
// the fuzzer can see (abort) instead of a status nobody looks at.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "kstore/bytes.h"
#include "kstore/keystore.h"
#include "kstore/limits.h"
#include "kstore/password.h"
#include "kstore/status.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace kstore::fuzz {

// KDF iterations are capped far below the JDK's 5,000,000: a mutated
// iteration count must cost the fuzzer at most a couple of milliseconds, not
// seconds, or it spends its time in PBKDF2 instead of in the parsers. The
// seeds that tools/fuzz.sh makes use 1..100 iterations, so they pass the cap.
inline constexpr uint64_t kFuzzMaxKdfIterations = 2048;
Limits fuzz_limits();

// The store and key password of every seed tools/fuzz.sh makes
// (kstore_fuzz_seedgen re-saves each keystore it can open with it), and of
// testdata/jks, testdata/pkcs12 and testdata/fixtures.
inline constexpr std::string_view kFuzzPassword = "changeit";
const Password& fuzz_password();

// Prints `what` and the status, then aborts, so that libFuzzer records the input.
[[noreturn]] void fail(std::string_view what, const Status& status);
[[noreturn]] void fail(std::string_view what);

// A load may only fail for a reason that is the input's: kMalformed,
// kUnknownFormat, kIntegrityFailure, kBadPassword, kUnsupported or
// kLimitExceeded. Anything else (kInternal, kBackend, kInvalidArgument, …)
// is a bug in kstore and aborts.
void check_load_error(const Status& status, std::string_view what);
// Unsealing a key read from the input: the same classes.
void check_unseal_error(const Status& status, std::string_view what);

// The facts keystore.h promises about a loaded store: private and secret key
// entries hold a key, a trusted certificate entry exactly one certificate
// and no key, a secret key entry no certificate. Aborts otherwise.
void check_store_shape(const Keystore& store);

// load_keystore followed by the two checks above: an error must be of an
// input's class, a loaded store must have keystore.h's shape.
Result<Keystore> load_checked(ByteView file, const Password* password, const LoadOptions& options,
                              std::string_view what);

// A JKS/JCEKS file whose trailing 20-byte digest is replaced by the right one
// for fuzz_password(), so that mutations get past the digest into the entry
// parser. `file` must hold at least the digest.
Bytes with_recomputed_store_digest(ByteView file);

// How two loads of "the same" store may differ.
struct Tolerance {
  // Compare the aliases of entries the JDK sees as Java's
  // toLowerCase(Locale.ENGLISH) does: the PKCS#12 writer stores their key
  // aliases lower-cased, as the JDK does (src/pkcs12/pfx_writer.cc), while
  // the reader keeps an alias as the file spells it. Entries the JDK does
  // not see keep their alias exactly.
  bool alias_case = false;
  // A PKCS#12 chain that holds a self-issued certificate whose signature does
  // not verify may come back shorter (a prefix): the JDK's chain building,
  // which kstore follows (src/pkcs12/chain_builder.cc), takes the first
  // certificate in file order whose subject names the issuer, which can be
  // that certificate itself, and a save writes the bags in a new order. The
  // certificates the shorter chain lost then load as certificate-only
  // entries the JDK does not show (visible_to_jdk false); those are skipped.
  // For the same reason a chain may come back as long as it was with such a
  // self-issued certificate in the place of the one with the same subject
  // that the first load found, or the other way round.
  // Such a lost certificate may take the name of another invisible entry
  // with the same subject, which then gets a " (2)" suffix: an invisible
  // entry's alias is compared without that suffix.
  bool order_dependent_chains = false;
  // Entries matched by alias instead of by position: the PKCS#12 writer puts
  // all key bags before all certificate bags, as the JDK does, so a store
  // whose entries alternate comes back in another order.
  bool entry_order = false;
};
// Same aliases, entry types, certificate chains and key bytes, in the same
// order (unless tolerated). Aborts with `what` on the first difference.
void check_same_entries(const Keystore& a, const Keystore& b, std::string_view what, Tolerance tolerance = {});

// Whether `inner` lies within `outer` (both non-null or both empty).
bool within(ByteView outer, ByteView inner);

}  // namespace kstore::fuzz
