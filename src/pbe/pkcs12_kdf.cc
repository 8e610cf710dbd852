// The PKCS#12 key derivation function. RFC 7292 Appendix B.2.
#include "pbe/pkcs12_kdf.h"

#include <algorithm>

namespace kstore::pbe {
namespace {

// Fills `out` with copies of `in`, the last one truncated (B.2 steps 2, 3 and 6.B).
void repeat_into(ByteView in, MutableByteView out) {
  for (size_t i = 0; i < out.size(); ++i) out[i] = in[i % in.size()];
}

size_t round_up(size_t len, size_t v) { return v * ((len + v - 1) / v); }

// I_j = (I_j + B + 1) mod 2^(8v), all big-endian v-byte integers (B.2 step 6.C).
void add_block_plus_one(MutableByteView block, ByteView b) {
  unsigned carry = 1;
  for (size_t k = block.size(); k-- > 0;) {
    carry += block[k] + b[k];
    block[k] = static_cast<uint8_t>(carry);
    carry >>= 8;
  }
}

}  // namespace

Result<SecretBytes> pkcs12_kdf(const crypto::Backend& backend, crypto::HashAlg hash, ByteView password,
                               ByteView salt, uint64_t iterations, Pkcs12KeyPurpose purpose, size_t out_len) {
  if (iterations == 0) return Status::InvalidArgument("PKCS#12 KDF iteration count 0");
  const size_t u = crypto::digest_size(hash);
  const size_t v = crypto::block_size(hash);

  // D: v copies of the ID byte (step 1). I = S || P (steps 2-4); an empty
  // salt or password contributes nothing, not a block of zeros.
  const Bytes diversifier(v, static_cast<uint8_t>(purpose));
  const size_t s_len = round_up(salt.size(), v);
  const size_t p_len = round_up(password.size(), v);
  SecretBytes input(s_len + p_len);
  if (!salt.empty()) repeat_into(salt, input.mutable_view().first(s_len));
  if (!password.empty()) repeat_into(password, input.mutable_view().subspan(s_len));

  std::unique_ptr<crypto::Hasher> hasher = backend.new_hasher(hash);
  SecretBytes out(out_len);
  SecretBytes a(u);
  SecretBytes b(v);
  for (size_t done = 0; done < out_len;) {
    // A_i = H^r(D || I) (step 6.A).
    hasher->update(diversifier);
    hasher->update(input);
    hasher->finish(a.mutable_view());
    if (!backend.iterate_digest(hash, a.mutable_view(), {}, iterations - 1)) {
      for (uint64_t r = 1; r < iterations; ++r) {
        hasher->update(a);
        hasher->finish(a.mutable_view());
      }
    }
    const size_t take = std::min(u, out_len - done);
    std::copy_n(a.data(), take, out.data() + done);
    done += take;
    if (done == out_len) break;

    // Steps 6.B and 6.C, only needed when another A block follows.
    repeat_into(a, b.mutable_view());
    for (size_t j = 0; j < input.size(); j += v) add_block_plus_one(input.mutable_view().subspan(j, v), b);
  }
  return out;
}

}  // namespace kstore::pbe
