// Crypto++ backend: a second, independent implementation of the narrow
// crypto interface, so the formats can be cross-checked against OpenSSL.
// Crypto++ exceptions become Status values in cryptopp_detail::guarded().
#include <cryptopp/hmac.h>
#include <cryptopp/osrng.h>
#include <cryptopp/pwdbased.h>

#include <climits>
#include <memory>

#include "crypto/cryptopp_detail.h"

namespace kstore::crypto {
namespace {

using cryptopp_detail::guarded;
using cryptopp_detail::or_abort;
using cryptopp_detail::visit_hash;

// Crypto++ reads the key pointer even for a zero length; never hand it null.
const uint8_t* nonnull(ByteView b) {
  static const uint8_t kEmpty = 0;
  return b.empty() ? &kEmpty : b.data();
}

template <typename H>
class CryptoppHasher final : public Hasher {
 public:
  explicit CryptoppHasher(HashAlg alg) : alg_(alg) {}
  void update(ByteView data) override { hash_.Update(nonnull(data), data.size()); }
  // TruncatedFinal also restarts the hash, as the interface asks.
  void finish(MutableByteView out) override { hash_.TruncatedFinal(out.data(), H::DIGESTSIZE); }
  std::unique_ptr<Hasher> clone() const override { return std::make_unique<CryptoppHasher>(*this); }
  HashAlg alg() const override { return alg_; }

 private:
  HashAlg alg_;
  H hash_;  // Crypto++ keeps the state in a SecBlock, wiped on destruction
};

class CryptoppBackend final : public Backend {
 public:
  const char* name() const override { return "cryptopp"; }

  std::unique_ptr<Hasher> new_hasher(HashAlg alg) const override {
    return or_abort([&] {
      return visit_hash(alg, [&]<typename H>() -> std::unique_ptr<Hasher> {
        return std::make_unique<CryptoppHasher<H>>(alg);
      });
    });
  }

  SecretBytes hmac(HashAlg alg, ByteView key, ByteView data) const override {
    return or_abort([&] {
      return visit_hash(alg, [&]<typename H>() {
        CryptoPP::HMAC<H> mac(nonnull(key), key.size());
        mac.Update(nonnull(data), data.size());
        SecretBytes out(H::DIGESTSIZE);
        mac.Final(out.data());
        return out;
      });
    });
  }

  Result<SecretBytes> pbkdf2(HashAlg prf, ByteView password, ByteView salt, uint64_t iterations,
                             size_t out_len) const override {
    // Same bound as the OpenSSL backend, whose PKCS5_PBKDF2_HMAC takes an int.
    if (iterations == 0 || iterations > INT32_MAX) return Status::InvalidArgument("PBKDF2 iteration count ", iterations);
    SecretBytes out(out_len);
    if (out_len == 0) return out;
    return guarded("PBKDF2", [&]() -> Result<SecretBytes> {
      visit_hash(prf, [&]<typename H>() {
        CryptoPP::PKCS5_PBKDF2_HMAC<H> kdf;
        kdf.DeriveKey(out.data(), out.size(), /*purpose=*/0, nonnull(password), password.size(), nonnull(salt),
                      salt.size(), static_cast<unsigned int>(iterations));
      });
      return std::move(out);
    });
  }

  Result<Bytes> encrypt(CipherAlg alg, ByteView key, ByteView iv, ByteView plaintext,
                        unsigned rc2_bits) const override {
    KS_TRY(check_cipher_params(alg, key, iv, rc2_bits));
    Bytes out(plaintext.size() + cipher_block_size(alg));
    KS_ASSIGN_OR_RETURN(size_t n, cryptopp_detail::run_cipher(alg, true, key, iv, plaintext, out, rc2_bits));
    out.resize(n);
    return out;
  }

  Result<SecretBytes> decrypt(CipherAlg alg, ByteView key, ByteView iv, ByteView ciphertext,
                              unsigned rc2_bits) const override {
    KS_TRY(check_cipher_params(alg, key, iv, rc2_bits));
    KS_TRY(check_ciphertext_length(alg, ciphertext.size()));
    SecretBytes out(ciphertext.size());
    KS_ASSIGN_OR_RETURN(size_t n,
                        cryptopp_detail::run_cipher(alg, false, key, iv, ciphertext, out.mutable_view(), rc2_bits));
    out.truncate(n);
    return out;
  }

  Status random(MutableByteView out) const override {
    return guarded("random", [&] {
      // A fresh pool per call: AutoSeededRandomPool is not thread-safe, and
      // seeding from the OS costs little next to the KDFs that follow.
      CryptoPP::AutoSeededRandomPool pool;
      if (!out.empty()) pool.GenerateBlock(out.data(), out.size());
      return Status::Ok();
    });
  }
};

}  // namespace

const Backend* cryptopp_backend() {
  static const CryptoppBackend backend;
  return &backend;
}

}  // namespace kstore::crypto
