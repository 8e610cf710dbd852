// Helpers for the tests of kstool's write commands: scratch folders holding
// copies of the fixture keystores, and comparing two keystores entry by
// entry (aliases, types, certificate chains, key material).
#pragma once

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "kstool_run_util.h"
#include "kstore/java_string.h"
#include "kstore/keystore.h"
#include "kstore/pkcs12.h"
#include "kstore/sealing.h"

namespace kstool_test {

// The keystores of testdata/fixtures/stores the write cases start from.
inline const std::vector<std::string>& write_inputs() {
  static const std::vector<std::string> names = {"mixed.jks", "mixed.jceks", "mixed.p12",   "basic.jks",
                                                 "trust.jks", "many.jks",    "empty.jks",   "zero.bin",
                                                 "garbage.bin", "weak.jks",  "passwordless.p12"};
  return names;
}

// The keystores testdata/secret/make.sh copies into each case's folder.
inline const std::vector<std::string>& secret_inputs() {
  static const std::vector<std::string> names = {
      "mixed.jks",          "mixed.jceks",        "mixed.p12", "legacy.p12", "openssl_aes.p12", "openssl_legacy.p12",
      "openssl_nokeys.p12", "openssl_nomac.p12", "empty.p12", "zero.bin",   "garbage.bin"};
  return names;
}

inline void write_bytes(const std::string& path, const std::string& bytes, mode_t mode = 0644) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  out.close();
  ::chmod(path.c_str(), mode);
}

// A fresh folder under $TMPDIR (or /tmp), removed with its content.
class ScratchDir {
 public:
  ScratchDir() {
    const char* tmp = std::getenv("TMPDIR");
    std::string tmpl = std::string(tmp ? tmp : "/tmp") + "/kstool_write_XXXXXX";
    path_ = ::mkdtemp(tmpl.data()) ? tmpl : "";
  }
  ~ScratchDir() {
    if (!path_.empty()) std::system(("rm -rf '" + path_ + "'").c_str());
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// The regular files directly in `dir`, by name, with their bytes.
inline std::map<std::string, std::string> snapshot(const std::string& dir) {
  std::map<std::string, std::string> files;
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return files;
  while (dirent* ent = ::readdir(d)) {
    const std::string name = ent->d_name;
    struct stat st {};
    if (::stat((dir + "/" + name).c_str(), &st) == 0 && S_ISREG(st.st_mode))
      files[name] = kstore::testing::file_text(dir + "/" + name);
  }
  ::closedir(d);
  return files;
}

// Names of the files created or changed between two snapshots.
inline std::set<std::string> changed_files(const std::map<std::string, std::string>& before,
                                           const std::map<std::string, std::string>& after) {
  std::set<std::string> changed;
  for (const auto& [name, bytes] : after) {
    auto it = before.find(name);
    if (it == before.end() || it->second != bytes) changed.insert(name);
  }
  return changed;
}

// What an entry holds, in a form two keystores can be compared by.
struct EntryContent {
  kstore::EntryType type;
  std::vector<std::string> chain;  // DER of each certificate
  std::string key;                 // PKCS#8, or "<algorithm>:" + raw secret key bytes
  bool operator==(const EntryContent&) const = default;
};

inline std::string to_string(kstore::ByteView v) { return std::string(reinterpret_cast<const char*>(v.data()), v.size()); }

// How secret keys are compared: byte for byte, or (keys generated at
// random, which differ from run to run) by algorithm and length only;
// password entries (PBE…) are always compared byte for byte.
enum class SecretKeys { kExact, kShape };

inline std::string secret_key_text(const kstore::SecretKeyMaterial& k, SecretKeys mode) {
  if (mode == SecretKeys::kShape && !k.algorithm.starts_with("PBE"))
    return k.algorithm + ": " + std::to_string(k.key.size()) + " bytes";
  return k.algorithm + ":" + to_string(k.key.view());
}

// Loads `bytes` with `password` and opens every key with the first of
// `key_passwords` that works. An error text instead when it cannot.
inline std::string describe_store(const std::string& bytes, const std::string& password,
                                  const std::vector<std::string>& key_passwords,
                                  std::map<std::string, EntryContent>& out, SecretKeys mode = SecretKeys::kExact) {
  kstore::ByteView view(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  const kstore::Password store_password = kstore::Password::from_utf8(password);
  kstore::Result<kstore::Keystore> ks = kstore::load_keystore(view, &store_password);
  if (!ks.ok()) return "cannot load: " + ks.status().message();
  for (const kstore::Entry& e : ks->entries()) {
    if (!e.visible_to_jdk) continue;
    EntryContent c{e.type, {}, {}};
    for (const kstore::Certificate& cert : e.chain) c.chain.push_back(to_string(cert.encoded));
    if (e.key) {
      bool opened = false;
      for (const std::string& kp : key_passwords) {
        const kstore::Password p = kstore::Password::from_utf8(kp);
        const bool secret = e.key->protection == kstore::KeyProtection::kJceSealedObject ||
                            (e.key->protection == kstore::KeyProtection::kPkcs12Shrouded &&
                             e.type == kstore::EntryType::kSecretKey);
        if (secret) {
          kstore::Result<kstore::SecretKeyMaterial> k = kstore::unseal_secret_key(*e.key, p);
          if (!k.ok()) continue;
          c.key = secret_key_text(*k, mode);
        } else {
          kstore::Result<kstore::SecretBytes> k = kstore::unseal_private_key(*e.key, p);
          if (!k.ok()) continue;
          c.key = to_string(k->view());
        }
        opened = true;
        break;
      }
      if (!opened) return "cannot open the key of <" + e.alias + ">";
    }
    const std::string alias =
        ks->type() == kstore::StoreType::kPkcs12 ? kstore::java_lower_case(e.alias) : e.alias;
    out[alias] = std::move(c);
  }
  // The format, and for PKCS#12 the algorithms and iteration counts of the
  // container (certificates, first key, MAC), compared like an entry. The
  // certificates' only where the JDK sees certificates: keytool drops the
  // ones it does not see and kstool keeps them (in clear when they were),
  // which leaves nothing to compare (case sp_nomac_p12_nonascii_new).
  std::vector<std::string> format = {kstore::store_type_name(ks->type())};
  const bool jdk_sees_certificates = std::any_of(ks->entries().begin(), ks->entries().end(), [](const kstore::Entry& e) {
    return e.visible_to_jdk && !e.chain.empty();
  });
  if (const auto& p = ks->pkcs12_protection()) {
    if (jdk_sees_certificates)
      format.push_back(kstore::pkcs12_cert_algorithm_name(*p) + " " + std::to_string(p->cert_iterations));
    format.push_back(kstore::pkcs12_key_algorithm_name(*p) + " " + std::to_string(p->key_iterations));
    format.push_back(kstore::pkcs12_mac_algorithm_name(*p) + " " + std::to_string(p->mac_iterations));
  }
  out["<format>"] = EntryContent{kstore::EntryType::kTrustedCert, format, {}};
  return "";
}

// Empty when both keystores hold the same entries; else what differs.
inline std::string compare_stores(const std::string& expected, const std::string& actual, const std::string& password,
                                  const std::vector<std::string>& key_passwords, SecretKeys mode = SecretKeys::kExact) {
  std::map<std::string, EntryContent> want, got;
  std::string err = describe_store(expected, password, key_passwords, want, mode);
  if (!err.empty()) return "expected store: " + err;
  err = describe_store(actual, password, key_passwords, got, mode);
  if (!err.empty()) return "actual store: " + err;
  std::ostringstream diff;
  for (const auto& [alias, c] : want) {
    auto it = got.find(alias);
    if (it == got.end()) {
      diff << "missing <" << alias << ">; ";
      continue;
    }
    if (it->second.type != c.type) diff << "<" << alias << "> type differs; ";
    if (it->second.chain != c.chain) diff << "<" << alias << "> chain differs; ";
    if (it->second.key != c.key) diff << "<" << alias << "> key differs; ";
  }
  for (const auto& [alias, c] : got)
    if (!want.count(alias)) diff << "extra <" << alias << ">; ";
  return diff.str();
}

}  // namespace kstool_test
