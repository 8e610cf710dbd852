// Batch resealing: draw the randomness in order, then derive in parallel.
#include "kstore/batch_sealing.h"

#include <algorithm>
#include <optional>
#include <thread>

#include "base/parallel.h"
#include "crypto/crypto.h"
#include "pbe/pkcs8.h"
#include "pkcs12/key_sealing.h"
#include "pkcs12/secret_key_info.h"

namespace kstore {
namespace {

Result<SecretBytes> unseal_plaintext(const ResealRequest& r, const BatchOptions& options) {
  if (r.type == EntryType::kSecretKey) {
    KS_ASSIGN_OR_RETURN(SecretKeyMaterial key,
                        unseal_secret_key(*r.key, *r.source_password, options.limits, options.crypto));
    // A PKCS#12 target seals the JDK's secret key encoding; other targets reseal from the material.
    return pkcs12::encode_secret_key_info(key);
  }
  return unseal_private_key(*r.key, *r.source_password, options.limits, options.crypto);
}

Status check_reseal_request(const ResealRequest& r) {
  if (r.key == nullptr || r.source_password == nullptr || r.target_password == nullptr)
    return Status::InvalidArgument("reseal request without a key or password");
  if (r.type == EntryType::kTrustedCert) return Status::InvalidArgument("a trusted certificate has no key to reseal");
  return Status::Ok();
}

// What a PKCS#12 target seals for the request: its key, unsealed.
Result<SecretBytes> pkcs12_plaintext(const ResealRequest& r, const BatchOptions& options) {
  KS_TRY(check_reseal_request(r));
  return unseal_plaintext(r, options);
}

// A JKS or JCEKS target.
Result<SealedKey> reseal_one(const ResealRequest& r, const BatchOptions& options) {
  KS_TRY(check_reseal_request(r));
  KS_ASSIGN_OR_RETURN(SecretBytes plain, unseal_plaintext(r, options));
  if (r.type == EntryType::kSecretKey) {
    KS_ASSIGN_OR_RETURN(SecretKeyMaterial key, pkcs12::parse_secret_key_info(plain));
    return seal_secret_key(r.target, key, *r.target_password, r.params, options.crypto);
  }
  return seal_private_key(r.target, plain, *r.target_password, r.params, options.crypto);
}

}  // namespace

unsigned worker_count(unsigned workers) {
  if (workers > 0) return workers;
  return std::max(1u, std::thread::hardware_concurrency());
}

namespace {

// Draws the PKCS#12 algorithms (salts, IVs) in request order, then seals on
// the workers, two requests per task: a PKCS#12 target's plaintexts are
// sealed together (pkcs12::seal_many_with_algorithms), so the two key
// derivations overlap on one core; other targets go through `one`.
template <typename Request, typename PlaintextOf, typename PasswordOf, typename One>
std::vector<Result<SealedKey>> run_batch(std::span<const Request> requests, const BatchOptions& options,
                                         PlaintextOf plaintext_of, PasswordOf password_of, One one) {
  Result<const crypto::Backend*> chosen = crypto::backend_for(options.crypto);
  if (!chosen.ok()) return std::vector<Result<SealedKey>>(requests.size(), chosen.status());
  const crypto::Backend& backend = **chosen;
  std::vector<std::optional<pbe::PbeAlgorithm>> pkcs12_algs(requests.size());
  std::vector<std::optional<Result<SealedKey>>> slots(requests.size());
  for (size_t i = 0; i < requests.size(); ++i) {
    if (requests[i].target != StoreType::kPkcs12) continue;
    Result<pbe::PbeAlgorithm> alg = pkcs12::new_key_seal_algorithm(backend, requests[i].params);
    if (alg.ok()) {
      pkcs12_algs[i] = std::move(alg).value();
    } else {
      slots[i].emplace(std::move(alg).status());
    }
  }
  constexpr size_t kPerTask = 2;
  parallel_for((requests.size() + kPerTask - 1) / kPerTask, worker_count(options.workers), [&](size_t task) {
    const size_t end = std::min(requests.size(), (task + 1) * kPerTask);
    std::vector<SecretBytes> plaintexts;
    std::vector<size_t> job_index;
    for (size_t i = task * kPerTask; i < end; ++i) {
      if (slots[i]) continue;
      if (!pkcs12_algs[i]) {
        slots[i] = one(requests[i]);
        continue;
      }
      Result<SecretBytes> plain = plaintext_of(requests[i]);
      if (!plain.ok()) {
        slots[i].emplace(std::move(plain).status());
        continue;
      }
      plaintexts.push_back(std::move(plain).value());
      job_index.push_back(i);
    }
    std::vector<pbe::EncryptionJob> jobs;
    for (size_t k = 0; k < job_index.size(); ++k)
      jobs.push_back({&*pkcs12_algs[job_index[k]], password_of(requests[job_index[k]]), plaintexts[k]});
    std::vector<Result<SealedKey>> sealed = pkcs12::seal_many_with_algorithms(backend, jobs);
    for (size_t k = 0; k < sealed.size(); ++k) slots[job_index[k]].emplace(std::move(sealed[k]));
  });
  std::vector<Result<SealedKey>> out;
  out.reserve(requests.size());
  for (auto& slot : slots) out.push_back(std::move(*slot));
  return out;
}

Status check_seal_request(const SealRequest& r) {
  if (r.password == nullptr || (r.private_key == nullptr) == (r.secret_key == nullptr))
    return Status::InvalidArgument("seal request needs a password and exactly one key");
  return Status::Ok();
}

// What a PKCS#12 target seals for the request: the PrivateKeyInfo, or the
// JDK's secret key encoding.
Result<SecretBytes> pkcs12_plaintext(const SealRequest& r) {
  KS_TRY(check_seal_request(r));
  if (r.secret_key) {
    if (r.secret_key->key.empty()) return Status::InvalidArgument("empty secret key");
    return pkcs12::encode_secret_key_info(*r.secret_key);
  }
  KS_TRY(pbe::check_private_key_info_to_seal(*r.private_key));
  return SecretBytes(r.private_key->view());
}

// A JKS or JCEKS target.
Result<SealedKey> seal_one(const SealRequest& r, CryptoBackend crypto) {
  KS_TRY(check_seal_request(r));
  if (r.secret_key) return seal_secret_key(r.target, *r.secret_key, *r.password, r.params, crypto);
  return seal_private_key(r.target, *r.private_key, *r.password, r.params, crypto);
}

}  // namespace

std::vector<Result<SealedKey>> seal_keys(std::span<const SealRequest> requests, const BatchOptions& options) {
  return run_batch(
      requests, options, [](const SealRequest& r) { return pkcs12_plaintext(r); },
      [](const SealRequest& r) { return r.password; },
      [&](const SealRequest& r) { return seal_one(r, options.crypto); });
}

std::vector<Result<SealedKey>> reseal_keys(std::span<const ResealRequest> requests, const BatchOptions& options) {
  return run_batch(
      requests, options, [&](const ResealRequest& r) { return pkcs12_plaintext(r, options); },
      [](const ResealRequest& r) { return r.target_password; },
      [&](const ResealRequest& r) { return reseal_one(r, options); });
}

}  // namespace kstore
