// SHA-512/224 and SHA-512/256 for the Crypto++ backend. FIPS 180-4 §5.3.6.
//
// Crypto++ 8.7 has no SHA-512/t. Both are the SHA-512 compression function
// started from their own initial hash values and truncated, so they are built
// here from CryptoPP::SHA512::Transform; the IVs are FIPS 180-4 §5.3.6.1 and
// §5.3.6.2 (and re-derived with the §5.3.6 IV generation function when this
// file was written). Checked by the NIST "abc" examples in testdata/kat/hash.vec.
#pragma once

#include <cryptopp/iterhash.h>
#include <cryptopp/secblock.h>
#include <cryptopp/sha.h>

#include <cstring>
#include <string>

namespace kstore::crypto::cryptopp_detail {

inline constexpr CryptoPP::word64 kSha512_224Iv[8] = {
    0x8c3d37c819544da2, 0x73e1996689dcd4d6, 0x1dfab7ae32ff9c82, 0x679dd514582f9fcf,
    0x0f6d2b697bd44da8, 0x77e36f7304c48942, 0x3f9d85a86a1d36c8, 0x1112e6ad91d692a1,
};
inline constexpr CryptoPP::word64 kSha512_256Iv[8] = {
    0x22312194fc2bf72c, 0x9f555fa3c84c64c2, 0x2393b86b6f53b151, 0x963877195940eabd,
    0x96283ee2a88effe3, 0xbe5e1e2553863992, 0x2b0199fc2c85b8aa, 0x0eb72ddc81c52ca2,
};

// The full 64-byte SHA-512 computation started from `kIv`.
template <const CryptoPP::word64* kIv>
class Sha512FromIv final
    : public CryptoPP::IteratedHashWithStaticTransform<CryptoPP::word64, CryptoPP::BigEndian, 128, 64,
                                                       Sha512FromIv<kIv>, 64, true> {
 public:
  static void InitState(CryptoPP::word64* state) { std::memcpy(state, kIv, 8 * sizeof(CryptoPP::word64)); }
  static void Transform(CryptoPP::word64* digest, const CryptoPP::word64* data) {
    CryptoPP::SHA512::Transform(digest, data);
  }
  static std::string StaticAlgorithmName() { return "SHA-512 with a SHA-512/t IV"; }
};

// Truncation is done here rather than by giving IteratedHashWithStaticTransform
// a 28-byte digest size: its final byte swap works in whole 8-byte words and
// would leave the last 4 bytes of SHA-512/224 in the wrong order. Has the
// static members HMAC<> and PKCS5_PBKDF2_HMAC<> expect of a hash.
template <unsigned kDigestBytes, const CryptoPP::word64* kIv>
class Sha512t final : public CryptoPP::HashTransformation {
 public:
  static constexpr unsigned int DIGESTSIZE = kDigestBytes;
  static constexpr unsigned int BLOCKSIZE = 128;
  static std::string StaticAlgorithmName() { return kDigestBytes == 28 ? "SHA-512/224" : "SHA-512/256"; }

  std::string AlgorithmName() const override { return StaticAlgorithmName(); }
  unsigned int DigestSize() const override { return DIGESTSIZE; }
  unsigned int BlockSize() const override { return BLOCKSIZE; }
  void Update(const CryptoPP::byte* input, size_t length) override { full_.Update(input, length); }
  void Restart() override { full_.Restart(); }
  void TruncatedFinal(CryptoPP::byte* digest, size_t size) override {
    ThrowIfInvalidTruncatedSize(size);
    CryptoPP::FixedSizeSecBlock<CryptoPP::byte, 64> full;  // wiped on destruction
    full_.Final(full);                                     // also restarts
    std::memcpy(digest, full, size);
  }

 private:
  Sha512FromIv<kIv> full_;
};

using Sha512_224 = Sha512t<28, kSha512_224Iv>;
using Sha512_256 = Sha512t<32, kSha512_256Iv>;

}  // namespace kstore::crypto::cryptopp_detail
