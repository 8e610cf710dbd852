// kstore-gen: writes synthetic JKS / JCEKS / PKCS#12 keystores with kstore
// itself, for benchmarks and load tests on machines without a JVM.
//
//   kstore-gen --type pkcs12 --keys 1000 --password changeit out.p12
//   kstore-gen --type jks --trusted 10000 out.jks
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "kstore/file.h"
#include "kstore/keystore.h"
#include "kstore/pkcs12.h"
#include "workload.h"

namespace {

constexpr char kUsage[] =
    "usage: kstore-gen [options] OUTPUT\n"
    "  --type jks|jceks|pkcs12   store type (default pkcs12)\n"
    "  --keys N                  private-key entries key-0 .. key-(N-1) (default 0)\n"
    "  --trusted N               trusted-certificate entries trusted-0 .. (default 0)\n"
    "  --password P              store and key password (default changeit)\n"
    "  --key-pool N              distinct RSA keys shared by the key entries (default 1)\n"
    "  --rsa-bits N              RSA key size (default 2048)\n"
    "  --profile NAME            PKCS#12 protection: modern|legacy|pbmac1|none (default modern)\n"
    "  --jceks-iterations N      JCEKS key sealing iterations (default 200000)\n"
    "Key entries are RSA keys with self-signed SHA256withRSA certificates;\n"
    "trusted entries are distinct self-signed EC P-256 certificates.\n";

bool parse_count(std::string_view text, uint64_t* out) {
  if (text.empty()) return false;
  uint64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    if (v > (UINT64_MAX - 9) / 10) return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

int usage_error(const std::string& message) {
  std::fprintf(stderr, "kstore-gen: %s\n%s", message.c_str(), kUsage);
  return 2;
}

// Applies one --name value option to the spec; the message of a usage
// error, or an empty string.
std::string apply_option(std::string_view arg, std::string_view value, kstore::bench::WorkloadSpec& spec) {
  uint64_t n = 0;
  if (arg == "--type") {
    auto type = kstore::parse_keystore_type(value);
    if (!type || *type == kstore::KeystoreType::kCaseExactJks) return "unknown store type " + std::string(value);
    spec.type = kstore::format_of(*type);
  } else if (arg == "--password") {
    spec.password = std::string(value);
  } else if (arg == "--profile") {
    auto profile = kstore::parse_pkcs12_profile(value);
    if (!profile) return "unknown PKCS#12 profile " + std::string(value);
    spec.pkcs12_profile = *profile;
  } else if (!parse_count(value, &n)) {
    return "bad number for " + std::string(arg) + ": " + std::string(value);
  } else if (arg == "--keys") {
    spec.keys = n;
  } else if (arg == "--trusted") {
    spec.trusted = n;
  } else if (arg == "--key-pool") {
    if (n == 0) return "--key-pool must be at least 1";
    spec.key_pool = n;
  } else if (arg == "--rsa-bits") {
    if (n < 1024 || n > 16384) return "--rsa-bits must be 1024..16384";
    spec.rsa_bits = static_cast<int>(n);
  } else if (arg == "--jceks-iterations") {
    if (n == 0) return "--jceks-iterations must be at least 1";
    spec.jceks_iterations = n;
  } else {
    return "unknown option " + std::string(arg);
  }
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  kstore::bench::WorkloadSpec spec;
  std::string output;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (arg.size() > 2 && arg.substr(0, 2) == "--") {
      if (i + 1 >= argc) return usage_error("missing value for " + std::string(arg));
      const std::string_view value = argv[++i];
      if (std::string error = apply_option(arg, value, spec); !error.empty()) return usage_error(error);
      continue;
    }
    if (!output.empty()) return usage_error("more than one output file");
    output = std::string(arg);
  }
  if (output.empty()) return usage_error("no output file");

  auto file = kstore::bench::build_keystore_file(spec);
  if (!file.ok()) {
    std::fprintf(stderr, "kstore-gen: %s\n", file.status().to_string().c_str());
    return 1;
  }
  const kstore::Status written = kstore::write_file_atomic(output, *file, 0644);
  if (!written.ok()) {
    std::fprintf(stderr, "kstore-gen: %s\n", written.to_string().c_str());
    return 1;
  }
  std::fprintf(stderr, "kstore-gen: wrote %s: %s, %zu key entries, %zu trusted certificates, %zu bytes\n",
               output.c_str(), kstore::store_type_name(spec.type), spec.keys, spec.trusted, file->size());
  return 0;
}
