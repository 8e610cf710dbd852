// Fuzz target: PKCS#12 loading without a password (KeyStore.load(in, null)):
// the PFX, the MAC's structure (read, not verified), every plaintext
// SafeContents and SafeBag, the entry builder, and the probe that tries the
// empty password on encrypted SafeContents (KDF iterations capped, see
// fuzz_common.h). Checks: only input-caused error classes, and the shape
// keystore.h promises; the protection read back has printable names.
#include "fuzz_common.h"
#include "kstore/pkcs12.h"

using namespace kstore;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  LoadOptions options;
  options.type = StoreType::kPkcs12;
  options.limits = fuzz::fuzz_limits();
  Result<Keystore> store = fuzz::load_checked(ByteView(data, size), nullptr, options, "PKCS#12 load without password");
  if (!store.ok()) return 0;
  if (store->load_info().integrity_checked) fuzz::fail("integrity checked without a password");
  if (store->type() == StoreType::kPkcs12 && store->pkcs12_protection()) {
    const Pkcs12Protection& p = *store->pkcs12_protection();
    (void)pkcs12_cert_algorithm_name(p);
    (void)pkcs12_key_algorithm_name(p);
    (void)pkcs12_mac_algorithm_name(p);
    (void)pkcs12_seal_params(p);
  }
  return 0;
}
