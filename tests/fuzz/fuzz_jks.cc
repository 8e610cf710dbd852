// Fuzz target: JKS loading (sun.security.provider.JavaKeyStore), without a
// password (no digest read, as KeyStore.load(in, null)) and with one. With a
// password, the input is also loaded once more with its trailing 20 bytes
// replaced by the correct store digest, so that mutated bodies get past the
// integrity check into the entry parser instead of all ending there.
// Checks: only input-caused error classes; the shape keystore.h promises;
// loads of the same bytes with and without the password agree.

#include "fuzz_common.h"
#include "jks/jks_format.h"

using namespace kstore;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const ByteView in(data, size);
  LoadOptions options;
  options.type = StoreType::kJks;
  options.limits = fuzz::fuzz_limits();

  Result<Keystore> without = fuzz::load_checked(in, nullptr, options, "JKS load without password");
  Result<Keystore> with = fuzz::load_checked(in, &fuzz::fuzz_password(), options, "JKS load with password");
  if (with.ok()) {
    if (!with->load_info().integrity_checked) fuzz::fail("JKS load with password did not check the digest");
    if (without.ok() && with->type() == StoreType::kJks)
      fuzz::check_same_entries(*with, *without, "JKS load with vs without password");
  }

  // The same bytes with a correct digest in the last 20 bytes.
  if (size < jks::kHeaderSize + jks::kDigestSize) return 0;
  const Bytes fixed = fuzz::with_recomputed_store_digest(in);
  Result<Keystore> fixed_load =
      fuzz::load_checked(fixed, &fuzz::fuzz_password(), options, "JKS load with a recomputed digest");
  if (fixed_load.ok() && fixed_load->type() == StoreType::kJks) {
    Result<Keystore> fixed_without = load_keystore(fixed, nullptr, options);
    if (!fixed_without.ok()) fuzz::fail("JKS loads with its password but not without one", fixed_without.status());
    fuzz::check_same_entries(*fixed_load, *fixed_without, "JKS (recomputed digest) with vs without password");
  }
  return 0;
}
