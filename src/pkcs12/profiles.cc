// PKCS#12 write profiles and the JDK's keystore.pkcs12.* properties.
// Defaults and property semantics: PKCS12KeyStore (JDK 25 source:
// defaultCertProtectionAlgorithm … string2IC, mapPBEAlgorithmToOID) and
// keystore-formats.md §3.11.
#include <map>

#include "der/reader.h"
#include "kstore/java_string.h"
#include "kstore/pkcs12.h"
#include "pbe/algorithm_identifier.h"
#include "pbe/pbe_oids.h"

namespace kstore {
namespace {

namespace oid = pbe::oid;
using crypto::HashAlg;

constexpr uint64_t kMaxIterationCount = 5'000'000;  // PKCS12KeyStore.MAX_ITERATION_COUNT
constexpr char kPrefix[] = "keystore.pkcs12.";

Bytes b(ByteView v) { return to_bytes(v); }

void set_modern_pbes2(Bytes& alg, Bytes& prf, Bytes& cipher) {
  alg = b(oid::kPbes2);
  prf = b(oid::kHmacWithSha256);
  cipher = b(oid::kAes256Cbc);
}

const HashAlg kShaHashes[] = {HashAlg::kSha1,   HashAlg::kSha224,     HashAlg::kSha256,    HashAlg::kSha384,
                              HashAlg::kSha512, HashAlg::kSha512_224, HashAlg::kSha512_256};

// A JDK Cipher name for a PBE algorithm (case-insensitive, as Cipher.getInstance).
Status parse_cipher_name(std::string_view name, Bytes& alg, Bytes& prf, Bytes& cipher) {
  struct Fixed {
    const char* name;
    ByteView oid;
  };
  static const Fixed kFixed[] = {
      {"PBEWithSHA1AndDESede", oid::kPbeWithSha1And3KeyTripleDesCbc},
      {"PBEWithSHA1AndRC2_40", oid::kPbeWithSha1AndRc2_40Cbc},
      {"PBEWithSHA1AndRC2_128", oid::kPbeWithSha1AndRc2_128Cbc},
      {"PBEWithSHA1AndRC4_40", oid::kPbeWithSha1AndRc4_40},
      {"PBEWithSHA1AndRC4_128", oid::kPbeWithSha1AndRc4_128},
      {"PBEWithMD5AndDES", oid::kPbeWithMd5AndDesCbc},
  };
  for (const Fixed& f : kFixed) {
    if (equals_ignore_ascii_case(name, f.name)) {
      alg = b(f.oid);
      prf.clear();
      cipher.clear();
      return Status::Ok();
    }
  }
  // "PBEWithHmac<hash>AndAES_<128|256>": PBES2 (mapPBEAlgorithmToOID).
  for (HashAlg h : kShaHashes) {
    for (const auto& [suffix, cipher_oid] :
         {std::pair<const char*, ByteView>{"AES_128", oid::kAes128Cbc}, {"AES_256", oid::kAes256Cbc}}) {
      if (equals_ignore_ascii_case(name, std::string("PBEWithHmac") + pbe::jdk_hash_name(h) + "And" + suffix)) {
        alg = b(oid::kPbes2);
        prf = b(pbe::hmac_oid(h));
        cipher = b(cipher_oid);
        return Status::Ok();
      }
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
  if (number <= 0 || static_cast<uint64_t>(number) > kMaxIterationCount)
    return Status::InvalidArgument("Invalid ", kPrefix, type, ": ", value);
  return static_cast<uint64_t>(number);
}

Status apply_mac_algorithm(std::string_view name, Pkcs12Protection& p) {
  if (equals_ignore_ascii_case(name, "NONE")) {
    p.has_mac = false;
    p.mac_digest.clear();
    p.mac_pbmac1 = false;
    return Status::Ok();
  }
  for (HashAlg h : kShaHashes) {
    if (equals_ignore_ascii_case(name, std::string("HmacPBE") + pbe::jdk_hash_name(h))) {
      p.has_mac = true;
      p.mac_pbmac1 = false;
      p.mac_digest = b(pbe::digest_oid(h));
      p.mac_pbmac1_prf.clear();
      return Status::Ok();
    }
    // JDK 26 (JDK-8343232) selects PBMAC1 with "PBEWithHmacSHA256" / "PBEWithHmacSHA512".
    if (equals_ignore_ascii_case(name, std::string("PBEWithHmac") + pbe::jdk_hash_name(h))) {
      p.has_mac = true;
      p.mac_pbmac1 = true;
      p.mac_digest.clear();
      p.mac_pbmac1_prf = b(pbe::hmac_oid(h));
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
  Pkcs12Protection p;
  set_modern_pbes2(p.cert_algorithm, p.cert_pbes2_prf, p.cert_pbes2_cipher);
  set_modern_pbes2(p.key_algorithm, p.key_pbes2_prf, p.key_pbes2_cipher);
  p.cert_iterations = p.key_iterations = p.mac_iterations = 10000;
  p.has_mac = true;
  p.mac_digest = b(oid::kSha256);
  switch (profile) {
    case Pkcs12Profile::kModern: break;
    case Pkcs12Profile::kLegacy:
      // LEGACY_CERT_PBE_ALGORITHM, LEGACY_KEY_PBE_ALGORITHM, LEGACY_PBE_ITERATION_COUNT,
      // LEGACY_MAC_ALGORITHM, LEGACY_MAC_ITERATION_COUNT.
      p.cert_algorithm = b(oid::kPbeWithSha1AndRc2_40Cbc);
      p.cert_pbes2_prf.clear();
      p.cert_pbes2_cipher.clear();
      p.key_algorithm = b(oid::kPbeWithSha1And3KeyTripleDesCbc);
      p.key_pbes2_prf.clear();
      p.key_pbes2_cipher.clear();
      p.cert_iterations = p.key_iterations = 50000;
      p.mac_digest = b(oid::kSha1);
      p.mac_iterations = 100000;
      break;
    case Pkcs12Profile::kPbmac1:
      p.mac_digest.clear();
      p.mac_pbmac1 = true;
      p.mac_pbmac1_prf = b(oid::kHmacWithSha256);
      break;
    case Pkcs12Profile::kNone:
      p.cert_algorithm.clear();
      p.cert_pbes2_prf.clear();
      p.cert_pbes2_cipher.clear();
      p.has_mac = false;
      p.mac_digest.clear();
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
      p.cert_algorithm.clear();
      p.cert_pbes2_prf.clear();
      p.cert_pbes2_cipher.clear();
    } else {
      KS_TRY(parse_cipher_name(*v, p.cert_algorithm, p.cert_pbes2_prf, p.cert_pbes2_cipher)
                 .with_context("keystore.pkcs12.certProtectionAlgorithm"));
    }
  }
  std::optional<std::string> key_alg = get("keystore.pkcs12.keyProtectionAlgorithm");
  if (!key_alg) key_alg = get("keystore.PKCS12.keyProtectionAlgorithm");
  if (key_alg) {
    KS_TRY(parse_cipher_name(*key_alg, p.key_algorithm, p.key_pbes2_prf, p.key_pbes2_cipher)
               .with_context("keystore.pkcs12.keyProtectionAlgorithm"));
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
  params.pkcs12_key_algorithm = protection.key_algorithm;
  params.pkcs12_pbes2_prf = protection.key_pbes2_prf;
  params.pkcs12_pbes2_cipher = protection.key_pbes2_cipher;
  params.pkcs12_iterations = protection.key_iterations;
  return params;
}

std::string pkcs12_cert_algorithm_name(const Pkcs12Protection& p) {
  if (p.cert_algorithm.empty()) return "NONE";
  return pbe::pbe_algorithm_name(p.cert_algorithm, p.cert_pbes2_prf, p.cert_pbes2_cipher);
}

std::string pkcs12_key_algorithm_name(const Pkcs12Protection& p) {
  if (p.key_algorithm.empty()) return pkcs12_key_algorithm_name(pkcs12_profile_protection(Pkcs12Profile::kModern));
  return pbe::pbe_algorithm_name(p.key_algorithm, p.key_pbes2_prf, p.key_pbes2_cipher);
}

std::string pkcs12_mac_algorithm_name(const Pkcs12Protection& p) {
  if (!p.has_mac) return "NONE";
  if (p.mac_pbmac1) {
    const auto h = pbe::hash_for_hmac_oid(p.mac_pbmac1_prf.empty() ? ByteView(oid::kHmacWithSha256)
                                                                   : ByteView(p.mac_pbmac1_prf));
    return std::string("PBMAC1 (Hmac") + (h ? pbe::jdk_hash_name(*h) : "?") + ")";
  }
  const auto h = pbe::hash_for_digest_oid(p.mac_digest.empty() ? ByteView(oid::kSha256) : ByteView(p.mac_digest));
  if (!h) return "HmacPBE" + der::oid_to_string(p.mac_digest);
  return std::string("HmacPBE") + pbe::jdk_hash_name(*h);
}

}  // namespace kstore
