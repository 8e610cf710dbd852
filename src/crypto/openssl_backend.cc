// OpenSSL 3 backend. Every return value is checked; failures are translated
// here, with ERR_clear_error(), into Status values.
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/provider.h>
#include <openssl/rand.h>

#include <memory>

#include "crypto/crypto.h"
#include "crypto/openssl_digests.h"
#include "crypto/openssl_kdf_loops.h"

namespace kstore::crypto {
namespace {

struct MdCtxFree {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
struct CipherCtxFree {
  void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;

Status openssl_error(const char* what) {
  // A host (kstool does) may have initialised OpenSSL without its error
  // strings; they are loaded here, once, when there is an error to word.
  OPENSSL_init_crypto(OPENSSL_INIT_LOAD_CRYPTO_STRINGS, nullptr);
  const unsigned long code = ERR_peek_last_error();
  char buf[256] = "unknown";
  if (code) ERR_error_string_n(code, buf, sizeof buf);
  ERR_clear_error();
  return Status::Backend("OpenSSL ", what, ": ", buf);
}

// The default provider is loaded explicitly, once: loading any provider
// explicitly disables the implicit default. RC2, single DES and RC4 live in
// OpenSSL 3's legacy provider, a shared module (ossl-modules/legacy.so) whose
// loading cost a quarter of kstool -list's start-up; it is loaded only when
// one of those ciphers is first asked for. The handles are unloaded at exit,
// as OSSL_PROVIDER_load(3) asks; otherwise LeakSanitizer reports the provider
// state. Each destructor is registered after OpenSSL's own atexit cleanup, so
// it runs first.
class Provider {
 public:
  explicit Provider(const char* name) : handle_(OSSL_PROVIDER_load(nullptr, name)) { ERR_clear_error(); }
  ~Provider() {
    if (handle_) OSSL_PROVIDER_unload(handle_);
  }
  Provider(const Provider&) = delete;
  Provider& operator=(const Provider&) = delete;

 private:
  OSSL_PROVIDER* handle_;
};

void load_default_provider() { static const Provider provider("default"); }

void load_legacy_provider() {
  load_default_provider();
  static const Provider provider("legacy");
}

// Digests fetched once. Given EVP_sha256() and the like, EVP_DigestInit_ex
// fetches the implementation again on every call (a lookup under a lock),
// which was a tenth of listing 10000 certificates. Freed at exit before the
// providers are unloaded (constructed after them, so destroyed first).
class FetchedDigests {
 public:
  FetchedDigests() {
    load_default_provider();
    static const char* const kNames[kCount] = {"MD5",      "SHA1",     "SHA2-224",     "SHA2-256",
                                               "SHA2-384", "SHA2-512", "SHA2-512/224", "SHA2-512/256"};
    for (size_t i = 0; i < kCount; ++i) md_[i] = EVP_MD_fetch(nullptr, kNames[i], nullptr);
    ERR_clear_error();
  }
  ~FetchedDigests() {
    for (EVP_MD* md : md_) EVP_MD_free(md);
  }
  FetchedDigests(const FetchedDigests&) = delete;
  FetchedDigests& operator=(const FetchedDigests&) = delete;

  // The fetched digest, or the built-in one if fetching failed.
  const EVP_MD* get(HashAlg alg) const {
    const EVP_MD* md = md_[static_cast<size_t>(alg)];
    return md ? md : openssl_builtin_md(alg);
  }

 private:
  static constexpr size_t kCount = 8;  // HashAlg values, in enum order
  EVP_MD* md_[kCount] = {};
};

const EVP_MD* md_for(HashAlg alg) {
  static const FetchedDigests digests;
  return digests.get(alg);
}

const EVP_CIPHER* cipher_for(CipherAlg alg, size_t key_len) {
  switch (alg) {
    case CipherAlg::kDesCbc:
    case CipherAlg::kRc2Cbc:
    case CipherAlg::kRc4: load_legacy_provider(); break;
    default: load_default_provider(); break;
  }
  switch (alg) {
    case CipherAlg::kDesCbc: return EVP_des_cbc();
    case CipherAlg::kDesEde3Cbc: return EVP_des_ede3_cbc();
    case CipherAlg::kAes128Cbc: return EVP_aes_128_cbc();
    case CipherAlg::kAes192Cbc: return EVP_aes_192_cbc();
    case CipherAlg::kAes256Cbc: return EVP_aes_256_cbc();
    case CipherAlg::kRc2Cbc: return EVP_rc2_cbc();
    case CipherAlg::kRc4: return key_len == 5 ? EVP_rc4_40() : EVP_rc4();
  }
  return nullptr;
}

class OpenSslHasher final : public Hasher {
 public:
  OpenSslHasher(HashAlg alg, MdCtx ctx) : alg_(alg), ctx_(std::move(ctx)) {}
  void update(ByteView data) override { EVP_DigestUpdate(ctx_.get(), data.data(), data.size()); }
  void finish(MutableByteView out) override {
    unsigned int len = 0;
    EVP_DigestFinal_ex(ctx_.get(), out.data(), &len);
    EVP_DigestInit_ex(ctx_.get(), md_for(alg_), nullptr);
  }
  std::unique_ptr<Hasher> clone() const override {
    MdCtx copy(EVP_MD_CTX_new());
    EVP_MD_CTX_copy_ex(copy.get(), ctx_.get());
    return std::make_unique<OpenSslHasher>(alg_, std::move(copy));
  }
  HashAlg alg() const override { return alg_; }

 private:
  HashAlg alg_;
  MdCtx ctx_;
};

class OpenSslBackend final : public Backend {
 public:
  const char* name() const override { return "openssl"; }

  std::unique_ptr<Hasher> new_hasher(HashAlg alg) const override {
    MdCtx ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestInit_ex(ctx.get(), md_for(alg), nullptr) != 1) std::abort();  // out of memory only
    return std::make_unique<OpenSslHasher>(alg, std::move(ctx));
  }

  void digest(HashAlg alg, std::initializer_list<ByteView> parts, MutableByteView out) const override {
    if (!openssl_one_shot_digest(alg, parts, out)) Backend::digest(alg, parts, out);
  }

  SecretBytes hmac(HashAlg alg, ByteView key, ByteView data) const override {
    SecretBytes out(digest_size(alg));
    unsigned int len = 0;
    static const uint8_t kEmpty = 0;
    if (!HMAC(md_for(alg), key.empty() ? &kEmpty : key.data(), static_cast<int>(key.size()), data.data(),
              data.size(), out.data(), &len)) {
      std::abort();  // only on allocation failure
    }
    return out;
  }

  Result<SecretBytes> pbkdf2(HashAlg prf, ByteView password, ByteView salt, uint64_t iterations,
                             size_t out_len) const override {
    if (iterations == 0 || iterations > INT32_MAX) return Status::InvalidArgument("PBKDF2 iteration count ", iterations);
    SecretBytes out(out_len);
    openssl_loops::pbkdf2_hmac(prf, password, salt, iterations, out.mutable_view());
    return out;
  }

  Status pbkdf2_many(HashAlg prf, uint64_t iterations, std::span<const Pbkdf2Job> jobs) const override {
    if (iterations == 0 || iterations > INT32_MAX) return Status::InvalidArgument("PBKDF2 iteration count ", iterations);
    openssl_loops::pbkdf2_hmac(prf, jobs, iterations);
    return Status::Ok();
  }

  bool iterate_digest(HashAlg alg, MutableByteView x, ByteView suffix, uint64_t count) const override {
    return openssl_loops::iterate_digest(alg, x, suffix, count);
  }

  Result<Bytes> encrypt(CipherAlg alg, ByteView key, ByteView iv, ByteView plaintext,
                        unsigned rc2_bits) const override {
    Bytes out(plaintext.size() + cipher_block_size(alg));
    KS_ASSIGN_OR_RETURN(size_t n, run(alg, true, key, iv, plaintext, out.data(), rc2_bits));
    out.resize(n);
    return out;
  }

  Result<SecretBytes> decrypt(CipherAlg alg, ByteView key, ByteView iv, ByteView ciphertext,
                              unsigned rc2_bits) const override {
    SecretBytes out(ciphertext.size() + cipher_block_size(alg));
    KS_ASSIGN_OR_RETURN(size_t n, run(alg, false, key, iv, ciphertext, out.data(), rc2_bits));
    out.truncate(n);
    return out;
  }

  Status random(MutableByteView out) const override {
    if (RAND_bytes(out.data(), static_cast<int>(out.size())) != 1) return openssl_error("RAND_bytes");
    return Status::Ok();
  }

 private:
  static Result<size_t> run(CipherAlg alg, bool enc, ByteView key, ByteView iv, ByteView in, uint8_t* out,
                            unsigned rc2_bits) {
    KS_TRY(check_cipher_params(alg, key, iv, rc2_bits));
    if (!enc) KS_TRY(check_ciphertext_length(alg, in.size()));
    const EVP_CIPHER* cipher = cipher_for(alg, key.size());
    if (!cipher) return Status::Unsupported("cipher ", cipher_name(alg), " not available in OpenSSL");
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    if (!ctx) return openssl_error("EVP_CIPHER_CTX_new");
    if (EVP_CipherInit_ex(ctx.get(), cipher, nullptr, nullptr, nullptr, enc ? 1 : 0) != 1)
      return openssl_error("cipher init");
    if (alg == CipherAlg::kRc2Cbc || alg == CipherAlg::kRc4) {
      if (EVP_CIPHER_CTX_set_key_length(ctx.get(), static_cast<int>(key.size())) != 1)
        return openssl_error("key length");
    }
    if (alg == CipherAlg::kRc2Cbc) {
      if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_SET_RC2_KEY_BITS, static_cast<int>(rc2_bits), nullptr) != 1)
        return openssl_error("RC2 effective key bits");
    }
    if (EVP_CipherInit_ex(ctx.get(), nullptr, nullptr, key.data(), iv.empty() ? nullptr : iv.data(), -1) != 1)
      return openssl_error("cipher key setup");
    int n1 = 0, n2 = 0;
    if (EVP_CipherUpdate(ctx.get(), out, &n1, in.data(), static_cast<int>(in.size())) != 1)
      return openssl_error("cipher update");
    if (EVP_CipherFinal_ex(ctx.get(), out + n1, &n2) != 1) {
      ERR_clear_error();
      if (!enc) return Status::IntegrityFailure("bad padding after decryption");
      return Status::Backend("OpenSSL cipher final failed");
    }
    return static_cast<size_t>(n1 + n2);
  }
};

}  // namespace

const Backend& openssl_backend() {
  static const OpenSslBackend backend;
  return backend;
}

}  // namespace kstore::crypto
