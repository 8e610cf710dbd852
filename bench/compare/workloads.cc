// Workload definitions. Every store uses the password "changeit" for the
// store and its keys, so that neither tool prompts. PKCS#12 stores use the
// JDK 17 defaults (the `modern` profile): PBES2 PBKDF2-HMAC-SHA256 with
// 10000 iterations for each key and for the certificate safe, and an
// HmacPBESHA256 MAC (PKCS#12 KDF SHA-256, 10000 iterations).
#include "workloads.h"

#include <cstdio>
#include <filesystem>

#include "kstore/file.h"
#include "kstore/keystore.h"
#include "workload.h"

namespace kstore::compare {
namespace {

namespace fs = std::filesystem;

constexpr char kSystemCacerts[] = "/etc/ssl/certs/java/cacerts";

struct Input {
  const char* file;
  StoreType type;
  size_t keys;
  size_t trusted;
};

constexpr Input kInputs[] = {
    {"one.jks", StoreType::kJks, 1, 0},
    {"keys1.jks", StoreType::kJks, 1, 0},
    {"keys100.jks", StoreType::kJks, 100, 0},
    {"keys1000.jks", StoreType::kJks, 1000, 0},
    {"keys1000.p12", StoreType::kPkcs12, 1000, 0},
    {"trusted10000.jks", StoreType::kJks, 0, 10000},
};

std::vector<std::string> store_args(const char* command) {
  return {command, "-keystore", "{in}", "-storepass", "changeit"};
}

std::vector<std::string> import_args() {
  return {"-importkeystore", "-srckeystore", "{in}", "-srcstorepass", "changeit", "-destkeystore", "{out}",
          "-deststoretype", "PKCS12", "-deststorepass", "changeit", "-noprompt"};
}

double file_size(const std::string& path) {
  std::error_code ec;
  const auto n = fs::file_size(path, ec);
  return ec ? 0 : static_cast<double>(n);
}

// Bytes of the certificates -list fingerprints: the first of each entry.
double listed_certificate_bytes(const std::string& path) {
  Result<Bytes> file = read_file(path);
  if (!file.ok()) return 0;
  Result<Keystore> store = load_keystore(*file, nullptr, {});
  if (!store.ok()) return 0;
  double n = 0;
  for (const Entry& e : store->entries())
    if (!e.chain.empty()) n += static_cast<double>(e.chain[0].encoded.size());
  return n;
}

}  // namespace

Status generate_inputs(const std::string& dir, bool quiet) {
  for (const Input& in : kInputs) {
    const std::string path = dir + "/" + in.file;
    if (fs::exists(path)) continue;
    bench::WorkloadSpec spec;
    spec.type = in.type;
    spec.keys = in.keys;
    spec.trusted = in.trusted;
    KS_ASSIGN_OR_RETURN(Bytes file, bench::build_keystore_file(spec));
    KS_TRY(write_file_atomic(path, file, 0644));
    if (!quiet) std::fprintf(stderr, "generated %s (%zu bytes)\n", path.c_str(), file.size());
  }
  const std::string cacerts = dir + "/cacerts";
  if (!fs::exists(cacerts)) {
    if (fs::exists(kSystemCacerts)) {
      fs::copy_file(kSystemCacerts, cacerts);
      if (!quiet) std::fprintf(stderr, "copied %s\n", kSystemCacerts);
    } else {
      bench::WorkloadSpec spec;
      spec.type = StoreType::kJks;
      spec.trusted = 150;
      KS_ASSIGN_OR_RETURN(Bytes file, bench::build_keystore_file(spec));
      KS_TRY(write_file_atomic(cacerts, file, 0644));
      if (!quiet) std::fprintf(stderr, "generated %s (150 certificates; no system cacerts)\n", cacerts.c_str());
    }
  }
  return Status::Ok();
}

std::vector<Workload> all_workloads() {
  std::vector<Workload> w;
  w.push_back({"list, 1-entry JKS", "one.jks", store_args("-list")});
  w.push_back({"list, cacerts", "cacerts", store_args("-list")});
  auto verbose = store_args("-list");
  verbose.push_back("-v");
  w.push_back({"list -v, cacerts", "cacerts", verbose});
  for (const char* input : {"keys1000.jks", "keys1000.p12"}) {
    auto rename = store_args("-changealias");
    rename.insert(rename.end(), {"-alias", "key-500", "-destalias", "renamed", "-keypass", "changeit"});
    w.push_back({std::string("changealias, 1000-key ") + (input[9] == 'j' ? "JKS" : "PKCS12"), input, rename, true});
    auto remove = store_args("-delete");
    remove.insert(remove.end(), {"-alias", "key-500"});
    w.push_back({std::string("delete, 1000-key ") + (input[9] == 'j' ? "JKS" : "PKCS12"), input, remove, true});
  }
  for (const char* input : {"keys1.jks", "keys100.jks", "keys1000.jks"}) {
    const std::string n = std::string(input).substr(4, std::string(input).size() - 8);
    w.push_back({"importkeystore JKS->PKCS12, " + n + " keys", input, import_args(), true});
    if (n != "1") {
      Workload one_worker{"importkeystore JKS->PKCS12, " + n + " keys, 1 worker", input, import_args(), true, "1"};
      w.push_back(one_worker);
    }
  }
  w.back().slow_for_keytool = true;
  w.push_back({"importkeystore JKS->PKCS12, 10000 trusted", "trusted10000.jks", import_args(), true, "", {}, true});
  auto pick = import_args();
  pick.insert(pick.end(), {"-srcalias", "key-500"});
  w.push_back({"importkeystore -srcalias, 1 of 1000", "keys1000.jks", pick, true});
  w.push_back({"list, 10000 trusted JKS", "trusted10000.jks", store_args("-list"), false, "", {}, true});
  return w;
}

void fill_floor_counts(std::vector<Workload>& workloads, const std::string& dir) {
  for (Workload& w : workloads) {
    const double in = file_size(dir + "/" + w.input);
    const bool pkcs12_in = w.input.ends_with(".p12");
    const bool import = w.args.front() == "-importkeystore";
    FloorCount& f = w.floor;
    // The integrity pass over a whole file of the input's size; a PKCS#12
    // store also derives its MAC key and its certificate safe's key.
    auto integrity_pass = [&] {
      if (pkcs12_in) {
        f.sha256_bytes += in;
        f.pkcs12_kdf_sha256 += 1;
        f.pbkdf2_sha256 += 1;
      } else {
        f.sha1_bytes += in;
      }
    };
    integrity_pass();  // reading
    // -list prints a SHA-256 fingerprint of every entry's certificate: the
    // output asks for that hash whoever computes it.
    if (w.args.front() == "-list") f.sha256_bytes += listed_certificate_bytes(dir + "/" + w.input);
    // Rewriting a store in place: the same again for the new file.
    if (w.writes && !import) integrity_pass();
    // Importing into PKCS#12: each imported key is sealed anew (one PBKDF2),
    // then the certificate safe and the MAC (output about the input's size).
    if (import) {
      double keys = 0;
      if (w.input == "keys1.jks") keys = 1;
      if (w.input == "keys100.jks") keys = 100;
      if (w.input == "keys1000.jks") keys = 1000;
      for (const std::string& a : w.args)
        if (a == "-srcalias") keys = 1;
      f.pbkdf2_sha256 += keys + 1;
      f.pkcs12_kdf_sha256 += 1;
      f.sha256_bytes += keys == 1 && w.input == "keys1000.jks" ? in / 1000 : in;
    }
  }
}

}  // namespace kstore::compare
