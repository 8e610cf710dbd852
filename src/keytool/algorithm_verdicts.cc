// The weak/disabled verdicts of keytool's withWeakConstraint in JDK 17.0.15,
// for the java.security shipped with it:
//   jdk.certpath.disabledAlgorithms = MD2, MD5, SHA1 jdkCA & usage TLSServer,
//       RSA keySize < 1024, DSA keySize < 1024, EC keySize < 224,
//       SHA1 usage SignedJAR & denyAfter 2019-01-01
//   jdk.security.legacyAlgorithms = SHA1, RSA keySize < 2048, DSA keySize < 2048
// keytool checks with no trust anchor (so "jdkCA" never applies) and today's
// date (so "denyAfter 2019-01-01" always does).
#include "keytool/algorithm_verdicts.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <utility>

#include "keytool/extensions_text.h"

namespace kstore::keytool {
namespace {

// The algorithm names a JCA name decomposes into (AlgorithmDecomposer:
// "SHA1withRSA" -> SHA1, RSA), upper-cased.
std::vector<std::string> decompose(const std::string& name) {
  std::string upper = name;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  std::vector<std::string> parts;
  size_t pos = 0;
  while (pos <= upper.size()) {
    size_t next = std::string::npos;
    size_t sep_len = 0;
    for (const char* sep : {"WITH", "AND", "/"}) {
      const size_t p = upper.find(sep, pos);
      if (p < next) {
        next = p;
        sep_len = std::strlen(sep);
      }
    }
    parts.push_back(upper.substr(pos, next == std::string::npos ? std::string::npos : next - pos));
    if (next == std::string::npos) break;
    pos = next + sep_len;
  }
  for (std::string& p : parts) {
    if (p == "SHA-1") p = "SHA1";
  }
  return parts;
}

}  // namespace

AlgorithmStrength signature_strength(const std::string& name, const std::optional<std::vector<std::string>>& eku) {
  // buildCertPathConstraint: codeSigning wins, then clientAuth, serverAuth, timeStamping.
  bool signed_jar_usage = false;
  if (eku) {
    auto has = [&](const char* oid) { return std::find(eku->begin(), eku->end(), oid) != eku->end(); };
    if (has("1.3.6.1.5.5.7.3.3")) {
      signed_jar_usage = true;
    } else if (!has("1.3.6.1.5.5.7.3.2") && !has("1.3.6.1.5.5.7.3.1") && has("1.3.6.1.5.5.7.3.8")) {
      signed_jar_usage = true;
    }
  }
  // A store names a handful of signature algorithms over and over.
  struct Digests {
    bool md = false, sha1 = false;
  };
  thread_local std::map<std::string, Digests, std::less<>> known;
  auto it = known.find(name);
  if (it == known.end()) {
    Digests found;
    for (const std::string& part : decompose(name)) {
      found.md |= part == "MD2" || part == "MD5";
      found.sha1 |= part == "SHA1";
    }
    if (known.size() > 64) known.clear();  // names come from certificates: keep the memo bounded
    it = known.emplace(name, found).first;
  }
  const bool md = it->second.md, sha1 = it->second.sha1;
  if (md || (sha1 && signed_jar_usage)) return AlgorithmStrength::kDisabled;
  if (sha1) return AlgorithmStrength::kWeak;
  return AlgorithmStrength::kOk;
}

AlgorithmStrength public_key_strength(const PublicKeyInfo& key) {
  if (key.bits < 0) return AlgorithmStrength::kOk;
  if (key.algorithm == "RSA" || key.algorithm == "DSA") {
    if (key.bits < 1024) return AlgorithmStrength::kDisabled;
    if (key.bits < 2048) return AlgorithmStrength::kWeak;
  } else if (key.algorithm == "EC") {
    if (key.bits < 224) return AlgorithmStrength::kDisabled;
  }
  return AlgorithmStrength::kOk;
}

Result<AlgorithmVerdicts> algorithm_verdicts(const x509::Certificate& cert) {
  KS_ASSIGN_OR_RETURN(std::string signature, signature_algorithm_name(cert.signature_alg));
  KS_ASSIGN_OR_RETURN(PublicKeyInfo key, describe_public_key(cert.spki));
  AlgorithmVerdicts v;
  v.signature.strength = signature_strength(signature, extended_key_usages(cert.extensions));
  v.signature.text = std::move(signature);
  v.public_key = {public_key_name(key), public_key_strength(key)};
  return v;
}

Result<AlgorithmVerdicts> algorithm_verdicts(ByteView der) {
  KS_ASSIGN_OR_RETURN(x509::Certificate cert, x509::parse_certificate(der));
  return algorithm_verdicts(cert);
}

}  // namespace kstore::keytool
