// kstore-compare: kstool against JDK keytool on the same inputs, in one run,
// alternating, several runs each; medians, ratios, peak memory, and the
// floor each workload's formats force (bench/compare/floor.h).
//
//   kstore-compare --kstool build/kstool [--keytool /usr/lib/jvm/.../bin/keytool]
//                  [--workdir DIR] [--runs N] [--keytool-runs N] [--only TEXT]
#include <malloc.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <openssl/crypto.h>

#include "child_process.h"
#include "floor.h"
#include "workloads.h"

namespace {

namespace fs = std::filesystem;
using kstore::compare::ChildRun;
using kstore::compare::Workload;

constexpr char kUsage[] =
    "usage: kstore-compare --kstool PATH [--keytool PATH] [--workdir DIR] [--runs N]\n"
    "                      [--keytool-runs N] [--only TEXT]\n"
    "  --kstool PATH        the kstool binary\n"
    "  --keytool PATH       JDK keytool; without it only kstool and the floor are measured\n"
    "  --workdir DIR        where the input stores are generated and kept (default ./compare-work)\n"
    "  --runs N             kstool runs per workload (default 9)\n"
    "  --keytool-runs N     keytool runs per workload (default 5; 3 for the 10000-certificate ones)\n"
    "  --only TEXT          only the workloads whose name contains TEXT\n";

struct Options {
  std::string kstool;
  std::string keytool;
  std::string workdir = "compare-work";
  int runs = 9;
  int keytool_runs = 5;
  std::string only;
};

struct Series {
  std::vector<double> wall_ms;
  std::vector<double> cpu_ms;
  double peak_rss_mib = 0;
  std::optional<std::string> failure;  // first line of the output of a failed run
};

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::string first_line(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  if (line.size() > 100) line = line.substr(0, 100) + "...";
  return line.empty() ? "(no output)" : line;
}

// The value of the first "key<tab>: value" line of /proc/cpuinfo with that key.
std::string cpuinfo_value(const std::string& key) {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key, 0) != 0) continue;
    const size_t colon = line.find(':');
    return colon == std::string::npos ? line : line.substr(line.find_first_not_of(' ', colon + 1));
  }
  return "unknown";
}

// One run on a fresh copy of the input when the command writes.
ChildRun run_once(const std::string& tool, const Workload& w, const Options& o, bool is_kstool) {
  const std::string source = o.workdir + "/" + w.input;
  const std::string in = w.writes ? o.workdir + "/run-input-" + w.input : source;
  const std::string out = o.workdir + "/run-output.p12";
  if (w.writes) {
    fs::copy_file(source, in, fs::copy_options::overwrite_existing);
    fs::remove(out);
  }
  std::vector<std::string> argv{tool};
  for (const std::string& a : w.args) argv.push_back(a == "{in}" ? in : a == "{out}" ? out : a);
  if (is_kstool && !w.kstool_workers.empty()) {
    setenv("KSTORE_WORKERS", w.kstool_workers.c_str(), 1);
  } else {
    unsetenv("KSTORE_WORKERS");
  }
  ChildRun run = kstore::compare::run_child(argv, o.workdir + "/run-output.txt");
  unsetenv("KSTORE_WORKERS");
  return run;
}

void record(Series& s, const ChildRun& run) {
  if (!run.started || run.exit_code != 0) {
    if (!s.failure) s.failure = run.started ? first_line(run.output) : "could not start";
    return;
  }
  s.wall_ms.push_back(run.wall_ms);
  s.cpu_ms.push_back(run.cpu_ms);
  s.peak_rss_mib = std::max(s.peak_rss_mib, run.peak_rss_mib);
}

std::string cell(double v, int decimals = 1) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

void print_machine(const Options& o) {
  utsname u{};
  uname(&u);
  double load[3] = {0, 0, 0};
  getloadavg(load, 3);
  std::printf("## Machine\n\n");
  std::printf("- CPU: %s, %ld online cores\n", cpuinfo_value("model name").c_str(),
              sysconf(_SC_NPROCESSORS_ONLN));
  std::printf("- Kernel: %s %s %s\n", u.sysname, u.release, u.machine);
  std::printf("- Load average at start: %.2f %.2f %.2f\n", load[0], load[1], load[2]);
  std::printf("- OpenSSL: %s\n", OpenSSL_version(OPENSSL_VERSION));
  std::printf("- kstool: %s; keytool: %s\n", o.kstool.c_str(), o.keytool.empty() ? "(not given)" : o.keytool.c_str());
  std::printf("- Runs: kstool %d, keytool %d per workload (alternating); medians of wall-clock time\n\n", o.runs,
              o.keytool_runs);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (i + 1 >= argc) {
      std::fprintf(stderr, "kstore-compare: %s needs a value\n%s", arg.c_str(), kUsage);
      return 2;
    }
    const std::string value = argv[++i];
    if (arg == "--kstool") o.kstool = value;
    else if (arg == "--keytool") o.keytool = value;
    else if (arg == "--workdir") o.workdir = value;
    else if (arg == "--runs") o.runs = std::max(1, std::atoi(value.c_str()));
    else if (arg == "--keytool-runs") o.keytool_runs = std::max(1, std::atoi(value.c_str()));
    else if (arg == "--only") o.only = value;
    else {
      std::fprintf(stderr, "kstore-compare: unknown option %s\n%s", arg.c_str(), kUsage);
      return 2;
    }
  }
  if (o.kstool.empty()) {
    std::fprintf(stderr, "kstore-compare: --kstool is required\n%s", kUsage);
    return 2;
  }
  o.kstool = fs::absolute(o.kstool).string();
  if (!o.keytool.empty()) o.keytool = fs::canonical(o.keytool).string();
  fs::create_directories(o.workdir);

  if (kstore::Status s = kstore::compare::generate_inputs(o.workdir, false); !s.ok()) {
    std::fprintf(stderr, "kstore-compare: generating inputs: %s\n", s.to_string().c_str());
    return 1;
  }
  std::vector<Workload> workloads = kstore::compare::all_workloads();
  kstore::compare::fill_floor_counts(workloads, o.workdir);
  // A child's peak RSS from wait4 counts the memory it was forked with
  // (Linux keeps the old image's high-water mark across exec), so this
  // process gives back what generating and reading the inputs took; else
  // kstool's peak would read as this process's size.
  malloc_trim(0);

  print_machine(o);
  const kstore::compare::FloorUnits units = kstore::compare::measure_floor_units(15);
  std::printf("## Floor units (measured now, one core, OpenSSL raw SHA-256 compression)\n\n");
  std::printf("- PBKDF2-HMAC-SHA256 x 10000: %.2f ms\n", units.pbkdf2_sha256_ms);
  std::printf("- PKCS#12 KDF SHA-256 x 10000: %.2f ms\n", units.pkcs12_kdf_sha256_ms);
  std::printf("- SHA-1: %.2f ms/MiB; SHA-256: %.2f ms/MiB\n\n", units.sha1_ms_per_mib, units.sha256_ms_per_mib);

  std::printf("## Results\n\n");
  std::printf("Wall-clock medians decide the ratios. CPU columns (user + system, all threads) are medians too:\n"
              "on a busy machine they move less than wall time, but the JVM's JIT and GC threads count there.\n\n");
  std::printf("| workload | kstool ms | keytool ms | keytool/kstool | floor ms | kstool/floor | kstool CPU ms | keytool CPU ms "
              "| kstool MiB | keytool MiB | input MiB |\n");
  std::printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  std::fflush(stdout);
  for (const Workload& w : workloads) {
    if (!o.only.empty() && w.name.find(o.only) == std::string::npos) continue;
    Series kstool, keytool;
    // A first kstool run decides whether kstool supports the workload at all.
    const ChildRun probe = run_once(o.kstool, w, o, true);
    if (!probe.started || probe.exit_code != 0)
      kstool.failure = "not supported: " + (probe.started ? first_line(probe.output) : std::string("could not start"));
    const int keytool_runs = o.keytool.empty() ? 0 : (w.slow_for_keytool ? std::min(o.keytool_runs, 3) : o.keytool_runs);
    const int rounds = std::max(kstool.failure ? 0 : o.runs, keytool_runs);
    for (int r = 0; r < rounds; ++r) {
      // Alternate which tool goes first, so neither always inherits a warm or a cold cache.
      for (int k = 0; k < 2; ++k) {
        const bool kstool_turn = (k == 0) == (r % 2 == 0);
        if (kstool_turn && !kstool.failure && r < o.runs) record(kstool, run_once(o.kstool, w, o, true));
        if (!kstool_turn && !keytool.failure && r < keytool_runs) record(keytool, run_once(o.keytool, w, o, false));
      }
    }
    const double floor = kstore::compare::floor_ms(units, w.floor);
    const double ks = median(kstool.wall_ms);
    const double kt = median(keytool.wall_ms);
    const double input_mib = static_cast<double>(fs::file_size(o.workdir + "/" + w.input)) / (1024.0 * 1024.0);
    const std::string ks_cell = kstool.failure ? *kstool.failure : cell(ks);
    const std::string kt_cell = o.keytool.empty() ? "-" : keytool.failure ? "failed: " + *keytool.failure : cell(kt);
    const bool both = !kstool.failure && !keytool.failure && !o.keytool.empty();
    const bool keytool_ok = !o.keytool.empty() && !keytool.failure;
    std::printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", w.name.c_str(), ks_cell.c_str(),
                kt_cell.c_str(), both ? (cell(kt / ks, 0) + "x").c_str() : "-", cell(floor, 2).c_str(),
                kstool.failure ? "-" : (cell(ks / floor, 2) + "x").c_str(),
                kstool.failure ? "-" : cell(median(kstool.cpu_ms)).c_str(),
                keytool_ok ? cell(median(keytool.cpu_ms)).c_str() : "-",
                kstool.failure ? "-" : cell(kstool.peak_rss_mib).c_str(),
                both || (!keytool.failure && !o.keytool.empty()) ? cell(keytool.peak_rss_mib).c_str() : "-",
                cell(input_mib, 2).c_str());
    std::fflush(stdout);
  }
  double load[3] = {0, 0, 0};
  getloadavg(load, 3);
  std::printf("\nLoad average at end: %.2f %.2f %.2f\n", load[0], load[1], load[2]);
  return 0;
}
