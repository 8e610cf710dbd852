// keytool -storepasswd on a loaded store (kstore/password_change.h):
// Main.doChangeStorePasswd re-adds every PKCS#12 key entry with the new
// password (recoverEntry, then KeyStore.setEntry); docs/secret-keys.md,
// "Changing the store password".
#include "kstore/password_change.h"

#include <algorithm>
#include <string>
#include <vector>

#include "kstore/batch_sealing.h"
#include "kstore/jdk_view.h"

namespace kstore {
namespace {

bool resealed_by_keytool(const Entry& e) {
  return e.visible_to_jdk && e.key && e.key->protection == KeyProtection::kPkcs12Shrouded;
}

}  // namespace

Status change_store_password(Keystore& store, const Password& old_password, const Password& new_password,
                             const SealParams& params, int64_t now_ms, CryptoBackend crypto, unsigned workers) {
  if (store.type() != StoreType::kPkcs12) return Status::Ok();
  std::vector<ResealRequest> requests;
  std::vector<size_t> positions;
  for (size_t i = 0; i < store.entries().size(); ++i) {
    const Entry& e = store.entries()[i];
    if (!resealed_by_keytool(e)) continue;
    const EntryType type = holds_secret_key(e) ? EntryType::kSecretKey : EntryType::kPrivateKey;
    requests.push_back(ResealRequest{&*e.key, type, &old_password, StoreType::kPkcs12, &new_password, params});
    positions.push_back(i);
  }
  std::vector<Result<SealedKey>> sealed = reseal_keys(requests, BatchOptions{Limits{}, crypto, workers});
  for (size_t k = 0; k < sealed.size(); ++k) {
    if (!sealed[k].ok())
      return std::move(sealed[k]).status().with_context("<", store.entries()[positions[k]].alias, ">");
  }
  // All keys resealed: only now is the store changed.
  for (size_t k = 0; k < sealed.size(); ++k) {
    Entry e = store.entries()[positions[k]];
    e.key = std::move(sealed[k]).value();
    e.creation_time_ms = now_ms + static_cast<int64_t>(k);
    e.format_details.clear_local_key_id();  // the writer makes "Time <ms>" from the date, as the JDK does
    store.put(std::move(e));
  }
  return Status::Ok();
}

std::optional<JdkRefusal> jdk17_pkcs12_password_refusal(const Keystore& store, const Password& password,
                                                        bool adding_key) {
  if (store.type() != StoreType::kPkcs12) return std::nullopt;
  // PBEKey: the chars 0x20..0x7E, or the single char U+0000.
  bool takes = password.length() == 1 && password.char_at(0) == 0;
  if (!takes) {
    takes = true;
    for (size_t i = 0; i < password.length(); ++i)
      if (password.char_at(i) < 0x20 || password.char_at(i) > 0x7e) takes = false;
  }
  if (takes) return std::nullopt;
  const std::string cause = "getSecretKey failed: Password is not ASCII";
  const bool has_keys = std::any_of(store.entries().begin(), store.entries().end(), resealed_by_keytool);
  if (adding_key || has_keys)
    return JdkRefusal{JdkException::kKeyStore,
                      "Key protection algorithm not found: java.security.UnrecoverableKeyException: Encrypt Private "
                      "Key failed: " + cause};
  // PKCS12KeyStore encrypts the certificates whenever it counted a
  // certificate bag on load, including those it then shows in no entry
  // (case sp_nokeys_p12_nonascii_new): kstore keeps those as invisible entries.
  const std::optional<Pkcs12Protection>& p = store.pkcs12_protection();
  const bool has_certificates = std::any_of(store.entries().begin(), store.entries().end(),
                                            [](const Entry& e) { return !e.chain.empty(); });
  if (has_certificates && (!p || p->cert_encryption)) return JdkRefusal{JdkException::kIo, cause};
  if (!p || p->mac) return JdkRefusal{JdkException::kIo, "calculateMac failed: java.io.IOException: " + cause};
  return std::nullopt;
}

}  // namespace kstore
