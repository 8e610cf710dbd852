// JKS private-key protector. sun.security.provider.KeyProtector (protect/recover);
// docs/formats.md, "JKS: the key protector".
#include "pbe/jks_key_protector.h"

#include <algorithm>
#include <utility>

namespace kstore::pbe {
namespace {

constexpr size_t kSha1Size = 20;

// XORs `data` in place with the keystream seeded by `salt`.
void apply_keystream(const crypto::Backend& backend, ByteView password, ByteView salt, MutableByteView data) {
  // One-call digests: for a 2048-bit RSA key that is some 60 SHA-1s, and a
  // Hasher's reset between them cost more than the hashing.
  SecretBytes block(salt);
  SecretBytes next(kSha1Size);
  for (size_t done = 0; done < data.size(); done += kSha1Size) {
    backend.digest(crypto::HashAlg::kSha1, {password, block}, next.mutable_view());
    std::swap(block, next);
    const size_t n = std::min(kSha1Size, data.size() - done);
    for (size_t i = 0; i < n; ++i) data[done + i] ^= block[i];
  }
}

Bytes check_digest(const crypto::Backend& backend, ByteView password, ByteView plain_key) {
  return crypto::digest(backend, crypto::HashAlg::kSha1, {password, plain_key});
}

}  // namespace

Result<SecretBytes> jks_recover_key(const crypto::Backend& backend, ByteView password_utf16be,
                                    ByteView protected_key) {
  if (protected_key.size() < kJksSaltSize + kJksCheckSize)
    return Status::Malformed("JKS protected key of ", protected_key.size(), " bytes is shorter than its salt and check (",
                             kJksSaltSize + kJksCheckSize, ")");
  const ByteView salt = protected_key.first(kJksSaltSize);
  const ByteView stored_check = protected_key.last(kJksCheckSize);
  SecretBytes plain(protected_key.subspan(kJksSaltSize, protected_key.size() - kJksSaltSize - kJksCheckSize));
  apply_keystream(backend, password_utf16be, salt, plain.mutable_view());
  if (!constant_time_equal(check_digest(backend, password_utf16be, plain), stored_check))
    return Status::BadPassword("Cannot recover key");
  return plain;
}

Result<Bytes> jks_protect_key(const crypto::Backend& backend, ByteView password_utf16be, ByteView plain_key,
                              ByteView salt) {
  if (salt.size() != kJksSaltSize) return Status::InvalidArgument("JKS key protector salt must be 20 bytes");
  Bytes out;
  out.reserve(kJksSaltSize + plain_key.size() + kJksCheckSize);
  out.insert(out.end(), salt.begin(), salt.end());
  // The XOR happens in a wiped buffer: until the keystream is applied it is the key in clear.
  SecretBytes masked(plain_key);
  apply_keystream(backend, password_utf16be, salt, masked.mutable_view());
  out.insert(out.end(), masked.view().begin(), masked.view().end());
  const Bytes check = check_digest(backend, password_utf16be, plain_key);
  out.insert(out.end(), check.begin(), check.end());
  return out;
}

}  // namespace kstore::pbe
