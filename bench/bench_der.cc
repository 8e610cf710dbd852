// Certificate throughput over a large list (DER, X.509, keytool's text): the
// 10000 distinct EC P-256 certificates of the trusted-certificate workload,
// concatenated for Der/walk.
//
//   Der/walk          every TLV, recursing into constructed elements (der::Reader)
//   X509/parse        x509::parse_certificate on each certificate
//   X509/summarize    x509::summarize (names, serial, validity, key ids) on each
//   Keytool/certificate_text    keytool::certificate_text (-list -v) on each
//   Keytool/algorithm_verdicts  keytool::algorithm_verdicts (every -list) on each
#include <benchmark/benchmark.h>

#include <vector>

#include "der/reader.h"
#include "kstore/keytool/algorithm_verdicts.h"
#include "kstore/keytool/certificate_text.h"
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

// Runs `f` (which returns a Result) on every certificate of the list per
// iteration; the first failure ends the benchmark with its message.
template <typename F>
void per_certificate(benchmark::State& state, F f) {
  const CertList* list = cert_list(state);
  if (!list) return;
  for (auto _ : state) {
    for (const Bytes& c : list->certs) {
      auto result = f(c);
      if (!result.ok()) {
        state.SkipWithError(result.status().to_string().c_str());
        return;
      }
      benchmark::DoNotOptimize(result);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(list->certs.size()));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(list->concatenated.size()));
}

void BM_X509Parse(benchmark::State& state) { per_certificate(state, kstore::x509::parse_certificate); }
void BM_X509Summarize(benchmark::State& state) { per_certificate(state, kstore::x509::summarize); }
// What kstool -list -v prints per certificate, and what every -list checks.
void BM_KeytoolCertificateText(benchmark::State& state) {
  per_certificate(state, [](ByteView der) { return kstore::keytool::certificate_text(der); });
}
void BM_KeytoolAlgorithmVerdicts(benchmark::State& state) {
  per_certificate(state, [](ByteView der) { return kstore::keytool::algorithm_verdicts(der); });
}

BENCHMARK(BM_DerWalk)->Name("Der/walk/certs:10000")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_X509Parse)->Name("X509/parse/certs:10000")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_X509Summarize)->Name("X509/summarize/certs:10000")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_KeytoolCertificateText)->Name("Keytool/certificate_text/certs:10000")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_KeytoolAlgorithmVerdicts)->Name("Keytool/algorithm_verdicts/certs:10000")->Unit(benchmark::kMillisecond);

}  // namespace
