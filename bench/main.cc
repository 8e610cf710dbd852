// Google Benchmark entry point for kstore_bench. The benchmarks register
// themselves from bench_*.cc; see bench/README.md.
#include <benchmark/benchmark.h>

BENCHMARK_MAIN();
