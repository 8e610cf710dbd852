// Password-based encryption AlgorithmIdentifiers: parsing and writing.
// RFC 7292 Appendix C (pkcs-12PbeParams), RFC 8018 §6.1 / A.3 (PBEParameter),
// §6.2 / A.2 / A.4 / B.2 (PBKDF2-params, PBES2-params, cipher parameters).
#pragma once

#include <optional>
#include <string>

#include "crypto/crypto.h"
#include "der/reader.h"
#include "der/writer.h"
#include "kstore/bytes.h"
#include "kstore/status.h"
#include "pbe/known_algorithms.h"

namespace kstore::pbe {

// Everything needed to derive the key and run the cipher, with the values as
// the file states them so that an algorithm can be written back unchanged.
struct PbeAlgorithm {
  SchemeFamily family = SchemeFamily::kPbes2;
  Bytes oid;  // the outer OID: PBES2, or the PBES1 / PKCS#12 scheme
  Bytes salt;
  uint64_t iterations = 0;

  crypto::CipherAlg cipher = crypto::CipherAlg::kAes256Cbc;
  size_t key_len = 32;             // cipher key bytes to derive (16 for two-key 3DES before expansion)
  unsigned rc2_effective_bits = 0; // RC2 only
  bool two_key_3des = false;       // 1.2.840.113549.1.12.1.4: the derived K1 K2 are used as K1 K2 K1
  crypto::HashAlg kdf_hash = crypto::HashAlg::kSha1;  // PKCS#12 KDF / PBKDF1 hash, or the PBKDF2 PRF

  // PBES2 only.
  Bytes prf_oid;                    // empty when the file omits prf (DEFAULT hmacWithSHA1)
  bool key_length_present = false;  // PBKDF2-params keyLength; the JDK writes it, OpenSSL does not
  Bytes cipher_oid;
  Bytes iv;
};

// Parses a whole AlgorithmIdentifier TLV (DER or BER). Unknown schemes, PRFs
// and ciphers are kUnsupported naming the OID in dotted form.
Result<PbeAlgorithm> parse_pbe_algorithm(ByteView algorithm_identifier);

// Writes the AlgorithmIdentifier in the layout the JDK writes (docs/formats.md,
// "PKCS#12: encryption algorithms").
void write_pbe_algorithm(der::Writer& out, const PbeAlgorithm& alg);

// Reads an AlgorithmIdentifier whose parameters must be NULL or absent (PRFs,
// digests); returns the OID.
Result<ByteView> read_oid_with_optional_null(der::Reader& algorithm_identifier_contents);

}  // namespace kstore::pbe
