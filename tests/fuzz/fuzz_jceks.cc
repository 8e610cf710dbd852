// Fuzz target: JCEKS loading (com.sun.crypto.provider.JceKeyStore) and the
// sealed-object path of its secret keys. The input is loaded as JCEKS
// without a password, with the fixed password, and with the fixed password
// after its trailing 20 bytes were replaced by the correct store digest (so
// that mutations reach the entry parser). Then every key of the store is
// unsealed with the fixed password: secret keys through the
// SealedObjectForKeyProtector / PBEWithMD5AndTripleDES / SecretKeySpec|KeyRep
// path, private keys through the JCE PBE or the JKS key protector. KDF
// iterations are capped (fuzz_common.h) so that the unsealing stays cheap.

#include "fuzz_common.h"
#include "jks/jks_format.h"
#include "kstore/sealing.h"

using namespace kstore;

namespace {

void unseal_all(const Keystore& store) {
  const Limits limits = fuzz::fuzz_limits();
  for (const Entry& e : store.entries()) {
    if (!e.key) continue;
    if (e.type == EntryType::kSecretKey) {
      Result<SecretKeyMaterial> key = unseal_secret_key(*e.key, fuzz::fuzz_password(), limits);
      fuzz::check_unseal_error(key.status(), "JCEKS unseal_secret_key");
    } else {
      Result<SecretBytes> key = unseal_private_key(*e.key, fuzz::fuzz_password(), limits);
      fuzz::check_unseal_error(key.status(), "JCEKS unseal_private_key");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const ByteView in(data, size);
  LoadOptions options;
  options.type = StoreType::kJceks;
  options.limits = fuzz::fuzz_limits();

  Result<Keystore> without = fuzz::load_checked(in, nullptr, options, "JCEKS load without password");
  Result<Keystore> with = fuzz::load_checked(in, &fuzz::fuzz_password(), options, "JCEKS load with password");
  if (with.ok()) {
    if (without.ok() && with->type() != StoreType::kPkcs12)
      fuzz::check_same_entries(*with, *without, "JCEKS load with vs without password");
  }

  const Keystore* to_unseal = with.ok() ? &*with : without.ok() ? &*without : nullptr;
  Result<Keystore> fixed_load = Status::NotFound("not tried");
  if (size >= jks::kHeaderSize + jks::kDigestSize) {
    const Bytes fixed = fuzz::with_recomputed_store_digest(in);
    fixed_load = fuzz::load_checked(fixed, &fuzz::fuzz_password(), options, "JCEKS load with a recomputed digest");
    if (fixed_load.ok() && fixed_load->type() != StoreType::kPkcs12) {
      Result<Keystore> fixed_without = load_keystore(fixed, nullptr, options);
      if (!fixed_without.ok()) fuzz::fail("JCEKS loads with its password but not without one", fixed_without.status());
      fuzz::check_same_entries(*fixed_load, *fixed_without, "JCEKS (recomputed digest) with vs without password");
      if (!to_unseal) to_unseal = &*fixed_load;
    }
  }
  if (to_unseal) unseal_all(*to_unseal);
  return 0;
}
