// DER parsing throughput over a large certificate list: the 10000 distinct
// EC P-256 certificates of the trusted-certificate workload, concatenated.
//
//   Der/walk          every TLV, recursing into constructed elements (der::Reader)
//   X509/parse        x509::parse_certificate on each certificate
//   X509/summarize    x509::summarize (names, serial, validity, key ids) on each
#include <benchmark/benchmark.h>

#include <vector>

#include "der/reader.h"
#include "kstore/x509.h"
#include "workload.h"
#include "x509/certificate.h"

namespace {

using kstore::Bytes;
using kstore::ByteView;

constexpr size_t kCertCount = 10000;

struct CertList {
  std::vector<Bytes> certs;
  Bytes concatenated;
};

const CertList* cert_list(benchmark::State& state) {
  static CertList list;
  static bool built = false;
  if (!built) {
    auto certs = kstore::bench::generate_trusted_certs(kCertCount);
    if (!certs.ok()) {
      state.SkipWithError(certs.status().to_string().c_str());
      return nullptr;
    }
    list.certs = std::move(certs).value();
    for (const Bytes& c : list.certs) list.concatenated.insert(list.concatenated.end(), c.begin(), c.end());
    built = true;
  }
  return &list;
}

// Counts elements; false on a parse error.
bool walk(kstore::der::Reader reader, int depth, size_t* elements) {
  while (!reader.empty()) {
    auto e = reader.read_element();
    if (!e.ok()) return false;
    ++*elements;
    if ((e->tag & kstore::der::kConstructed) != 0) {
      if (depth + 1 >= kstore::der::kMaxDepth) return false;
      if (!walk(kstore::der::Reader(e->contents, kstore::der::Mode::kDer, depth + 1), depth + 1, elements))
        return false;
    }
  }
  return true;
}

void BM_DerWalk(benchmark::State& state) {
  const CertList* list = cert_list(state);
  if (!list) return;
  size_t elements = 0;
  for (auto _ : state) {
    elements = 0;
    if (!walk(kstore::der::Reader(list->concatenated), 0, &elements)) {
      state.SkipWithError("DER walk failed");
      break;
    }
    benchmark::DoNotOptimize(elements);
  }
  state.counters["elements"] = static_cast<double>(elements);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(list->certs.size()));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(list->concatenated.size()));
}

void BM_X509Parse(benchmark::State& state) {
  const CertList* list = cert_list(state);
  if (!list) return;
  for (auto _ : state) {
    for (const Bytes& c : list->certs) {
      auto cert = kstore::x509::parse_certificate(c);
      if (!cert.ok()) {
        state.SkipWithError(cert.status().to_string().c_str());
        return;
      }
      benchmark::DoNotOptimize(cert->signature.data());
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(list->certs.size()));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(list->concatenated.size()));
}

void BM_X509Summarize(benchmark::State& state) {
  const CertList* list = cert_list(state);
  if (!list) return;
  for (auto _ : state) {
    for (const Bytes& c : list->certs) {
      auto summary = kstore::x509::summarize(c);
      if (!summary.ok()) {
        state.SkipWithError(summary.status().to_string().c_str());
        return;
      }
      benchmark::DoNotOptimize(summary->serial_hex.data());
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(list->certs.size()));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(list->concatenated.size()));
}

BENCHMARK(BM_DerWalk)->Name("Der/walk/certs:10000")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_X509Parse)->Name("X509/parse/certs:10000")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_X509Summarize)->Name("X509/summarize/certs:10000")->Unit(benchmark::kMillisecond);

}  // namespace
