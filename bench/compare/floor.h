// The floor: what the cryptography a file format forces costs on this
// machine, measured in the same run as the commands. Written directly on
// OpenSSL's raw SHA compression functions and EVP digests, deliberately not
// on kstore's KDF code, so that kstore's own loops are measured against it
// and not against themselves.
#pragma once

#include <cstddef>

namespace kstore::compare {

struct FloorUnits {
  double pbkdf2_sha256_ms = 0;  // one PBKDF2-HMAC-SHA256 derivation, 10000 iterations, one output block
  double pkcs12_kdf_sha256_ms = 0;  // one PKCS#12 KDF SHA-256 derivation, 10000 iterations
  double sha1_ms_per_mib = 0;    // one SHA-1 pass (JKS / JCEKS integrity digest)
  double sha256_ms_per_mib = 0;  // one SHA-256 pass (PKCS#12 HMAC-SHA256 MAC)
};

// Medians of `reps` timings of each unit.
FloorUnits measure_floor_units(int reps);

// What one workload's output (and input) format forces.
struct FloorCount {
  double pbkdf2_sha256 = 0;
  double pkcs12_kdf_sha256 = 0;
  double sha1_bytes = 0;
  double sha256_bytes = 0;
};

double floor_ms(const FloorUnits& units, const FloorCount& count);

}  // namespace kstore::compare
