// How PKCS#12 protects keys, certificates and the whole store, as typed
// settings: the password-based encryption schemes (RFC 7292 Appendix C,
// RFC 8018 §6), the PBES2 PRFs and ciphers, and the integrity MAC (RFC 7292
// §4, RFC 9579 PBMAC1). kstore maps each value to its OID; a file's
// algorithm that kstore does not know is refused when it is read, so every
// loaded store's protection has a value here.
#pragma once

#include <cstdint>
#include <optional>

namespace kstore {

// The hash of a classic MAC, or the HMAC of PBKDF2 (PBES2, PBMAC1).
enum class HashAlgorithm : uint8_t { kMd5, kSha1, kSha224, kSha256, kSha384, kSha512, kSha512_224, kSha512_256 };

// Password-based encryption schemes, by their JDK names where the JDK has one.
enum class PbeScheme : uint8_t {
  kPbes2,                     // 1.2.840.113549.1.5.13: PBKDF2 and a CBC cipher (below)
  kPbeWithSha1AndDesede,      // 1.2.840.113549.1.12.1.3 pbeWithSHAAnd3-KeyTripleDES-CBC
  kPbeWithSha1And2KeyDesede,  // 1.2.840.113549.1.12.1.4 pbeWithSHAAnd2-KeyTripleDES-CBC (no JDK cipher)
  kPbeWithSha1AndRc2_128,     // 1.2.840.113549.1.12.1.5 pbeWithSHAAnd128BitRC2-CBC
  kPbeWithSha1AndRc2_40,      // 1.2.840.113549.1.12.1.6 pbeWithSHAAnd40BitRC2-CBC
  kPbeWithSha1AndRc4_128,     // 1.2.840.113549.1.12.1.1 pbeWithSHAAnd128BitRC4
  kPbeWithSha1AndRc4_40,      // 1.2.840.113549.1.12.1.2 pbeWithSHAAnd40BitRC4
  kPbeWithMd5AndDes,          // 1.2.840.113549.1.5.3 pbeWithMD5AndDES-CBC (PBES1)
  kPbeWithMd5AndRc2,          // 1.2.840.113549.1.5.6 pbeWithMD5AndRC2-CBC (PBES1)
  kPbeWithSha1AndDes,         // 1.2.840.113549.1.5.10 pbeWithSHA1AndDES-CBC (PBES1)
  kPbeWithSha1AndRc2,         // 1.2.840.113549.1.5.11 pbeWithSHA1AndRC2-CBC (PBES1)
};

// PBES2 encryption schemes (RFC 8018 B.2). kstore reads all of them and
// writes all but RC2.
enum class Pbes2Cipher : uint8_t { kAes128Cbc, kAes192Cbc, kAes256Cbc, kDesEde3Cbc, kDesCbc, kRc2Cbc };

// How keys or certificates are encrypted. The defaults are what JDK 17+
// writes: PBES2 with PBKDF2-HmacSHA256 and AES-256-CBC.
struct PbeEncryption {
  PbeScheme scheme = PbeScheme::kPbes2;
  HashAlgorithm prf = HashAlgorithm::kSha256;    // PBES2 only: PBKDF2-Hmac<prf>
  Pbes2Cipher cipher = Pbes2Cipher::kAes256Cbc;  // PBES2 only
};

enum class Pkcs12MacScheme : uint8_t {
  kHmacPbe,  // RFC 7292: HMAC keyed by the PKCS#12 KDF ("HmacPBESHA256")
  kPbmac1,   // RFC 9579: HMAC keyed by PBKDF2 over the UTF-8 password (JDK 26+, OpenSSL 3.4+)
};

// The integrity MAC over the whole store. The defaults are JDK 17+'s.
struct Pkcs12Mac {
  Pkcs12MacScheme scheme = Pkcs12MacScheme::kHmacPbe;
  HashAlgorithm hash = HashAlgorithm::kSha256;  // the digest; with PBMAC1, PBKDF2's PRF and the MAC alike
};

// PKCS#12 protection settings, as read from a file (the JDK reuses them when
// it stores the same keystore again) or chosen for a new one. Iteration
// counts stay set when their algorithm is NONE, as the JDK's properties do.
struct Pkcs12Protection {
  std::optional<PbeEncryption> cert_encryption = PbeEncryption{};  // nullopt: NONE, certificates in clear
  uint64_t cert_iterations = 10000;
  PbeEncryption key_encryption;
  uint64_t key_iterations = 10000;
  std::optional<Pkcs12Mac> mac = Pkcs12Mac{};  // nullopt: NONE, no MacData
  uint64_t mac_iterations = 10000;
};

}  // namespace kstore
