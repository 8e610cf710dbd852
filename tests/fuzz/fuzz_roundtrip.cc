// Fuzz target: load with the fixed password, save, load again. Whatever
// kstore accepts with its password it must be able to write back, and the
// reloaded store must have the same aliases, entry types, certificate chains
// and sealed key bytes, in the same order (for PKCS#12: entries matched by
// alias ignoring case, and chains that depend on bag order tolerated; see
// fuzz_common.h Tolerance). JKS and JCEKS writing is
// deterministic, so a second save must also give the same bytes as the
// first. Failures abort. Before saving, PKCS#12 iteration counts are lowered
// to at most kRoundtripIterations, since the writer derives keys for the
// certificates and the MAC (loading is capped through Limits as everywhere).
#include <algorithm>

#include "fuzz_common.h"

using namespace kstore;

namespace {

constexpr uint64_t kRoundtripIterations = 16;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  LoadOptions load_options;
  load_options.limits = fuzz::fuzz_limits();
  Result<Keystore> first = load_keystore(ByteView(data, size), &fuzz::fuzz_password(), load_options);
  fuzz::check_load_error(first.status(), "first load");
  if (!first.ok()) return 0;
  fuzz::check_store_shape(*first);

  Keystore store = std::move(first).value();
  if (store.pkcs12_protection()) {
    Pkcs12Protection& p = *store.pkcs12_protection();
    p.cert_iterations = std::min(p.cert_iterations, kRoundtripIterations);
    p.key_iterations = std::min(p.key_iterations, kRoundtripIterations);
    p.mac_iterations = std::min(p.mac_iterations, kRoundtripIterations);
  }
  SaveOptions save_options;
  save_options.limits = fuzz::fuzz_limits();
  Result<Bytes> saved = save_keystore(store, fuzz::fuzz_password(), save_options);
  if (!saved.ok()) fuzz::fail("a store that loaded cannot be saved", saved.status());

  load_options.type = store.type();
  Result<Keystore> second = load_keystore(*saved, &fuzz::fuzz_password(), load_options);
  if (!second.ok()) fuzz::fail("a saved store does not load", second.status());
  if (second->type() != store.type()) fuzz::fail("store type changed in the round trip");
  fuzz::Tolerance tolerance;
  tolerance.alias_case = tolerance.order_dependent_chains = tolerance.entry_order = store.type() == StoreType::kPkcs12;
  fuzz::check_same_entries(store, *second, "load/save/load", tolerance);

  if (store.type() != StoreType::kPkcs12) {
    Result<Bytes> resaved = save_keystore(*second, fuzz::fuzz_password(), save_options);
    if (!resaved.ok()) fuzz::fail("a reloaded store cannot be saved", resaved.status());
    if (*resaved != *saved) fuzz::fail("JKS/JCEKS save is not stable across a load");
  }
  return 0;
}
