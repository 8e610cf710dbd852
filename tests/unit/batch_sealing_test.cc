// Batch resealing (kstore/batch_sealing.h): every key of mixed.jceks resealed
// for PKCS#12 and JCEKS on several workers opens again with the new password
// to the same key; and the parallel derivations give the bytes the
// sequential ones give.
#include "kstore/batch_sealing.h"

#include <gtest/gtest.h>

#include "base/parallel.h"
#include "crypto/crypto.h"
#include "pkcs12/key_sealing.h"
#include "support/fixtures.h"

namespace kstore {
namespace {

using testing::testdata_bytes;

const Password kChangeit = Password::from_utf8("changeit");
const Password kNewPassword = Password::from_utf8("n3w-password");  // JCEKS needs ASCII

// Unsealed bytes of a key entry: PKCS#8, or the secret key's algorithm and bytes.
std::string plaintext_of(const Entry& e, const SealedKey& key, const Password& password) {
  if (e.type == EntryType::kSecretKey) {
    auto k = unseal_secret_key(key, password);
    EXPECT_TRUE(k.ok()) << k.status().to_string();
    return k.ok() ? k->algorithm + ":" + to_hex(k->key) : "";
  }
  auto k = unseal_private_key(key, password);
  EXPECT_TRUE(k.ok()) << k.status().to_string();
  return k.ok() ? to_hex(*k) : "";
}

TEST(BatchSealing, ResealsEveryKeyForEachTarget) {
  auto store = load_keystore(testdata_bytes("jks/mixed.jceks"), &kChangeit);
  ASSERT_TRUE(store.ok()) << store.status().to_string();
  for (StoreType target : {StoreType::kPkcs12, StoreType::kJceks}) {
    for (unsigned workers : {1u, 3u}) {
      SCOPED_TRACE(std::string(store_type_name(target)) + " workers " + std::to_string(workers));
      std::vector<ResealRequest> requests;
      std::vector<const Entry*> entries;
      for (const Entry& e : store->entries()) {
        if (!e.key) continue;
        ResealRequest r;
        r.key = &*e.key;
        r.type = e.type;
        r.source_password = &kChangeit;
        r.target = target;
        r.target_password = &kNewPassword;
        r.params.jceks_iterations = 1000;  // keep the test quick
        r.params.pkcs12_iterations = 1000;
        requests.push_back(r);
        entries.push_back(&e);
      }
      ASSERT_GE(requests.size(), 5u);
      auto results = reseal_keys(requests, {.workers = workers});
      ASSERT_EQ(results.size(), requests.size());
      for (size_t i = 0; i < results.size(); ++i) {
        SCOPED_TRACE(entries[i]->alias);
        ASSERT_TRUE(results[i].ok()) << results[i].status().to_string();
        EXPECT_EQ(plaintext_of(*entries[i], *results[i], kNewPassword),
                  plaintext_of(*entries[i], *entries[i]->key, kChangeit));
      }
    }
  }
}

TEST(BatchSealing, AFailureStaysWithItsRequest) {
  auto store = load_keystore(testdata_bytes("jks/rsa2048.jks"), &kChangeit);
  ASSERT_TRUE(store.ok());
  const Entry& e = store->entries().front();
  const Password wrong = Password::from_utf8("wrong");
  std::vector<ResealRequest> requests(3);
  for (size_t i = 0; i < requests.size(); ++i) {
    requests[i].key = &*e.key;
    requests[i].source_password = i == 1 ? &wrong : &kChangeit;
    requests[i].target_password = &kNewPassword;
    requests[i].params.pkcs12_iterations = 100;
  }
  auto results = reseal_keys(requests, {.workers = 2});
  ASSERT_EQ(results.size(), 3u);
  EXPECT_TRUE(results[0].ok());
  ASSERT_FALSE(results[1].ok());
  EXPECT_EQ(results[1].status().code(), ErrorCode::kBadPassword);
  EXPECT_TRUE(results[2].ok());
}

// With the salts and IVs drawn first, the derivations and encryptions give
// the same bytes on any number of threads.
TEST(BatchSealing, ParallelSealingMatchesSequential) {
  auto store = load_keystore(testdata_bytes("jks/rsa2048.jks"), &kChangeit);
  ASSERT_TRUE(store.ok());
  auto pkcs8 = unseal_private_key(*store->entries().front().key, kChangeit);
  ASSERT_TRUE(pkcs8.ok());
  SealParams params;
  params.pkcs12_iterations = 500;
  std::vector<pbe::PbeAlgorithm> algs;
  for (int i = 0; i < 7; ++i) {
    auto alg = pkcs12::new_key_seal_algorithm(crypto::default_backend(), params);
    ASSERT_TRUE(alg.ok());
    algs.push_back(std::move(alg).value());
  }
  std::vector<Bytes> sequential, parallel(algs.size());
  for (const auto& alg : algs) {
    auto sealed = pkcs12::seal_with_algorithm(crypto::default_backend(), alg, *pkcs8, kNewPassword);
    ASSERT_TRUE(sealed.ok());
    sequential.push_back(sealed->encoded);
  }
  parallel_for(algs.size(), 3, [&](size_t i) {
    auto sealed = pkcs12::seal_with_algorithm(crypto::default_backend(), algs[i], *pkcs8, kNewPassword);
    if (sealed.ok()) parallel[i] = sealed->encoded;
  });
  for (size_t i = 0; i < algs.size(); ++i) EXPECT_EQ(to_hex(parallel[i]), to_hex(sequential[i])) << i;
}

TEST(BatchSealing, SealsKeysInClear) {
  auto store = load_keystore(testdata_bytes("jks/mixed.jceks"), &kChangeit);
  ASSERT_TRUE(store.ok());
  auto pkcs8 = unseal_private_key(*store->find("rsa")->key, kChangeit);
  auto aes = unseal_secret_key(*store->find("aes128")->key, kChangeit);
  ASSERT_TRUE(pkcs8.ok() && aes.ok());
  std::vector<SealRequest> requests;
  for (StoreType target : {StoreType::kPkcs12, StoreType::kJks, StoreType::kJceks}) {
    SealRequest r;
    r.private_key = &*pkcs8;
    r.target = target;
    r.password = &kNewPassword;
    r.params.pkcs12_iterations = 100;
    r.params.jceks_iterations = 100;
    requests.push_back(r);
    r.private_key = nullptr;
    r.secret_key = &*aes;
    requests.push_back(r);
  }
  auto results = seal_keys(requests, {.workers = 2});
  ASSERT_EQ(results.size(), 6u);
  for (size_t i = 0; i < results.size(); ++i) {
    SCOPED_TRACE(i);
    if (i == 3) {  // a secret key in JKS
      ASSERT_FALSE(results[i].ok());
      EXPECT_EQ(results[i].status().code(), ErrorCode::kUnsupported);
      continue;
    }
    ASSERT_TRUE(results[i].ok()) << results[i].status().to_string();
    if (requests[i].private_key) {
      auto back = unseal_private_key(*results[i], kNewPassword);
      ASSERT_TRUE(back.ok());
      EXPECT_EQ(to_hex(*back), to_hex(*pkcs8));
    } else {
      auto back = unseal_secret_key(*results[i], kNewPassword);
      ASSERT_TRUE(back.ok());
      EXPECT_EQ(to_hex(back->key), to_hex(aes->key));
      EXPECT_EQ(back->algorithm, aes->algorithm);
    }
  }
}

TEST(BatchSealing, WorkerCount) {
  EXPECT_EQ(worker_count(5), 5u);
  EXPECT_GE(worker_count(0), 1u);
}

TEST(Parallel, EveryIndexRunsOnce) {
  for (unsigned workers : {0u, 1u, 2u, 8u}) {
    for (size_t n : {0u, 1u, 5u, 100u}) {
      std::vector<int> hits(n, 0);
      parallel_for(n, workers, [&](size_t i) { ++hits[i]; });
      for (size_t i = 0; i < n; ++i) EXPECT_EQ(hits[i], 1) << "workers " << workers << " n " << n << " i " << i;
    }
  }
}

}  // namespace
}  // namespace kstore
