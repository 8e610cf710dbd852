// Ciphers of the Crypto++ backend: CBC with PKCS#5 padding (RFC 8018 §6.1.1
// step 4) for DES, 3DES, AES and RC2, and the RC4 stream cipher.
#include <cryptopp/aes.h>
#include <cryptopp/algparam.h>
#include <cryptopp/des.h>
#include <cryptopp/filters.h>
#include <cryptopp/modes.h>
#include <cryptopp/rc2.h>

#include "crypto/cryptopp_detail.h"
// After cryptopp_detail.h, which enables CryptoPP::Weak.
#include <cryptopp/arc4.h>

namespace kstore::crypto::cryptopp_detail {
namespace {

// `mode` is a keyed CBC encryptor or decryptor. StreamTransformationFilter
// adds the padding on encryption and checks it on decryption, throwing
// InvalidCiphertext (translated by guarded()) when it is wrong.
size_t run_cbc(CryptoPP::StreamTransformation& mode, ByteView in, MutableByteView out) {
  auto* sink = new CryptoPP::ArraySink(out.data(), out.size());
  CryptoPP::StreamTransformationFilter filter(mode, sink, CryptoPP::BlockPaddingSchemeDef::PKCS_PADDING);
  filter.Put(in.data(), in.size());
  filter.MessageEnd();
  return static_cast<size_t>(sink->TotalPutLength());
}

template <typename BlockCipher>
size_t cbc(bool encrypt, ByteView key, ByteView iv, ByteView in, MutableByteView out, unsigned rc2_effective_bits) {
  CryptoPP::AlgorithmParameters params =
      CryptoPP::MakeParameters(CryptoPP::Name::IV(), CryptoPP::ConstByteArrayParameter(iv.data(), iv.size()), false);
  // Read by RC2 only (its key schedule, RFC 2268 §2); other ciphers ignore it.
  params(CryptoPP::Name::EffectiveKeyLength(), static_cast<int>(rc2_effective_bits), false);
  if (encrypt) {
    typename CryptoPP::CBC_Mode<BlockCipher>::Encryption mode;
    mode.SetKey(key.data(), key.size(), params);
    return run_cbc(mode, in, out);
  }
  typename CryptoPP::CBC_Mode<BlockCipher>::Decryption mode;
  mode.SetKey(key.data(), key.size(), params);
  return run_cbc(mode, in, out);
}

// RC4 is its own inverse; no IV, no padding.
size_t rc4(ByteView key, ByteView in, MutableByteView out) {
  CryptoPP::Weak::ARC4 cipher(key.data(), key.size());
  if (!in.empty()) cipher.ProcessData(out.data(), in.data(), in.size());
  return in.size();
}

}  // namespace

Result<size_t> run_cipher(CipherAlg alg, bool encrypt, ByteView key, ByteView iv, ByteView in, MutableByteView out,
                          unsigned rc2_effective_bits) {
  return guarded(cipher_name(alg), [&]() -> Result<size_t> {
    switch (alg) {
      case CipherAlg::kDesCbc: return cbc<CryptoPP::DES>(encrypt, key, iv, in, out, 0);
      case CipherAlg::kDesEde3Cbc: return cbc<CryptoPP::DES_EDE3>(encrypt, key, iv, in, out, 0);
      case CipherAlg::kAes128Cbc:
      case CipherAlg::kAes192Cbc:
      case CipherAlg::kAes256Cbc: return cbc<CryptoPP::AES>(encrypt, key, iv, in, out, 0);
      case CipherAlg::kRc2Cbc: return cbc<CryptoPP::RC2>(encrypt, key, iv, in, out, rc2_effective_bits);
      case CipherAlg::kRc4: return rc4(key, in, out);
    }
    return Status::Unsupported("cipher ", static_cast<int>(alg), " not available in Crypto++");
  });
}

}  // namespace kstore::crypto::cryptopp_detail
