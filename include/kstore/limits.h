// What input may demand of kstore, in one place. Every count, length and
// iteration number read from a file is checked against these before it sizes
// or costs anything.
#pragma once

#include <cstddef>
#include <cstdint>

namespace kstore {

struct Limits {
  // Password-based KDF iterations per derivation. The JDK refuses more than
  // 5,000,000 for PKCS#12 MACs, PBE ciphers and JCEKS (PKCS12KeyStore, JceKeyStore).
  uint64_t max_kdf_iterations = 5'000'000;
  // Whole keystore file.
  size_t max_file_size = size_t{1} << 30;
  // Entries in one store, and certificates in one chain.
  uint32_t max_entries = 1'000'000;
  uint32_t max_chain_length = 1'000;
  // Java serialization (JCEKS secret keys): nesting and objects per stream.
  int max_serialization_depth = 16;
  uint32_t max_serialization_objects = 64;
};

}  // namespace kstore
