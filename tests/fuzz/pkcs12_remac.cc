// PFX MAC recomputation for the fuzz targets. RFC 7292 §4 and B.4, RFC 9579.
#include "pkcs12_remac.h"

#include <cstring>

#include "crypto/crypto.h"
#include "der/reader.h"
#include "pbe/password_candidates.h"
#include "pbe/pkcs12_kdf.h"
#include "pkcs12/mac.h"

namespace kstore::fuzz {

bool recompute_pkcs12_mac(Bytes& pfx_bytes, const Password& password, const Limits& limits) {
  der::Reader top(pfx_bytes, der::Mode::kBer);
  auto pfx = top.read_sequence();
  if (!pfx.ok() || !pfx->read_element(der::kInteger).ok()) return false;
  auto content_info = pfx->read_element(der::kSequence);
  if (!content_info.ok()) return false;
  der::Reader ci(content_info->contents, der::Mode::kBer);
  if (!ci.read_oid().ok()) return false;
  auto content = ci.read_explicit(0);
  if (!content.ok()) return false;
  Bytes storage;
  auto auth_safe = content->read_octet_string(&storage);
  if (!auth_safe.ok() || pfx->empty()) return false;

  der::Reader mac_reader = *pfx;
  auto mac = pkcs12::read_mac_data(mac_reader);
  if (!mac.ok() || mac->iterations == 0 || mac->iterations > limits.max_kdf_iterations) return false;
  // Where the MAC value sits: MacData { DigestInfo { AlgorithmIdentifier, OCTET STRING }, … }.
  auto mac_data = pfx->read_sequence();
  if (!mac_data.ok()) return false;
  auto digest_info = mac_data->read_sequence();
  if (!digest_info.ok() || !digest_info->read_element().ok()) return false;
  auto value = digest_info->read_element(der::kOctetString);
  if (!value.ok()) return false;

  const crypto::Backend& backend = crypto::default_backend();
  auto pw = pbe::password_for_writing(mac->pbmac1 ? pbe::PasswordUse::kPbmac1 : pbe::PasswordUse::kPkcs12Mac, password);
  if (!pw.ok()) return false;
  Result<SecretBytes> key = mac->pbmac1
                                ? backend.pbkdf2(mac->prf, *pw, mac->salt, mac->iterations, mac->key_length)
                                : pbe::pkcs12_kdf(backend, mac->hash, *pw, mac->salt, mac->iterations,
                                                  pbe::Pkcs12KeyPurpose::kMacKey, crypto::digest_size(mac->hash));
  if (!key.ok()) return false;
  const SecretBytes computed = backend.hmac(mac->hash, *key, *auth_safe);
  if (computed.size() != value->contents.size()) return false;
  const size_t offset = static_cast<size_t>(value->contents.data() - pfx_bytes.data());
  std::memcpy(pfx_bytes.data() + offset, computed.data(), computed.size());
  return true;
}

}  // namespace kstore::fuzz
