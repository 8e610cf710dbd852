// PKCS#12 write settings: profiles named for the consumer, and the JDK's
// keystore.pkcs12.* security properties mapped onto the same settings
// (Pkcs12Protection, kstore/protection.h), which a save takes from
// Keystore::pkcs12_protection().
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "kstore/keystore.h"
#include "kstore/sealing.h"

namespace kstore {

enum class Pkcs12Profile : uint8_t {
  // What JDK 17+ writes: PBES2 PBKDF2-HmacSHA256 AES-256-CBC (20-byte salts,
  // keyLength present) for keys and certificates at 10000 iterations;
  // HmacPBESHA256 MAC, 10000 iterations, 20-byte salt.
  kModern,
  // What keytool -J-Dkeystore.pkcs12.legacy writes: keys PBEWithSHA1AndDESede,
  // certificates PBEWithSHA1AndRC2_40, both 50000 iterations; HmacPBESHA1
  // MAC at 100000. For consumers older than JDK 8u301 / 11.0.12 / OpenSSL 3.
  kLegacy,
  // Modern encryption with an RFC 9579 PBMAC1 MAC (PBKDF2-HmacSHA256 over the
  // UTF-8 password, HmacSHA256, 10000 iterations). JDK 26+ and OpenSSL 3.4+
  // only.
  kPbmac1,
  // No certificate encryption and no MAC, as keytool writes password-less
  // stores (certProtectionAlgorithm=NONE, macAlgorithm=NONE); keys stay
  // encrypted with their key passwords (modern algorithm).
  kNone,
};

const char* pkcs12_profile_name(Pkcs12Profile profile);  // "modern", "legacy", "pbmac1", "none"
std::optional<Pkcs12Profile> parse_pkcs12_profile(std::string_view name);
Pkcs12Protection pkcs12_profile_protection(Pkcs12Profile profile);

// Maps JDK properties (name, value), as given with -J-D…, onto a protection,
// starting from `base`. Honoured, with the JDK's meaning and validation:
//   keystore.pkcs12.legacy (present: the legacy profile, whatever else is set)
//   keystore.pkcs12.certProtectionAlgorithm  (a PBE cipher name, or NONE)
//   keystore.pkcs12.keyProtectionAlgorithm   (also keystore.PKCS12.keyProtectionAlgorithm)
//   keystore.pkcs12.macAlgorithm             (HmacPBESHA…, PBEWithHmacSHA… = PBMAC1 as in JDK 26, or NONE)
//   keystore.pkcs12.certPbeIterationCount, keyPbeIterationCount, macIterationCount (1..5000000)
// An empty value means "not set". Later pairs override earlier ones with the
// same name. Other names are ignored. Errors are kInvalidArgument with the
// JDK's wording ("Invalid keystore.pkcs12.macIterationCount: 0").
Result<Pkcs12Protection> pkcs12_protection_from_properties(
    std::span<const std::pair<std::string, std::string>> properties,
    const Pkcs12Protection& base = pkcs12_profile_protection(Pkcs12Profile::kModern));

// The SealParams that seal a new key the way `protection` says keys are
// sealed. A loaded store's protection names the algorithm of its first
// shrouded key; keytool seals the keys it adds with its configured default
// instead (pkcs12_protection_from_properties), so use that to match keytool.
SealParams pkcs12_seal_params(const Pkcs12Protection& protection);

// JDK names for -v output and messages: "PBEWithHmacSHA256AndAES_256",
// "PBEWithSHA1AndRC2_40", "HmacPBESHA256", "PBMAC1 (HmacSHA256)", "NONE".
std::string pkcs12_cert_algorithm_name(const Pkcs12Protection& protection);
std::string pkcs12_key_algorithm_name(const Pkcs12Protection& protection);
std::string pkcs12_mac_algorithm_name(const Pkcs12Protection& protection);

}  // namespace kstore
