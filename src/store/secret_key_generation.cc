// Making a secret key as the JDK's KeyGenerators make it, from OpenSSL's
// random generator (DESKeyGenerator, DESedeKeyGenerator, DESKeySpec.isWeak;
// docs/secret-keys.md, "Secret keys the JDK generates").
#include <algorithm>
#include <array>
#include <bit>

#include "crypto/crypto.h"
#include "kstore/secret_keys.h"

namespace kstore {
namespace {

using DesBlock = std::array<uint8_t, 8>;

// DESKeySpec.WEAK_KEYS: the 4 weak and 12 semi-weak keys, parity-adjusted.
constexpr DesBlock kWeakDesKeys[] = {
    {0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01}, {0xFE, 0xFE, 0xFE, 0xFE, 0xFE, 0xFE, 0xFE, 0xFE},
    {0x1F, 0x1F, 0x1F, 0x1F, 0x0E, 0x0E, 0x0E, 0x0E}, {0xE0, 0xE0, 0xE0, 0xE0, 0xF1, 0xF1, 0xF1, 0xF1},
    {0x01, 0xFE, 0x01, 0xFE, 0x01, 0xFE, 0x01, 0xFE}, {0x1F, 0xE0, 0x1F, 0xE0, 0x0E, 0xF1, 0x0E, 0xF1},
    {0x01, 0xE0, 0x01, 0xE0, 0x01, 0xF1, 0x01, 0xF1}, {0x1F, 0xFE, 0x1F, 0xFE, 0x0E, 0xFE, 0x0E, 0xFE},
    {0x01, 0x1F, 0x01, 0x1F, 0x01, 0x0E, 0x01, 0x0E}, {0xE0, 0xFE, 0xE0, 0xFE, 0xF1, 0xFE, 0xF1, 0xFE},
    {0xFE, 0x01, 0xFE, 0x01, 0xFE, 0x01, 0xFE, 0x01}, {0xE0, 0x1F, 0xE0, 0x1F, 0xF1, 0x0E, 0xF1, 0x0E},
    {0xE0, 0x01, 0xE0, 0x01, 0xF1, 0x01, 0xF1, 0x01}, {0xFE, 0x1F, 0xFE, 0x1F, 0xFE, 0x0E, 0xFE, 0x0E},
    {0x1F, 0x01, 0x1F, 0x01, 0x0E, 0x01, 0x0E, 0x01}, {0xFE, 0xE0, 0xFE, 0xE0, 0xFE, 0xF1, 0xFE, 0xF1},
};

// DESKeyGenerator.setParityBit: the low bit of each byte makes its bit count odd.
void set_odd_parity(uint8_t* key8) {
  for (size_t i = 0; i < 8; ++i) {
    const unsigned high = key8[i] & 0xfe;
    key8[i] = static_cast<uint8_t>(high | ((std::popcount(high) & 1) ^ 1));
  }
}

bool is_weak_des_key(const uint8_t* key8) {
  return std::any_of(std::begin(kWeakDesKeys), std::end(kWeakDesKeys),
                     [&](const DesBlock& weak) { return std::equal(weak.begin(), weak.end(), key8); });
}

Status fill_random(const crypto::Backend& backend, SecretBytes& key) { return backend.random(key.mutable_view()); }

// A DES key: random bytes, parity set, drawn again while weak.
Status make_des_key(const crypto::Backend& backend, SecretBytes& key) {
  do {
    KS_TRY(fill_random(backend, key));
    set_odd_parity(key.data());
  } while (is_weak_des_key(key.data()));
  return Status::Ok();
}

// DESede: three parity-adjusted parts (168 bits), or two with the first
// repeated as the third (112). The JDK checks none of the parts for weakness.
Status make_desede_key(const crypto::Backend& backend, SecretBytes& key, int32_t bits) {
  KS_TRY(fill_random(backend, key));
  for (size_t part = 0; part < 3; ++part) set_odd_parity(key.data() + 8 * part);
  if (bits == 112) std::copy(key.data(), key.data() + 8, key.data() + 16);
  return Status::Ok();
}

}  // namespace

Result<SecretKeyMaterial> generate_secret_key(const SecretKeyGenerator& generator, int32_t bits,
                                              CryptoBackend crypto) {
  if (std::optional<JdkRefusal> refused = check_secret_key_size(generator, bits))
    return Status::InvalidArgument(generator.algorithm, " key of ", bits, " bits: ", refused->message);
  KS_ASSIGN_OR_RETURN(const crypto::Backend* backend, crypto::backend_for(crypto));
  SecretKeyMaterial out;
  out.algorithm = generator.algorithm;
  out.key = SecretBytes(secret_key_length(generator, bits));
  switch (generator.family) {
    case SecretKeyFamily::kDes:
      KS_TRY(make_des_key(*backend, out.key));
      break;
    case SecretKeyFamily::kDesede:
      KS_TRY(make_desede_key(*backend, out.key, bits));
      break;
    default:
      KS_TRY(fill_random(*backend, out.key));
  }
  return out;
}

}  // namespace kstore
