// Synthetic keystores for benchmarks and for tools/kstore-gen: written by
// kstore itself, so producing a workload needs no JVM. Keys and certificates
// are made with OpenSSL's EVP API.
//
// Private-key entries share a small pool of RSA keys (key generation is the
// slow part) and differ by alias and creation time; every key in the pool is
// sealed once and its sealed bytes are reused, which is what keeps a
// 1,000-entry JCEKS store (200,000 MD5 iterations per seal) quick to build.
// Trusted-certificate entries are distinct EC P-256 self-signed certificates
// (one EC key, a different subject and serial for each).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kstore/bytes.h"
#include "kstore/keystore.h"
#include "kstore/pkcs12.h"
#include "kstore/status.h"

namespace kstore::bench {

struct KeyMaterial {
  SecretBytes pkcs8;  // PrivateKeyInfo DER
  Bytes cert;         // self-signed X.509 DER, SHA256withRSA
};

// A fresh RSA key with a self-signed certificate (CN=<common_name>).
Result<KeyMaterial> generate_rsa_key(int bits, const std::string& common_name);

// `count` distinct self-signed EC P-256 certificates (CN=trusted-<i>,
// serial i+1), all under one key. Results are cached per process, so asking
// again (for the same or a smaller count) costs nothing.
Result<std::vector<Bytes>> generate_trusted_certs(size_t count);

struct WorkloadSpec {
  StoreType type = StoreType::kPkcs12;
  size_t keys = 0;           // private-key entries "key-<i>"
  size_t trusted = 0;        // trusted-certificate entries "trusted-<i>"
  std::string password = "changeit";  // store password, also every key's password (keytool's default)
  size_t key_pool = 1;       // distinct RSA keys the key entries cycle through
  int rsa_bits = 2048;
  // PKCS#12 only: how the store and its keys are protected.
  Pkcs12Profile pkcs12_profile = Pkcs12Profile::kModern;
  // JCEKS only: PBEWithMD5AndTripleDES iterations for the sealed keys.
  uint64_t jceks_iterations = 200000;
  // Creation time of entry i is base + i ms (distinct "Time …" localKeyIds).
  int64_t creation_time_base_ms = 1'700'000'000'000;
};

// The store in memory. RSA keys in the pool are generated once per process
// and reused across calls with the same rsa_bits.
Result<Keystore> build_keystore(const WorkloadSpec& spec);

// build_keystore, then save_keystore with spec.password.
Result<Bytes> build_keystore_file(const WorkloadSpec& spec);

}  // namespace kstore::bench
