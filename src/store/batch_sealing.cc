// Batch resealing: draw the randomness in order, then derive in parallel.
#include "kstore/batch_sealing.h"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <thread>

#include "base/parallel.h"
#include "pkcs12/key_sealing.h"
#include "pkcs12/secret_key_info.h"

namespace kstore {
namespace {

Result<SecretBytes> unseal_plaintext(const ResealRequest& r, const Limits& limits) {
  if (r.type == EntryType::kSecretKey) {
    KS_ASSIGN_OR_RETURN(SecretKeyMaterial key, unseal_secret_key(*r.key, *r.source_password, limits));
    // A PKCS#12 target seals the JDK's secret key encoding; other targets reseal from the material.
    return pkcs12::encode_secret_key_info(key);
  }
  return unseal_private_key(*r.key, *r.source_password, limits);
}

Result<SealedKey> reseal_one(const ResealRequest& r, const std::optional<pbe::PbeAlgorithm>& pkcs12_alg,
                             const Limits& limits) {
  if (r.key == nullptr || r.source_password == nullptr || r.target_password == nullptr)
    return Status::InvalidArgument("reseal request without a key or password");
  if (r.type == EntryType::kTrustedCert) return Status::InvalidArgument("a trusted certificate has no key to reseal");
  KS_ASSIGN_OR_RETURN(SecretBytes plain, unseal_plaintext(r, limits));
  if (pkcs12_alg) return pkcs12::seal_with_algorithm(*pkcs12_alg, plain, *r.target_password);
  if (r.type == EntryType::kSecretKey) {
    KS_ASSIGN_OR_RETURN(SecretKeyMaterial key, pkcs12::parse_secret_key_info(plain));
    return seal_secret_key(r.target, key, *r.target_password, r.params);
  }
  return seal_private_key(r.target, plain, *r.target_password, r.params);
}

}  // namespace

unsigned worker_count(unsigned workers) {
  if (workers > 0) return workers;
  if (const char* env = std::getenv("KSTORE_WORKERS"); env != nullptr && *env != 0) {
    char* end = nullptr;
    const unsigned long n = std::strtoul(env, &end, 10);
    if (*end == 0 && n > 0 && n <= 1024) return static_cast<unsigned>(n);
  }
  return std::max(1u, std::thread::hardware_concurrency());
}

namespace {

// Draws the PKCS#12 algorithms (salts, IVs) in request order, then runs
// `one` for every request on the workers.
template <typename Request, typename One>
std::vector<Result<SealedKey>> run_batch(std::span<const Request> requests, unsigned workers, One one) {
  std::vector<std::optional<pbe::PbeAlgorithm>> pkcs12_algs(requests.size());
  std::vector<std::optional<Status>> early(requests.size());
  for (size_t i = 0; i < requests.size(); ++i) {
    if (requests[i].target != StoreType::kPkcs12) continue;
    Result<pbe::PbeAlgorithm> alg = pkcs12::new_key_seal_algorithm(requests[i].params);
    if (alg.ok()) {
      pkcs12_algs[i] = std::move(alg).value();
    } else {
      early[i] = std::move(alg).status();
    }
  }
  std::vector<std::optional<Result<SealedKey>>> slots(requests.size());
  parallel_for(requests.size(), worker_count(workers), [&](size_t i) {
    if (early[i]) {
      slots[i].emplace(std::move(*early[i]));
    } else {
      slots[i].emplace(one(requests[i], pkcs12_algs[i]));
    }
  });
  std::vector<Result<SealedKey>> out;
  out.reserve(requests.size());
  for (auto& slot : slots) out.push_back(std::move(*slot));
  return out;
}

Result<SealedKey> seal_one(const SealRequest& r, const std::optional<pbe::PbeAlgorithm>& pkcs12_alg) {
  if (r.password == nullptr || (r.private_key == nullptr) == (r.secret_key == nullptr))
    return Status::InvalidArgument("seal request needs a password and exactly one key");
  if (!pkcs12_alg) {
    if (r.secret_key) return seal_secret_key(r.target, *r.secret_key, *r.password, r.params);
    return seal_private_key(r.target, *r.private_key, *r.password, r.params);
  }
  if (r.secret_key) {
    if (r.secret_key->key.empty()) return Status::InvalidArgument("empty secret key");
    KS_ASSIGN_OR_RETURN(SecretBytes plain, pkcs12::encode_secret_key_info(*r.secret_key));
    return pkcs12::seal_with_algorithm(*pkcs12_alg, plain, *r.password);
  }
  if (!pkcs12::looks_like_private_key_info(*r.private_key))
    return Status::InvalidArgument("not a PKCS#8 PrivateKeyInfo");
  return pkcs12::seal_with_algorithm(*pkcs12_alg, *r.private_key, *r.password);
}

}  // namespace

std::vector<Result<SealedKey>> seal_keys(std::span<const SealRequest> requests, unsigned workers) {
  return run_batch(requests, workers, seal_one);
}

std::vector<Result<SealedKey>> reseal_keys(std::span<const ResealRequest> requests, const Limits& limits,
                                           unsigned workers) {
  return run_batch(requests, workers, [&](const ResealRequest& r, const std::optional<pbe::PbeAlgorithm>& alg) {
    return reseal_one(r, alg, limits);
  });
}

}  // namespace kstore
