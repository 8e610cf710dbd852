// The one narrow crypto interface. Backends (OpenSSL 3, Crypto++) provide
// primitives only; the formats' own schemes are built on top in src/pbe/.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <span>
#include <memory>

#include "kstore/bytes.h"
#include "kstore/crypto_backend.h"
#include "kstore/status.h"

namespace kstore::crypto {

enum class HashAlg : uint8_t { kMd5, kSha1, kSha224, kSha256, kSha384, kSha512, kSha512_224, kSha512_256 };
enum class CipherAlg : uint8_t {
  kDesCbc,      // 8-byte key, 8-byte IV
  kDesEde3Cbc,  // 24-byte key (K1 K2 K3), 8-byte IV
  kAes128Cbc,
  kAes192Cbc,
  kAes256Cbc,
  kRc2Cbc,      // variable key length, effective key bits given separately, 8-byte IV
  kRc4,         // stream cipher, no IV, no padding
};

size_t digest_size(HashAlg alg);
size_t block_size(HashAlg alg);  // the compression block: 64 or 128
const char* hash_name(HashAlg alg);
size_t cipher_key_size(CipherAlg alg);  // 0 for variable (RC2, RC4)
size_t cipher_iv_size(CipherAlg alg);   // 0 for RC4
size_t cipher_block_size(CipherAlg alg);  // 1 for RC4
const char* cipher_name(CipherAlg alg);

// Argument checks shared by every backend, so that a bad length fails with the
// same code and message whichever backend runs. Key and IV sizes, RC2 keys of
// 1..128 bytes with 1..1024 effective bits (RFC 2268 §2), RC4 keys of 1..256
// bytes: OpenSSL would silently clamp the RC2 values, Crypto++ would throw.
Status check_cipher_params(CipherAlg alg, ByteView key, ByteView iv, unsigned rc2_effective_bits);
// A CBC ciphertext must be a non-empty run of whole blocks. Failing that is
// kIntegrityFailure, like bad padding: the bytes are corrupt or the key is wrong.
Status check_ciphertext_length(CipherAlg alg, size_t len);

class Hasher {
 public:
  virtual ~Hasher() = default;
  virtual void update(ByteView data) = 0;
  // Writes digest_size() bytes and resets the hasher for reuse.
  virtual void finish(MutableByteView out) = 0;
  virtual std::unique_ptr<Hasher> clone() const = 0;
  virtual HashAlg alg() const = 0;
};

// One PBKDF2 computation of a batch: out.size() bytes are derived.
struct Pbkdf2Job {
  ByteView password;
  ByteView salt;
  MutableByteView out;
};

class Backend {
 public:
  virtual ~Backend() = default;
  virtual const char* name() const = 0;

  virtual std::unique_ptr<Hasher> new_hasher(HashAlg alg) const = 0;
  // The digest of the concatenated parts into out (digest_size(alg) bytes).
  // By default through a Hasher; a backend overrides it where one call can
  // skip the Hasher's set-up, as fingerprinting thousands of certificates
  // needs.
  virtual void digest(HashAlg alg, std::initializer_list<ByteView> parts, MutableByteView out) const {
    std::unique_ptr<Hasher> h = new_hasher(alg);
    for (ByteView p : parts) h->update(p);
    h->finish(out);
  }
  virtual SecretBytes hmac(HashAlg alg, ByteView key, ByteView data) const = 0;
  // PBKDF2 (RFC 8018 §5.2) with HMAC-`prf`.
  virtual Result<SecretBytes> pbkdf2(HashAlg prf, ByteView password, ByteView salt, uint64_t iterations,
                                     size_t out_len) const = 0;
  // PBKDF2 for several passwords and salts with one PRF and iteration count,
  // as sealing many keys needs. A backend that can overlap the jobs on one
  // core overrides this (OpenSSL runs two at a time); by default they run
  // one after another through pbkdf2(). Fails as pbkdf2() would, writing
  // nothing once a job fails.
  virtual Status pbkdf2_many(HashAlg prf, uint64_t iterations, std::span<const Pbkdf2Job> jobs) const;
  // CBC ciphers use PKCS#5/7 padding; a padding failure on decryption is
  // kIntegrityFailure (the caller knows whether that means a wrong password).
  // rc2_effective_bits is read only for kRc2Cbc.
  virtual Result<Bytes> encrypt(CipherAlg alg, ByteView key, ByteView iv, ByteView plaintext,
                                unsigned rc2_effective_bits = 0) const = 0;
  virtual Result<SecretBytes> decrypt(CipherAlg alg, ByteView key, ByteView iv, ByteView ciphertext,
                                      unsigned rc2_effective_bits = 0) const = 0;
  virtual Status random(MutableByteView out) const = 0;

  // x <- H(x || suffix), `count` times, where x is one digest: the inner loop
  // of the PKCS#12 KDF, PBKDF1 and the JCE PBE. A backend that can run it
  // over the bare compression function (one per iteration) does so and
  // returns true; false leaves x untouched for the caller's Hasher loop.
  virtual bool iterate_digest(HashAlg /*alg*/, MutableByteView /*x*/, ByteView /*suffix*/,
                              uint64_t /*count*/) const {
    return false;
  }
};

// The backend chosen at build time (KSTORE_DEFAULT_BACKEND). With OpenSSL
// chosen and Crypto++ built in, the mixed backend below.
const Backend& default_backend();
// The backend a caller chose (kstore/crypto_backend.h); kUnsupported when it
// is not built in.
Result<const Backend*> backend_for(CryptoBackend choice);
const Backend& openssl_backend();
// nullptr when kstore was built without Crypto++.
const Backend* cryptopp_backend();
// OpenSSL, with the ciphers of OpenSSL 3's legacy provider (RC2, single DES,
// RC4) on Crypto++ (mixed_backend.cc); nullptr without Crypto++.
const Backend* mixed_backend();

// One-shot digest through the default backend (certificate fingerprints).
Bytes digest(HashAlg alg, ByteView data);
Bytes digest(const Backend& backend, HashAlg alg, std::initializer_list<ByteView> parts);

}  // namespace kstore::crypto
