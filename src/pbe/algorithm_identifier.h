// Password-based encryption AlgorithmIdentifiers: parsing, writing and naming.
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

namespace kstore::pbe {

enum class PbeScheme : uint8_t {
  kPkcs12,  // pbeWithSHAAnd…: PKCS#12 KDF (SHA-1) over the BMPString password
  kPbes1,   // pbeWithMD5AndDES-CBC and friends: PBKDF1
  kPbes2,   // PBKDF2 + a CBC cipher
};

// Everything needed to derive the key and run the cipher, with the values as
// the file states them so that an algorithm can be written back unchanged.
struct PbeAlgorithm {
  PbeScheme scheme = PbeScheme::kPbes2;
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

// Writes the AlgorithmIdentifier in the layout the JDK writes (keystore-formats.md §3.8).
void write_pbe_algorithm(der::Writer& out, const PbeAlgorithm& alg);

// Builds an algorithm for encryption from OIDs, with a fresh salt (and IV).
// The caller has checked `iterations` (pbe::check_iterations_to_write).
// `prf_oid` and `cipher_oid` are read only for PBES2 (empty: HmacSHA256 / AES-256-CBC).
Result<PbeAlgorithm> new_pbe_algorithm(const crypto::Backend& backend, ByteView oid, ByteView prf_oid,
                                       ByteView cipher_oid, uint64_t iterations, size_t salt_len);

// The JDK's name where it has one ("PBEWithSHA1AndDESede",
// "PBEWithHmacSHA256AndAES_256"), otherwise a descriptive one
// ("PBES2 (PBKDF2-HmacSHA1, DES-EDE3-CBC)"). For messages and -v output.
std::string pbe_algorithm_name(const PbeAlgorithm& alg);
std::string pbe_algorithm_name(ByteView oid, ByteView prf_oid, ByteView cipher_oid);

// Digest OIDs (as in the classic PKCS#12 MacData) and HMAC OIDs (PBKDF2 PRF, PBMAC1).
std::optional<crypto::HashAlg> hash_for_digest_oid(ByteView oid);
ByteView digest_oid(crypto::HashAlg hash);
std::optional<crypto::HashAlg> hash_for_hmac_oid(ByteView oid);
ByteView hmac_oid(crypto::HashAlg hash);
// "SHA1", "SHA256", "SHA512/224": the suffix of the JDK's HmacPBE… and HmacSHA… names.
const char* jdk_hash_name(crypto::HashAlg hash);

// Reads an AlgorithmIdentifier whose parameters must be NULL or absent (PRFs,
// digests); returns the OID.
Result<ByteView> read_oid_with_optional_null(der::Reader& algorithm_identifier_contents);

}  // namespace kstore::pbe
