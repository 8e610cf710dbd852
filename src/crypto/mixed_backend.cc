// The default backend of a build with both backends and OpenSSL chosen:
// OpenSSL for everything but the three ciphers OpenSSL 3 keeps in its legacy
// provider (RC2, single DES, RC4), which Crypto++ runs. Those appear in
// legacy PKCS#12 files only (RC2-40 certificate safes above all). Loading the
// provider, a shared module that brings a second libcrypto.so with it, cost
// 2.5 ms of a 4 ms `kstool -list` of such a file, and Crypto++'s RC2 is 1.5x
// OpenSSL's (bench/RESULTS.md). Every primitive is still cross-checked
// between the two pure backends.
#include "crypto/crypto.h"

namespace kstore::crypto {
namespace {

bool in_openssl_legacy_provider(CipherAlg alg) {
  return alg == CipherAlg::kRc2Cbc || alg == CipherAlg::kDesCbc || alg == CipherAlg::kRc4;
}

class MixedBackend final : public Backend {
 public:
  MixedBackend(const Backend& openssl, const Backend& cryptopp) : openssl_(openssl), cryptopp_(cryptopp) {}

  const char* name() const override { return "openssl+cryptopp"; }
  std::unique_ptr<Hasher> new_hasher(HashAlg alg) const override { return openssl_.new_hasher(alg); }
  void digest(HashAlg alg, std::initializer_list<ByteView> parts, MutableByteView out) const override {
    openssl_.digest(alg, parts, out);
  }
  SecretBytes hmac(HashAlg alg, ByteView key, ByteView data) const override { return openssl_.hmac(alg, key, data); }
  Result<SecretBytes> pbkdf2(HashAlg prf, ByteView password, ByteView salt, uint64_t iterations,
                             size_t out_len) const override {
    return openssl_.pbkdf2(prf, password, salt, iterations, out_len);
  }
  Status pbkdf2_many(HashAlg prf, uint64_t iterations, std::span<const Pbkdf2Job> jobs) const override {
    return openssl_.pbkdf2_many(prf, iterations, jobs);
  }
  Result<Bytes> encrypt(CipherAlg alg, ByteView key, ByteView iv, ByteView plaintext,
                        unsigned rc2_effective_bits) const override {
    return cipher_backend(alg).encrypt(alg, key, iv, plaintext, rc2_effective_bits);
  }
  Result<SecretBytes> decrypt(CipherAlg alg, ByteView key, ByteView iv, ByteView ciphertext,
                              unsigned rc2_effective_bits) const override {
    return cipher_backend(alg).decrypt(alg, key, iv, ciphertext, rc2_effective_bits);
  }
  Status random(MutableByteView out) const override { return openssl_.random(out); }
  bool iterate_digest(HashAlg alg, MutableByteView x, ByteView suffix, uint64_t count) const override {
    return openssl_.iterate_digest(alg, x, suffix, count);
  }

 private:
  const Backend& cipher_backend(CipherAlg alg) const {
    return in_openssl_legacy_provider(alg) ? cryptopp_ : openssl_;
  }

  const Backend& openssl_;
  const Backend& cryptopp_;
};

}  // namespace

const Backend* mixed_backend() {
  if (cryptopp_backend() == nullptr) return nullptr;
  static const MixedBackend mixed(openssl_backend(), *cryptopp_backend());
  return &mixed;
}

}  // namespace kstore::crypto
