// Signature algorithm names (sun.security.x509.AlgorithmId.getName), key
// sizes (sun.security.util.KeyUtil.getKeySize / fullDisplayAlgName) and the
// weak/disabled markers of keytool's withWeakConstraint in JDK 17.0.15, for
// the java.security shipped with it:
//   jdk.certpath.disabledAlgorithms = MD2, MD5, SHA1 jdkCA & usage TLSServer,
//       RSA keySize < 1024, DSA keySize < 1024, EC keySize < 224,
//       SHA1 usage SignedJAR & denyAfter 2019-01-01
//   jdk.security.legacyAlgorithms = SHA1, RSA keySize < 2048, DSA keySize < 2048
// keytool checks with no trust anchor (so "jdkCA" never applies) and today's
// date (so "denyAfter 2019-01-01" always does).
#include "x509/algorithms.h"

#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/objects.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>
#include <string>
#include <memory>

#include "der/reader.h"
#include "x509/known_oids.h"

namespace kstore::x509 {
namespace {

// Bit length of a positive big-endian integer.
int bit_length(ByteView v) {
  while (!v.empty() && v[0] == 0) v = v.subspan(1);
  if (v.empty()) return 0;
  int bits = static_cast<int>(v.size() - 1) * 8;
  for (uint8_t b = v[0]; b; b >>= 1) ++bits;
  return bits;
}

// Bits of the order of a named curve; -1 if OpenSSL does not know it.
int compute_curve_order_bits(const std::string& dotted) {
  const int nid = OBJ_txt2nid(dotted.c_str());
  if (nid == NID_undef) {
    ERR_clear_error();
    return -1;
  }
  std::unique_ptr<EC_GROUP, decltype(&EC_GROUP_free)> group(EC_GROUP_new_by_curve_name(nid), EC_GROUP_free);
  if (!group) {
    ERR_clear_error();
    return -1;
  }
  return EC_GROUP_order_bits(group.get());
}

// Building an EC_GROUP costs tens of microseconds (Montgomery setup); a store
// of 10000 EC certificates names a handful of curves, so remember the answers.
int curve_order_bits(const std::string& dotted) {
  static std::mutex mutex;
  static std::map<std::string, int> known;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = known.find(dotted);
  if (it == known.end()) it = known.emplace(dotted, compute_curve_order_bits(dotted)).first;
  return it->second;
}

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

Result<std::string> signature_algorithm_name(ByteView algorithm_identifier) {
  der::Reader r(algorithm_identifier, der::Mode::kDer, 0, "AlgorithmIdentifier");
  KS_ASSIGN_OR_RETURN(der::Reader alg, r.read_sequence());
  KS_ASSIGN_OR_RETURN(ByteView oid, alg.read_oid());
  const std::string dotted = der::oid_to_string(oid);
  // ecdsa-with-Specified: the digest is named in the parameters.
  if (dotted == "1.2.840.10045.4.3" && alg.next_is(der::kSequence)) {
    KS_ASSIGN_OR_RETURN(der::Reader digest, alg.read_sequence());
    auto digest_oid = digest.read_oid();
    if (digest_oid.ok()) {
      const char* n = known_oid_name(der::oid_to_string(*digest_oid));
      if (n) {
        std::string d = n;
        d.erase(std::remove(d.begin(), d.end(), '-'), d.end());
        return d + "withECDSA";
      }
    }
  }
  const char* name = known_oid_name(dotted);
  return name ? std::string(name) : dotted;
}

Result<PublicKeyInfo> describe_public_key(ByteView spki) {
  der::Reader r(spki, der::Mode::kDer, 0, "SubjectPublicKeyInfo");
  KS_ASSIGN_OR_RETURN(der::Reader info, r.read_sequence());
  KS_ASSIGN_OR_RETURN(der::Reader alg, info.read_sequence());
  KS_ASSIGN_OR_RETURN(ByteView oid_bytes, alg.read_oid());
  const std::string oid = der::oid_to_string(oid_bytes);
  KS_ASSIGN_OR_RETURN(der::Element key_bits, info.read_element(der::kBitString));
  if (key_bits.contents.empty()) return info.malformed("empty subjectPublicKey");
  const ByteView key = key_bits.contents.subspan(1);

  PublicKeyInfo out;
  auto modulus_bits = [&]() -> Result<int> {
    der::Reader k(key, der::Mode::kDer, 0, "RSAPublicKey");
    KS_ASSIGN_OR_RETURN(der::Reader seq, k.read_sequence());
    KS_ASSIGN_OR_RETURN(der::Element n, seq.read_element(der::kInteger));
    return bit_length(n.contents);
  };
  if (oid == "1.2.840.113549.1.1.1") {
    out.algorithm = out.display = "RSA";
    KS_ASSIGN_OR_RETURN(out.bits, modulus_bits());
  } else if (oid == "1.2.840.113549.1.1.10") {
    out.algorithm = out.display = "RSASSA-PSS";
    KS_ASSIGN_OR_RETURN(out.bits, modulus_bits());
  } else if (oid == "1.2.840.10045.2.1") {
    out.algorithm = out.display = "EC";
    if (alg.next_is(der::kOid)) {
      KS_ASSIGN_OR_RETURN(ByteView curve_bytes, alg.read_oid());
      const std::string curve = der::oid_to_string(curve_bytes);
      const char* name = known_oid_name(curve);
      out.display += " (" + std::string(name ? name : curve) + ")";
      out.bits = curve_order_bits(curve);
    }
  } else if (oid == "1.2.840.10040.4.1") {
    out.algorithm = out.display = "DSA";
    if (alg.next_is(der::kSequence)) {
      KS_ASSIGN_OR_RETURN(der::Reader params, alg.read_sequence());
      KS_ASSIGN_OR_RETURN(der::Element p, params.read_element(der::kInteger));
      out.bits = bit_length(p.contents);
    }
  } else if (oid == "1.2.840.113549.1.3.1" || oid == "1.2.840.10046.2.1") {
    out.algorithm = out.display = "DH";
    if (alg.next_is(der::kSequence)) {
      KS_ASSIGN_OR_RETURN(der::Reader params, alg.read_sequence());
      KS_ASSIGN_OR_RETURN(der::Element p, params.read_element(der::kInteger));
      out.bits = bit_length(p.contents);
    }
  } else if (oid == "1.3.101.112" || oid == "1.3.101.113") {
    out.algorithm = "EdDSA";
    out.display = oid == "1.3.101.112" ? "Ed25519" : "Ed448";
    out.bits = oid == "1.3.101.112" ? 255 : 448;
  } else if (oid == "1.3.101.110" || oid == "1.3.101.111") {
    out.algorithm = out.display = "XDH";
    out.bits = oid == "1.3.101.110" ? 255 : 448;
  } else {
    // An X509Key of an algorithm no provider decodes: named by AlgorithmId.getName().
    const char* name = known_oid_name(oid);
    out.algorithm = out.display = name ? name : oid;
  }
  return out;
}

std::string signature_algorithm_text(const std::string& name, const std::optional<std::vector<std::string>>& eku) {
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
  if (md || (sha1 && signed_jar_usage)) return name + " (disabled)";
  if (sha1) return name + " (weak)";
  return name;
}

std::string public_key_text(const PublicKeyInfo& key) {
  const std::string size = std::to_string(key.bits) + "-bit " + key.display + " key";
  if (key.algorithm == "RSA" || key.algorithm == "DSA") {
    if (key.bits >= 0 && key.bits < 1024) return size + " (disabled)";
    if (key.bits >= 0 && key.bits < 2048) return size + " (weak)";
  } else if (key.algorithm == "EC") {
    if (key.bits >= 0 && key.bits < 224) return size + " (disabled)";
  }
  if (key.bits < 0) return key.display + " key of unknown size";
  return size;
}

}  // namespace kstore::x509
