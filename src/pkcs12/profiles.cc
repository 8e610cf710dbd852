// PKCS#12 write profiles and the JDK's keystore.pkcs12.* properties.
// Defaults and property semantics: PKCS12KeyStore (JDK 25 source:
// defaultCertProtectionAlgorithm … string2IC, mapPBEAlgorithmToOID) and
// docs/formats.md, "PKCS#12: protection settings".
#include <map>

#include "kstore/java_string.h"
#include "kstore/pkcs12.h"
#include "pbe/iterations.h"
#include "pbe/pbe_encryption.h"

namespace kstore {
namespace {

constexpr char kPrefix[] = "keystore.pkcs12.";

// The PBE ciphers the JDK has by name, besides PBES2 (PKCS12KeyStore's
// mapPBEAlgorithmToOID), and the hashes and ciphers of its PBES2 names.
const PbeScheme kJdkFixedSchemes[] = {PbeScheme::kPbeWithSha1AndDesede,  PbeScheme::kPbeWithSha1AndRc2_40,
                                      PbeScheme::kPbeWithSha1AndRc2_128, PbeScheme::kPbeWithSha1AndRc4_40,
                                      PbeScheme::kPbeWithSha1AndRc4_128, PbeScheme::kPbeWithMd5AndDes};
const HashAlgorithm kShaHashes[] = {HashAlgorithm::kSha1,       HashAlgorithm::kSha224, HashAlgorithm::kSha256,
                                    HashAlgorithm::kSha384,     HashAlgorithm::kSha512, HashAlgorithm::kSha512_224,
                                    HashAlgorithm::kSha512_256};
const Pbes2Cipher kJdkPbes2Ciphers[] = {Pbes2Cipher::kAes128Cbc, Pbes2Cipher::kAes256Cbc};

// "SHA256": the hash's part of the JDK's HmacPBE…, PBEWithHmac… names.
const char* jdk_name(HashAlgorithm hash) {
  const std::optional<crypto::HashAlg> h = pbe::hash_alg(hash);
  return h ? pbe::jdk_hash_name(*h) : "?";
}

// A JDK Cipher name for a PBE algorithm (case-insensitive, as Cipher.getInstance).
Result<PbeEncryption> parse_cipher_name(std::string_view name) {
  for (PbeScheme scheme : kJdkFixedSchemes) {
    const PbeEncryption e{scheme};
    if (equals_ignore_ascii_case(name, pbe::pbe_algorithm_name(e))) return e;
  }
  // "PBEWithHmac<hash>AndAES_<128|256>": PBES2.
  for (HashAlgorithm hash : kShaHashes) {
    for (Pbes2Cipher cipher : kJdkPbes2Ciphers) {
      const PbeEncryption e{PbeScheme::kPbes2, hash, cipher};
      if (equals_ignore_ascii_case(name, pbe::pbe_algorithm_name(e))) return e;
    }
  }
  return Status::InvalidArgument("Cannot find any provider supporting ", name);
}

// Integer.parseInt, then 1..MAX_ITERATION_COUNT (PKCS12KeyStore.string2IC).
Result<uint64_t> parse_iteration_count(std::string_view type, std::string_view value) {
  std::string_view digits = value;
  bool negative = false;
  if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) {
    negative = digits[0] == '-';
    digits.remove_prefix(1);
  }
  int64_t number = 0;
  bool ok = !digits.empty();
  for (char c : digits) {
    if (c < '0' || c > '9' || number > 2147483648LL) {
      ok = false;
      break;
    }
    number = number * 10 + (c - '0');
  }
  if (negative) number = -number;
  if (!ok || number > 2147483647LL || number < -2147483648LL)
    return Status::InvalidArgument(kPrefix, type, " is not a number: ", value);
  // PKCS12KeyStore's MAX_ITERATION_COUNT is the default Limits' bound.
  if (number <= 0 || !pbe::check_iterations(static_cast<uint64_t>(number), Limits{}, type).ok())
    return Status::InvalidArgument("Invalid ", kPrefix, type, ": ", value);
  return static_cast<uint64_t>(number);
}

Status apply_mac_algorithm(std::string_view name, Pkcs12Protection& p) {
  if (equals_ignore_ascii_case(name, "NONE")) {
    p.mac.reset();
    return Status::Ok();
  }
  for (HashAlgorithm hash : kShaHashes) {
    if (equals_ignore_ascii_case(name, std::string("HmacPBE") + jdk_name(hash))) {
      p.mac = Pkcs12Mac{Pkcs12MacScheme::kHmacPbe, hash};
      return Status::Ok();
    }
    // JDK 26 (JDK-8343232) selects PBMAC1 with "PBEWithHmacSHA256" / "PBEWithHmacSHA512".
    if (equals_ignore_ascii_case(name, std::string("PBEWithHmac") + jdk_name(hash))) {
      p.mac = Pkcs12Mac{Pkcs12MacScheme::kPbmac1, hash};
      return Status::Ok();
    }
  }
  return Status::InvalidArgument("Algorithm ", name, " not available");
}

}  // namespace

const char* pkcs12_profile_name(Pkcs12Profile profile) {
  switch (profile) {
    case Pkcs12Profile::kModern: return "modern";
    case Pkcs12Profile::kLegacy: return "legacy";
    case Pkcs12Profile::kPbmac1: return "pbmac1";
    case Pkcs12Profile::kNone: return "none";
  }
  return "?";
}

std::optional<Pkcs12Profile> parse_pkcs12_profile(std::string_view name) {
  for (Pkcs12Profile p : {Pkcs12Profile::kModern, Pkcs12Profile::kLegacy, Pkcs12Profile::kPbmac1, Pkcs12Profile::kNone})
    if (equals_ignore_ascii_case(name, pkcs12_profile_name(p))) return p;
  return std::nullopt;
}

Pkcs12Protection pkcs12_profile_protection(Pkcs12Profile profile) {
  Pkcs12Protection p;  // the defaults are the modern profile
  switch (profile) {
    case Pkcs12Profile::kModern: break;
    case Pkcs12Profile::kLegacy:
      // LEGACY_CERT_PBE_ALGORITHM, LEGACY_KEY_PBE_ALGORITHM, LEGACY_PBE_ITERATION_COUNT,
      // LEGACY_MAC_ALGORITHM, LEGACY_MAC_ITERATION_COUNT.
      p.cert_encryption = PbeEncryption{PbeScheme::kPbeWithSha1AndRc2_40};
      p.key_encryption = PbeEncryption{PbeScheme::kPbeWithSha1AndDesede};
      p.cert_iterations = p.key_iterations = 50000;
      p.mac = Pkcs12Mac{Pkcs12MacScheme::kHmacPbe, HashAlgorithm::kSha1};
      p.mac_iterations = 100000;
      break;
    case Pkcs12Profile::kPbmac1:
      p.mac = Pkcs12Mac{Pkcs12MacScheme::kPbmac1, HashAlgorithm::kSha256};
      break;
    case Pkcs12Profile::kNone:
      p.cert_encryption.reset();
      p.mac.reset();
      break;
  }
  return p;
}

Result<Pkcs12Protection> pkcs12_protection_from_properties(
    std::span<const std::pair<std::string, std::string>> properties, const Pkcs12Protection& base) {
  std::map<std::string, std::string> set;  // later pairs override earlier ones
  bool legacy = false;
  for (const auto& [name, value] : properties) {
    if (name == "keystore.pkcs12.legacy") legacy = true;  // System.getProperty(...) != null
    set[name] = value;
  }
  if (legacy) return pkcs12_profile_protection(Pkcs12Profile::kLegacy);
  auto get = [&](const std::string& name) -> std::optional<std::string> {
    auto it = set.find(name);
    if (it == set.end() || it->second.empty()) return std::nullopt;
    return it->second;
  };
  Pkcs12Protection p = base;
  if (auto v = get("keystore.pkcs12.certProtectionAlgorithm")) {
    if (equals_ignore_ascii_case(*v, "NONE")) {
      p.cert_encryption.reset();
    } else {
      KS_ASSIGN_OR_RETURN(p.cert_encryption,
                          parse_cipher_name(*v).with_context("keystore.pkcs12.certProtectionAlgorithm"));
    }
  }
  std::optional<std::string> key_alg = get("keystore.pkcs12.keyProtectionAlgorithm");
  if (!key_alg) key_alg = get("keystore.PKCS12.keyProtectionAlgorithm");
  if (key_alg) {
    KS_ASSIGN_OR_RETURN(p.key_encryption,
                        parse_cipher_name(*key_alg).with_context("keystore.pkcs12.keyProtectionAlgorithm"));
  }
  if (auto v = get("keystore.pkcs12.macAlgorithm"))
    KS_TRY(apply_mac_algorithm(*v, p).with_context("keystore.pkcs12.macAlgorithm"));
  if (auto v = get("keystore.pkcs12.certPbeIterationCount")) {
    KS_ASSIGN_OR_RETURN(p.cert_iterations, parse_iteration_count("certPbeIterationCount", *v));
  }
  if (auto v = get("keystore.pkcs12.keyPbeIterationCount")) {
    KS_ASSIGN_OR_RETURN(p.key_iterations, parse_iteration_count("keyPbeIterationCount", *v));
  }
  if (auto v = get("keystore.pkcs12.macIterationCount")) {
    KS_ASSIGN_OR_RETURN(p.mac_iterations, parse_iteration_count("macIterationCount", *v));
  }
  return p;
}

SealParams pkcs12_seal_params(const Pkcs12Protection& protection) {
  SealParams params;
  params.pkcs12_encryption = protection.key_encryption;
  params.pkcs12_iterations = protection.key_iterations;
  return params;
}

std::string pkcs12_cert_algorithm_name(const Pkcs12Protection& p) {
  return p.cert_encryption ? pbe::pbe_algorithm_name(*p.cert_encryption) : "NONE";
}

std::string pkcs12_key_algorithm_name(const Pkcs12Protection& p) { return pbe::pbe_algorithm_name(p.key_encryption); }

std::string pkcs12_mac_algorithm_name(const Pkcs12Protection& p) {
  if (!p.mac) return "NONE";
  if (p.mac->scheme == Pkcs12MacScheme::kPbmac1) return std::string("PBMAC1 (Hmac") + jdk_name(p.mac->hash) + ")";
  return std::string("HmacPBE") + jdk_name(p.mac->hash);
}

}  // namespace kstore
