// kstore_fuzz_seedgen: turns keystores, certificates and kstool test cases
// into seed corpora for the fuzz targets, one directory per target. Run by
// tools/fuzz.sh into its work directory; nothing it writes is committed.
//
//   kstore_fuzz_seedgen OUT_DIR [--list FILE] [--cases CASES.tsv] [FILE…]
//
// --list names keystores with their passwords, one per line:
// "path<TAB>password<TAB>password…". Bare FILE arguments are tried with the
// default passwords only. Every keystore is copied as it is, and every one
// that opens with one of its passwords is also re-saved under the fuzz
// password (fuzz_common.h) in each format and PKCS#12 profile, with 1..100
// KDF iterations, so that the password-taking targets get past their
// integrity checks and KDF caps with seeds the fuzz limits accept.
// --cases reads testdata/fixtures/cases.tsv and writes each case's argument
// vector (NUL-separated) for fuzz_kstool_args.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_common.h"
#include "jks/sealed_object.h"
#include "kstore/pkcs12.h"
#include "kstore/sealing.h"
#include "kstore/x509.h"

namespace fs = std::filesystem;
using namespace kstore;

namespace {

const char* const kDefaultPasswords[] = {"changeit", "", "password", "12345678", "storepass1", "keypass22",
                                         "secretpass3", "keypass2", "test", "1234", "secret", "pass"};

class SeedWriter {
 public:
  explicit SeedWriter(fs::path root) : root_(std::move(root)) {}

  void add(const char* target, ByteView bytes) {
    if (bytes.empty() || bytes.size() > (1u << 20)) return;
    uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a, only to name and deduplicate files
    for (uint8_t b : bytes) h = (h ^ b) * 0x100000001b3ull;
    char name[32];
    std::snprintf(name, sizeof name, "%016llx", static_cast<unsigned long long>(h));
    const fs::path dir = root_ / target;
    fs::create_directories(dir);
    const fs::path path = dir / name;
    if (fs::exists(path)) return;
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    ++counts_[target];
  }

  void report() const {
    for (const auto& [target, n] : counts_) std::printf("  %-26s %zu seeds\n", target.c_str(), n);
  }

 private:
  fs::path root_;
  std::map<std::string, size_t> counts_;
};

Bytes read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct OpenKey {
  std::optional<Bytes> pkcs8;                  // private key in clear
  std::optional<SecretKeyMaterial> secret;     // secret key in clear
};

// Tries each password on the key; nullopt members when none works.
OpenKey open_key(const SealedKey& key, EntryType type, const std::vector<Password>& passwords) {
  OpenKey out;
  for (const Password& pw : passwords) {
    if (type == EntryType::kSecretKey) {
      Result<SecretKeyMaterial> k = unseal_secret_key(key, pw);
      if (k.ok()) {
        out.secret = std::move(k).value();
        return out;
      }
    } else {
      Result<SecretBytes> k = unseal_private_key(key, pw);
      if (k.ok()) {
        out.pkcs8 = to_bytes(*k);
        return out;
      }
    }
  }
  return out;
}

// The store in `type`, every key resealed under the fuzz password with
// `params`; entries whose key did not open, or that `type` cannot hold, are left out.
std::optional<Keystore> convert(const Keystore& source, const std::vector<OpenKey>& keys, StoreType type,
                                const SealParams& params) {
  Keystore out(type);
  for (size_t i = 0; i < source.size(); ++i) {
    Entry e = source.entries()[i];
    if (e.key) {
      const OpenKey& k = keys[i];
      Result<SealedKey> sealed = Status::NotFound("not opened");
      if (e.type == EntryType::kSecretKey && k.secret) {
        sealed = seal_secret_key(type, *k.secret, fuzz::fuzz_password(), params);
      } else if (e.type == EntryType::kPrivateKey && k.pkcs8) {
        sealed = seal_private_key(type, *k.pkcs8, fuzz::fuzz_password(), params);
      }
      if (!sealed.ok()) continue;
      e.key = std::move(sealed).value();
    }
    if (type != StoreType::kPkcs12) {
      e.format_details = {};
    }
    out.append(std::move(e));
  }
  if (out.size() == 0 && source.size() != 0) return std::nullopt;
  return out;
}

void add_saved(SeedWriter& seeds, const Keystore& store, std::initializer_list<const char*> targets) {
  Result<Bytes> saved = save_keystore(store, fuzz::fuzz_password());
  if (!saved.ok()) {
    std::fprintf(stderr, "    save as %s failed: %s\n", store_type_name(store.type()), saved.status().to_string().c_str());
    return;
  }
  for (const char* t : targets) seeds.add(t, *saved);
}

void add_certificate(SeedWriter& seeds, ByteView der) {
  seeds.add("fuzz_pem", der);
  seeds.add("fuzz_pem", as_bytes(x509::to_pem(der)));
  seeds.add("fuzz_der", der);
}

void add_keystore(SeedWriter& seeds, const fs::path& path, ByteView file, std::vector<std::string> passwords) {
  const std::optional<StoreType> type = detect_store_type(file);
  if (!type) return;
  switch (*type) {
    case StoreType::kJks:
      seeds.add("fuzz_jks", file);
      seeds.add("fuzz_jceks", file);
      break;
    case StoreType::kJceks:
      seeds.add("fuzz_jceks", file);
      break;
    case StoreType::kPkcs12:
      seeds.add("fuzz_pkcs12_nopass", file);
      seeds.add("fuzz_pkcs12_pass", file);
      seeds.add("fuzz_der", file);
      break;
  }
  seeds.add("fuzz_roundtrip", file);

  for (const char* d : kDefaultPasswords) passwords.emplace_back(d);
  std::vector<Password> candidates;
  for (const std::string& p : passwords) candidates.push_back(Password::from_utf8(p));

  std::optional<Keystore> store;
  for (const Password& pw : candidates) {
    Result<Keystore> loaded = load_keystore(file, &pw);
    if (loaded.ok()) {
      store = std::move(loaded).value();
      break;
    }
  }
  if (!store) {
    Result<Keystore> loaded = load_keystore(file, nullptr);  // still good for its certificates
    if (!loaded.ok()) {
      std::fprintf(stderr, "    %s: %s\n", path.c_str(), loaded.status().to_string().c_str());
      return;
    }
    for (const Entry& e : loaded->entries())
      for (const Certificate& c : e.chain) add_certificate(seeds, c.encoded);
    std::fprintf(stderr, "    %s: no known password, copied as it is\n", path.c_str());
    return;
  }

  std::vector<OpenKey> keys;
  for (const Entry& e : store->entries()) {
    for (const Certificate& c : e.chain) add_certificate(seeds, c.encoded);
    keys.push_back(e.key ? open_key(*e.key, e.type, candidates) : OpenKey{});
    const OpenKey& k = keys.back();
    if (k.pkcs8) seeds.add("fuzz_der", *k.pkcs8);
    if (e.key && e.key->protection == KeyProtection::kJceSealedObject) seeds.add("fuzz_java_serialization", e.key->encoded);
    if (k.secret) {
      Result<SecretBytes> inner = jks::write_secret_key_object(*k.secret);
      if (inner.ok()) seeds.add("fuzz_java_serialization", *inner);
    }
  }

  SealParams params;
  params.jceks_iterations = 10;
  params.pkcs12_iterations = 1;
  if (auto jks = convert(*store, keys, StoreType::kJks, params)) add_saved(seeds, *jks, {"fuzz_jks", "fuzz_roundtrip"});
  if (auto jceks = convert(*store, keys, StoreType::kJceks, params)) {
    add_saved(seeds, *jceks, {"fuzz_jceks", "fuzz_roundtrip"});
    for (const Entry& e : jceks->entries())
      if (e.key && e.key->protection == KeyProtection::kJceSealedObject) seeds.add("fuzz_java_serialization", e.key->encoded);
  }
  const std::vector<std::pair<Pkcs12Profile, uint64_t>> profiles = {
      {Pkcs12Profile::kModern, 1}, {Pkcs12Profile::kLegacy, 1}, {Pkcs12Profile::kPbmac1, 1},
      {Pkcs12Profile::kNone, 1},   {Pkcs12Profile::kModern, 100}};
  for (const auto& [profile, iterations] : profiles) {
    Pkcs12Protection protection = pkcs12_profile_protection(profile);
    protection.cert_iterations = protection.key_iterations = protection.mac_iterations = iterations;
    SealParams p12 = pkcs12_seal_params(protection);
    auto converted = convert(*store, keys, StoreType::kPkcs12, p12);
    if (!converted) continue;
    converted->pkcs12_protection() = protection;
    add_saved(seeds, *converted, {"fuzz_pkcs12_nopass", "fuzz_pkcs12_pass", "fuzz_roundtrip", "fuzz_der"});
    if (profile == Pkcs12Profile::kModern && iterations == 1) {
      // Certificates in clear under a MAC: mutations then reach the bag parsers.
      protection.cert_encryption.reset();
      converted->pkcs12_protection() = protection;
      add_saved(seeds, *converted, {"fuzz_pkcs12_nopass", "fuzz_pkcs12_pass", "fuzz_roundtrip"});
    }
  }
}

void add_file(SeedWriter& seeds, const fs::path& path, const std::vector<std::string>& passwords) {
  const Bytes file = read_file(path);
  if (file.empty()) return;
  if (detect_store_type(file)) {
    add_keystore(seeds, path, file, passwords);
    return;
  }
  Result<std::vector<Bytes>> certs = x509::parse_certificates(file);
  if (certs.ok()) {
    seeds.add("fuzz_pem", file);
    for (const Bytes& c : *certs) add_certificate(seeds, c);
    return;
  }
  if (!file.empty() && file[0] == 0x30) seeds.add("fuzz_der", file);  // PKCS#8 and other DER
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(line);
  while (std::getline(in, cur, '\t')) out.push_back(cur);
  if (!line.empty() && line.back() == '\t') out.emplace_back();
  return out;
}

void add_cases(SeedWriter& seeds, const fs::path& cases) {
  std::ifstream in(cases);
  std::string line;
  while (std::getline(in, line)) {
    const std::vector<std::string> fields = split_tabs(line);
    if (fields.size() < 5) continue;
    std::string args;
    for (size_t i = 4; i < fields.size(); ++i) {
      if (i > 4) args.push_back('\0');
      args += fields[i];
    }
    seeds.add("fuzz_kstool_args", as_bytes(args));
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s OUT_DIR [--list FILE] [--cases CASES.tsv] [FILE...]\n", argv[0]);
    return 2;
  }
  SeedWriter seeds(argv[1]);
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if ((arg == "--list" || arg == "--cases") && i + 1 < argc) {
      const fs::path file = argv[++i];
      if (arg == "--cases") {
        add_cases(seeds, file);
        continue;
      }
      std::ifstream in(file);
      std::string line;
      while (std::getline(in, line)) {
        std::vector<std::string> fields = split_tabs(line);
        if (fields.empty() || fields[0].empty()) continue;
        const fs::path path = fields[0];
        fields.erase(fields.begin());
        if (fs::is_regular_file(path)) add_file(seeds, path, fields);
      }
      continue;
    }
    if (fs::is_regular_file(arg)) add_file(seeds, arg, {});
  }
  seeds.report();
  return 0;
}
