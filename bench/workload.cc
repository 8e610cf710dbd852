#include "workload.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <algorithm>
#include <ctime>
#include <map>
#include <memory>
#include <utility>

#include "kstore/password.h"
#include "kstore/sealing.h"

namespace kstore::bench {
namespace {

struct PkeyFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct X509Free {
  void operator()(X509* p) const { X509_free(p); }
};
struct P8Free {
  void operator()(PKCS8_PRIV_KEY_INFO* p) const { PKCS8_PRIV_KEY_INFO_free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using X509Ptr = std::unique_ptr<X509, X509Free>;
using P8Ptr = std::unique_ptr<PKCS8_PRIV_KEY_INFO, P8Free>;

Status openssl_failure(const char* what) {
  const unsigned long err = ERR_get_error();
  char buf[256] = "no OpenSSL error queued";
  if (err != 0) ERR_error_string_n(err, buf, sizeof buf);
  ERR_clear_error();
  return Status::Backend("kstore-gen: ", what, ": ", buf);
}

// Fixed validity (2024-01-01 .. 2034-01-01, both UTCTime) so that runs differ
// only in keys, salts and signatures.
constexpr time_t kNotBefore = 1704067200;
constexpr time_t kNotAfter = 2019686400;

Result<Bytes> self_signed_cert(EVP_PKEY* key, uint64_t serial, const std::string& common_name) {
  X509Ptr x(X509_new());
  if (!x) return openssl_failure("X509_new");
  if (X509_set_version(x.get(), X509_VERSION_3) != 1) return openssl_failure("X509_set_version");
  if (ASN1_INTEGER_set_uint64(X509_get_serialNumber(x.get()), serial) != 1) return openssl_failure("serial");
  X509_NAME* name = X509_get_subject_name(x.get());
  if (X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                 reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1, 0) != 1)
    return openssl_failure("subject");
  if (X509_set_issuer_name(x.get(), name) != 1) return openssl_failure("issuer");
  if (!ASN1_TIME_set(X509_getm_notBefore(x.get()), kNotBefore) ||
      !ASN1_TIME_set(X509_getm_notAfter(x.get()), kNotAfter))
    return openssl_failure("validity");
  if (X509_set_pubkey(x.get(), key) != 1) return openssl_failure("X509_set_pubkey");
  if (X509_sign(x.get(), key, EVP_sha256()) <= 0) return openssl_failure("X509_sign");
  const int len = i2d_X509(x.get(), nullptr);
  if (len <= 0) return openssl_failure("i2d_X509");
  Bytes der(static_cast<size_t>(len));
  unsigned char* p = der.data();
  if (i2d_X509(x.get(), &p) != len) return openssl_failure("i2d_X509");
  return der;
}

struct TrustedCache {
  PkeyPtr key;
  std::vector<Bytes> certs;
};

TrustedCache& trusted_cache() {
  static TrustedCache cache;
  return cache;
}

std::map<int, std::vector<KeyMaterial>>& rsa_pool_cache() {
  static std::map<int, std::vector<KeyMaterial>> cache;
  return cache;
}

// The first `count` RSA keys of the process-wide pool for `bits`.
Result<const std::vector<KeyMaterial>*> rsa_pool(int bits, size_t count) {
  std::vector<KeyMaterial>& pool = rsa_pool_cache()[bits];
  while (pool.size() < count) {
    auto key = generate_rsa_key(bits, "kstore-bench-rsa-" + std::to_string(pool.size()));
    if (!key.ok()) return std::move(key).status();
    pool.push_back(std::move(key).value());
  }
  return &pool;
}

}  // namespace

Result<KeyMaterial> generate_rsa_key(int bits, const std::string& common_name) {
  PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(bits)));
  if (!key) return openssl_failure("RSA key generation");
  P8Ptr p8(EVP_PKEY2PKCS8(key.get()));
  if (!p8) return openssl_failure("EVP_PKEY2PKCS8");
  const int len = i2d_PKCS8_PRIV_KEY_INFO(p8.get(), nullptr);
  if (len <= 0) return openssl_failure("i2d_PKCS8_PRIV_KEY_INFO");
  KeyMaterial out;
  out.pkcs8 = SecretBytes(static_cast<size_t>(len));
  unsigned char* p = out.pkcs8.data();
  if (i2d_PKCS8_PRIV_KEY_INFO(p8.get(), &p) != len) return openssl_failure("i2d_PKCS8_PRIV_KEY_INFO");
  auto cert = self_signed_cert(key.get(), 1, common_name);
  if (!cert.ok()) return std::move(cert).status();
  out.cert = std::move(cert).value();
  return out;
}

Result<std::vector<Bytes>> generate_trusted_certs(size_t count) {
  TrustedCache& cache = trusted_cache();
  if (!cache.key && count > 0) {
    cache.key.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!cache.key) return openssl_failure("EC P-256 key generation");
  }
  while (cache.certs.size() < count) {
    const size_t i = cache.certs.size();
    auto cert = self_signed_cert(cache.key.get(), i + 1, "trusted-" + std::to_string(i));
    if (!cert.ok()) return std::move(cert).status();
    cache.certs.push_back(std::move(cert).value());
  }
  return std::vector<Bytes>(cache.certs.begin(), cache.certs.begin() + static_cast<std::ptrdiff_t>(count));
}

Result<Keystore> build_keystore(const WorkloadSpec& spec) {
  if (spec.keys > 0 && spec.key_pool == 0) return Status::InvalidArgument("key pool must hold at least one key");
  Keystore store(spec.type);
  SealParams params;
  if (spec.type == StoreType::kPkcs12) {
    const Pkcs12Protection protection = pkcs12_profile_protection(spec.pkcs12_profile);
    store.pkcs12_protection() = protection;
    params = pkcs12_seal_params(protection);
  }
  params.jceks_iterations = spec.jceks_iterations;
  const Password password = Password::from_utf8(spec.password);

  std::vector<SealedKey> sealed;
  std::vector<Bytes> certs;
  if (spec.keys > 0) {
    const size_t pool_size = std::min(spec.key_pool, spec.keys);
    auto pool = rsa_pool(spec.rsa_bits, pool_size);
    if (!pool.ok()) return std::move(pool).status();
    for (size_t k = 0; k < pool_size; ++k) {
      const KeyMaterial& m = (**pool)[k];
      auto s = seal_private_key(spec.type, m.pkcs8.view(), password, params);
      if (!s.ok()) return std::move(s).status().with_context("sealing pool key ", k);
      sealed.push_back(std::move(s).value());
      certs.push_back(m.cert);
    }
  }

  for (size_t i = 0; i < spec.keys; ++i) {
    Entry e;
    e.alias = "key-" + std::to_string(i);
    e.type = EntryType::kPrivateKey;
    e.creation_time_ms = spec.creation_time_base_ms + static_cast<int64_t>(i);
    e.key = sealed[i % sealed.size()];
    e.chain.push_back(Certificate{"X.509", certs[i % certs.size()]});
    store.append(std::move(e));
  }

  if (spec.trusted > 0) {
    auto trusted = generate_trusted_certs(spec.trusted);
    if (!trusted.ok()) return std::move(trusted).status();
    for (size_t i = 0; i < spec.trusted; ++i) {
      Entry e;
      e.alias = "trusted-" + std::to_string(i);
      e.type = EntryType::kTrustedCert;
      e.creation_time_ms = spec.creation_time_base_ms + static_cast<int64_t>(spec.keys + i);
      e.chain.push_back(Certificate{"X.509", std::move((*trusted)[i])});
      store.append(std::move(e));
    }
  }
  return store;
}

Result<Bytes> build_keystore_file(const WorkloadSpec& spec) {
  auto store = build_keystore(spec);
  if (!store.ok()) return std::move(store).status();
  return save_keystore(*store, Password::from_utf8(spec.password));
}

}  // namespace kstore::bench
