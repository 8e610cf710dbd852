// Whole-store load (with the store password, so the integrity digest / MAC is
// verified) and save, for JKS, JCEKS and PKCS#12 (modern profile), with
// 1 / 100 / 1000 private-key entries and with 10000 trusted certificates.
//
// Inputs are built in memory by bench/workload.h, once per process and kept
// for every repetition. Keys stay sealed: load and save never unseal them, so
// these figures are the store-level KDFs plus parsing and serialising.
#include <benchmark/benchmark.h>

#include <map>
#include <memory>
#include <string>
#include <tuple>

#include "kstore/keystore.h"
#include "kstore/password.h"
#include "workload.h"

namespace {

using kstore::Bytes;
using kstore::Keystore;
using kstore::Password;
using kstore::StoreType;

constexpr char kPassword[] = "changeit";

struct Input {
  Keystore store;
  Bytes file;
};

// nullptr (and the benchmark skipped) when the workload cannot be built.
const Input* input_for(benchmark::State& state, StoreType type, size_t keys, size_t trusted) {
  static std::map<std::tuple<StoreType, size_t, size_t>, std::unique_ptr<Input>> cache;
  auto& slot = cache[{type, keys, trusted}];
  if (!slot) {
    kstore::bench::WorkloadSpec spec;
    spec.type = type;
    spec.keys = keys;
    spec.trusted = trusted;
    spec.password = kPassword;
    auto store = kstore::bench::build_keystore(spec);
    if (!store.ok()) {
      state.SkipWithError(("building the workload: " + store.status().to_string()).c_str());
      return nullptr;
    }
    auto file = kstore::save_keystore(*store, Password::from_utf8(kPassword));
    if (!file.ok()) {
      state.SkipWithError(("saving the workload: " + file.status().to_string()).c_str());
      return nullptr;
    }
    // Benchmark what a loaded store looks like (the PKCS#12 protection a
    // file read back carries, for instance), not the freshly built model.
    auto loaded = kstore::load_keystore(*file, nullptr);
    if (!loaded.ok()) {
      state.SkipWithError(("reloading the workload: " + loaded.status().to_string()).c_str());
      return nullptr;
    }
    slot = std::make_unique<Input>(Input{std::move(loaded).value(), std::move(file).value()});
  }
  return slot.get();
}

void BM_Load(benchmark::State& state, StoreType type, size_t keys, size_t trusted) {
  const Input* in = input_for(state, type, keys, trusted);
  if (!in) return;
  const Password password = Password::from_utf8(kPassword);
  for (auto _ : state) {
    auto store = kstore::load_keystore(in->file, &password);
    if (!store.ok()) {
      state.SkipWithError(store.status().to_string().c_str());
      break;
    }
    benchmark::DoNotOptimize(store->size());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(keys + trusted));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(in->file.size()));
}

void BM_Save(benchmark::State& state, StoreType type, size_t keys, size_t trusted) {
  const Input* in = input_for(state, type, keys, trusted);
  if (!in) return;
  const Password password = Password::from_utf8(kPassword);
  for (auto _ : state) {
    auto file = kstore::save_keystore(in->store, password);
    if (!file.ok()) {
      state.SkipWithError(file.status().to_string().c_str());
      break;
    }
    benchmark::DoNotOptimize(file->data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(keys + trusted));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(in->file.size()));
}

const bool kRegistered = [] {
  struct Shape {
    size_t keys;
    size_t trusted;
  };
  const Shape shapes[] = {{1, 0}, {100, 0}, {1000, 0}, {0, 10000}};
  for (StoreType type : {StoreType::kJks, StoreType::kJceks, StoreType::kPkcs12}) {
    for (const Shape& s : shapes) {
      const std::string suffix = std::string(kstore::store_type_name(type)) + "/" +
                                 (s.keys ? "keys:" + std::to_string(s.keys) : "trusted:" + std::to_string(s.trusted));
      benchmark::RegisterBenchmark(("Load/" + suffix).c_str(), BM_Load, type, s.keys, s.trusted)
          ->Unit(benchmark::kMillisecond);
      benchmark::RegisterBenchmark(("Save/" + suffix).c_str(), BM_Save, type, s.keys, s.trusted)
          ->Unit(benchmark::kMillisecond);
    }
  }
  return true;
}();

}  // namespace
