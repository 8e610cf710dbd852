// Signature algorithm names (sun.security.x509.AlgorithmId.getName) and key
// sizes (sun.security.util.KeyUtil.getKeySize / fullDisplayAlgName) as
// keytool prints them.
#include "keytool/algorithm_names.h"

#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/objects.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "der/reader.h"
#include "keytool/known_oids.h"

namespace kstore::keytool {
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

// Bits of the modulus of an RSAPublicKey (RFC 8017 §A.1.1).
Result<int> modulus_bits(ByteView rsa_public_key) {
  der::Reader k(rsa_public_key, der::Mode::kDer, 0, "RSAPublicKey");
  KS_ASSIGN_OR_RETURN(der::Reader seq, k.read_sequence());
  KS_ASSIGN_OR_RETURN(der::Element n, seq.read_element(der::kInteger));
  return bit_length(n.contents);
}

// Bits of p, the first INTEGER of DSA or DH domain parameters; -1 when the
// AlgorithmIdentifier carries no parameters (the key size is then unknown).
Result<int> prime_bits(der::Reader& algorithm) {
  if (!algorithm.next_is(der::kSequence)) return -1;
  KS_ASSIGN_OR_RETURN(der::Reader params, algorithm.read_sequence());
  KS_ASSIGN_OR_RETURN(der::Element p, params.read_element(der::kInteger));
  return bit_length(p.contents);
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
  if (oid == "1.2.840.113549.1.1.1") {
    out.algorithm = out.display = "RSA";
    KS_ASSIGN_OR_RETURN(out.bits, modulus_bits(key));
  } else if (oid == "1.2.840.113549.1.1.10") {
    out.algorithm = out.display = "RSASSA-PSS";
    KS_ASSIGN_OR_RETURN(out.bits, modulus_bits(key));
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
    KS_ASSIGN_OR_RETURN(out.bits, prime_bits(alg));
  } else if (oid == "1.2.840.113549.1.3.1" || oid == "1.2.840.10046.2.1") {
    out.algorithm = out.display = "DH";
    KS_ASSIGN_OR_RETURN(out.bits, prime_bits(alg));
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

std::string public_key_name(const PublicKeyInfo& key) {
  if (key.bits < 0) return key.display + " key of unknown size";
  return std::to_string(key.bits) + "-bit " + key.display + " key";
}

}  // namespace kstore::keytool
