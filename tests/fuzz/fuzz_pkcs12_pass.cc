// Fuzz target: PKCS#12 loading with the fixed password: MAC verification
// (classic PKCS#12 KDF and PBMAC1), decryption of encrypted SafeContents,
// then the same parsers as without a password, and unsealing of every key
// with the same password. An input whose MAC does not verify is loaded a
// second time with its MAC value recomputed (pkcs12_remac.h), so that
// mutations under the MAC reach the parsers. KDF iterations are capped at
// fuzz_common.h's kFuzzMaxKdfIterations through Limits, for loading and
// unsealing alike, so a mutated iteration count cannot stall the fuzzer.
// Checks: only input-caused error classes; the shape keystore.h promises; a
// store that loads with its password also loads without one.
#include "fuzz_common.h"
#include "kstore/pkcs12.h"
#include "kstore/sealing.h"
#include "pkcs12_remac.h"

using namespace kstore;

namespace {

void check_loaded(ByteView file, const Keystore& store, const LoadOptions& options) {
  fuzz::check_store_shape(store);
  for (const Entry& e : store.entries()) {
    if (!e.key) continue;
    if (e.type == EntryType::kSecretKey) {
      Result<SecretKeyMaterial> key = unseal_secret_key(*e.key, fuzz::fuzz_password(), options.limits);
      fuzz::check_unseal_error(key.status(), "PKCS#12 unseal_secret_key");
    } else {
      Result<SecretBytes> key = unseal_private_key(*e.key, fuzz::fuzz_password(), options.limits);
      fuzz::check_unseal_error(key.status(), "PKCS#12 unseal_private_key");
    }
  }
  if (store.type() != StoreType::kPkcs12) return;
  Result<Keystore> without = load_keystore(file, nullptr, options);
  if (!without.ok()) fuzz::fail("PKCS#12 loads with its password but not without one", without.status());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const ByteView in(data, size);
  LoadOptions options;
  options.type = StoreType::kPkcs12;
  options.limits = fuzz::fuzz_limits();
  Result<Keystore> store = load_keystore(in, &fuzz::fuzz_password(), options);
  fuzz::check_load_error(store.status(), "PKCS#12 load with password");
  if (store.ok()) {
    check_loaded(in, *store, options);
    return 0;
  }
  if (store.status().code() != ErrorCode::kIntegrityFailure) return 0;
  Bytes fixed(in.begin(), in.end());
  if (!fuzz::recompute_pkcs12_mac(fixed, fuzz::fuzz_password(), options.limits)) return 0;
  Result<Keystore> again = load_keystore(fixed, &fuzz::fuzz_password(), options);
  fuzz::check_load_error(again.status(), "PKCS#12 load with a recomputed MAC");
  if (again.ok()) check_loaded(fixed, *again, options);
  return 0;
}
