// PFX MAC. RFC 7292 §4 and Appendix B.4 (MAC key from the PKCS#12 KDF with
// ID 3, key length = the digest's output), RFC 9579 (PBMAC1); the JDK's
// reading and writing: docs/formats.md, "PKCS#12: the MAC".
#include "pkcs12/mac.h"

#include "pbe/algorithm_identifier.h"
#include "pbe/iterations.h"
#include "pbe/password_candidates.h"
#include "pbe/pbe.h"
#include "pbe/pbe_oids.h"
#include "pbe/pkcs12_kdf.h"

namespace kstore::pkcs12 {
namespace {

using crypto::HashAlg;

constexpr size_t kSaltLength = 20;             // the JDK's SALT_LEN
constexpr size_t kMaxPbmac1KeyLength = 1024;   // far above any HMAC block; bounds the PBKDF2 output
constexpr char kPbmac1OuterSalt[] = "NOT USED";  // RFC 9579 A.1-A.3 and JDK 26 write this

// PBMAC1-params ::= SEQUENCE { keyDerivationFunc AlgorithmIdentifier, messageAuthScheme AlgorithmIdentifier }
Status read_pbmac1_params(der::Reader& ai, MacData& mac) {
  KS_ASSIGN_OR_RETURN(der::Reader params, ai.read_sequence());
  KS_TRY(ai.expect_end());
  KS_ASSIGN_OR_RETURN(der::Reader kdf, params.read_sequence());
  KS_ASSIGN_OR_RETURN(ByteView kdf_oid, kdf.read_oid());
  if (!equal_bytes(kdf_oid, pbe::oid::kPbkdf2))
    return Status::Unsupported("PBMAC1 key derivation function ", der::oid_to_string(kdf_oid));
  KS_ASSIGN_OR_RETURN(der::Reader p, kdf.read_sequence());
  KS_TRY(kdf.expect_end());
  if (p.next_is(der::kSequence)) return Status::Unsupported("PBKDF2 salt from otherSource");
  Bytes storage;
  KS_ASSIGN_OR_RETURN(ByteView salt, p.read_octet_string(&storage));
  mac.salt = to_bytes(salt);
  KS_ASSIGN_OR_RETURN(mac.iterations, p.read_uint64());
  if (!p.next_is(der::kInteger))
    return Status::Malformed("PBMAC1: the PBKDF2 parameters lack keyLength, which RFC 9579 requires");
  KS_ASSIGN_OR_RETURN(uint64_t key_length, p.read_uint64());
  mac.prf = HashAlg::kSha1;
  if (p.next_is(der::kSequence)) {
    KS_ASSIGN_OR_RETURN(der::Reader prf, p.read_sequence());
    KS_ASSIGN_OR_RETURN(ByteView prf_oid, pbe::read_oid_with_optional_null(prf));
    const auto hash = pbe::hash_for_hmac_oid(prf_oid);
    if (!hash) return Status::Unsupported("PBMAC1 PBKDF2 pseudo-random function ", der::oid_to_string(prf_oid));
    mac.prf_oid = to_bytes(prf_oid);
    mac.prf = *hash;
  }
  KS_TRY(p.expect_end());
  KS_ASSIGN_OR_RETURN(der::Reader scheme, params.read_sequence());
  KS_ASSIGN_OR_RETURN(ByteView mac_oid, pbe::read_oid_with_optional_null(scheme));
  KS_TRY(params.expect_end());
  const auto mac_hash = pbe::hash_for_hmac_oid(mac_oid);
  if (!mac_hash) return Status::Unsupported("PBMAC1 message authentication scheme ", der::oid_to_string(mac_oid));
  mac.mac_oid = to_bytes(mac_oid);
  mac.hash = *mac_hash;
  // A key shorter than the HMAC output makes the MAC a check of a few bits
  // of PBKDF2 output, which other passwords match (OpenSSL CVE-2026-34181,
  // go-pkcs12 pbmac1-short-key-bypass.p12: keyLength 1).
  if (key_length < crypto::digest_size(mac.hash) || key_length > kMaxPbmac1KeyLength) {
    return Status::Malformed("PBMAC1 keyLength ", key_length, " is outside ", crypto::digest_size(mac.hash), "..",
                             kMaxPbmac1KeyLength, " (the Hmac", pbe::jdk_hash_name(mac.hash),
                             " output is the minimum): refused, such a MAC does not authenticate the password");
  }
  mac.key_length = static_cast<size_t>(key_length);
  return Status::Ok();
}

Result<SecretBytes> compute(const crypto::Backend& backend, const MacData& mac, ByteView password_bytes,
                            ByteView auth_safe) {
  SecretBytes key;
  if (mac.pbmac1) {
    KS_ASSIGN_OR_RETURN(key, backend.pbkdf2(mac.prf, password_bytes, mac.salt, mac.iterations, mac.key_length));
  } else {
    KS_ASSIGN_OR_RETURN(key, pbe::pkcs12_kdf(backend, mac.hash, password_bytes, mac.salt, mac.iterations,
                                             pbe::Pkcs12KeyPurpose::kMacKey, crypto::digest_size(mac.hash)));
  }
  return backend.hmac(mac.hash, key, auth_safe);
}

// The MacData to write for `choice`, with a fresh salt; its value is computed after.
Result<MacData> new_mac_data(const crypto::Backend& backend, const Pkcs12Mac& choice, uint64_t iterations) {
  const std::optional<HashAlg> hash = pbe::hash_alg(choice.hash);
  if (!hash) return Status::Unsupported("MAC hash ", static_cast<int>(choice.hash));
  MacData mac;
  mac.pbmac1 = choice.scheme == Pkcs12MacScheme::kPbmac1;
  mac.iterations = iterations;
  mac.hash = *hash;
  mac.salt.resize(kSaltLength);
  KS_TRY(backend.random(mac.salt));
  if (!mac.pbmac1) {
    mac.digest_oid = to_bytes(pbe::digest_oid(*hash));
    return mac;
  }
  mac.mac_oid = to_bytes(pbe::hmac_oid(*hash));
  if (mac.mac_oid.empty()) return Status::Unsupported("PBMAC1 with Hmac", pbe::jdk_hash_name(*hash));
  // One hash for the PRF and the MAC, as JDK 26 and OpenSSL 3.4 write it.
  mac.prf = *hash;
  mac.prf_oid = mac.mac_oid;
  mac.key_length = crypto::digest_size(*hash);
  return mac;
}

// MacData ::= SEQUENCE { mac DigestInfo, macSalt OCTET STRING, iterations INTEGER }
void write_mac(der::Writer& pfx, const MacData& mac, ByteView value) {
  pfx.sequence([&](der::Writer& mac_data) {
    mac_data.sequence([&](der::Writer& digest_info) {
      digest_info.sequence([&](der::Writer& ai) {
        if (!mac.pbmac1) {
          ai.oid(mac.digest_oid);
          ai.null();  // the JDK writes NULL parameters for digests (AlgorithmId.encode)
          return;
        }
        ai.oid(pbe::oid::kPbmac1);
        ai.sequence([&](der::Writer& params) {
          params.sequence([&](der::Writer& kdf) {
            kdf.oid(pbe::oid::kPbkdf2);
            kdf.sequence([&](der::Writer& p) {
              p.octet_string(mac.salt);
              p.uint64(mac.iterations);
              p.uint64(mac.key_length);
              p.sequence([&](der::Writer& prf) {
                prf.oid(mac.prf_oid);
                prf.null();
              });
            });
          });
          params.sequence([&](der::Writer& scheme) {
            scheme.oid(mac.mac_oid);
            scheme.null();
          });
        });
      });
      digest_info.octet_string(value);
    });
    if (mac.pbmac1) {
      mac_data.octet_string(as_bytes(kPbmac1OuterSalt));
      mac_data.uint64(1);
    } else {
      mac_data.octet_string(mac.salt);
      mac_data.uint64(mac.iterations);
    }
  });
}

}  // namespace

Result<MacData> read_mac_data(der::Reader& pfx) {
  MacData mac;
  KS_ASSIGN_OR_RETURN(der::Reader mac_data, pfx.read_sequence());
  mac_data.named("MacData");
  KS_ASSIGN_OR_RETURN(der::Reader digest_info, mac_data.read_sequence());
  KS_ASSIGN_OR_RETURN(der::Reader ai, digest_info.read_sequence());
  KS_ASSIGN_OR_RETURN(ByteView alg_oid, ai.read_oid());
  if (equal_bytes(alg_oid, pbe::oid::kPbmac1)) {
    mac.pbmac1 = true;
    KS_TRY(read_pbmac1_params(ai, mac));
  } else {
    if (ai.next_is(der::kNull)) KS_TRY(ai.read_null());
    KS_TRY(ai.expect_end());
    const auto hash = pbe::hash_for_digest_oid(alg_oid);
    if (!hash) return Status::Unsupported("MAC digest algorithm ", der::oid_to_string(alg_oid));
    mac.digest_oid = to_bytes(alg_oid);
    mac.hash = *hash;
  }
  Bytes storage;
  KS_ASSIGN_OR_RETURN(ByteView value, digest_info.read_octet_string(&storage));
  mac.mac = to_bytes(value);
  KS_TRY(digest_info.expect_end());
  KS_ASSIGN_OR_RETURN(ByteView mac_salt, mac_data.read_octet_string(&storage));
  // RFC 9579: with PBMAC1 the outer macSalt and iterations are not used (go-pkcs12's
  // short-key file even has iterations 0), so they are read and ignored.
  if (!mac.pbmac1) mac.salt = to_bytes(mac_salt);
  KS_ASSIGN_OR_RETURN(uint64_t iterations, mac_data.read_optional_uint64(1));
  if (!mac.pbmac1) mac.iterations = iterations;
  KS_TRY(mac_data.expect_end());
  return mac;
}

Status check_mac_limits(const MacData& mac, const Limits& limits) {
  return pbe::check_iterations(mac.iterations, limits, "MAC");
}

Result<MacMatch> verify_mac(const crypto::Backend& backend, const MacData& mac, ByteView auth_safe,
                            const Password& password) {
  KS_ASSIGN_OR_RETURN(
      std::vector<pbe::PasswordCandidate> candidates,
      pbe::password_candidates(mac.pbmac1 ? pbe::PasswordUse::kPbmac1 : pbe::PasswordUse::kPkcs12Mac, password));
  for (pbe::PasswordCandidate& c : candidates) {
    KS_ASSIGN_OR_RETURN(SecretBytes computed, compute(backend, mac, c.bytes, auth_safe));
    if (constant_time_equal(computed, mac.mac)) return MacMatch{std::move(c.label), c.standard};
  }
  return Status::IntegrityFailure("keystore password was incorrect, or the file was tampered with (",
                                  mac_algorithm_name(mac), " does not verify)");
}

Status write_mac_data(der::Writer& pfx, const crypto::Backend& backend, const Pkcs12Protection& protection,
                      ByteView auth_safe, const Password& password) {
  if (!protection.mac) return Status::Ok();
  KS_ASSIGN_OR_RETURN(MacData mac, new_mac_data(backend, *protection.mac, protection.mac_iterations));
  const pbe::PasswordUse use = mac.pbmac1 ? pbe::PasswordUse::kPbmac1 : pbe::PasswordUse::kPkcs12Mac;
  KS_ASSIGN_OR_RETURN(SecretBytes pw, pbe::password_for_writing(use, password));
  KS_ASSIGN_OR_RETURN(SecretBytes value, compute(backend, mac, pw, auth_safe));
  write_mac(pfx, mac, value);
  return Status::Ok();
}

std::string mac_algorithm_name(const MacData& mac) {
  if (!mac.pbmac1) return std::string("HmacPBE") + pbe::jdk_hash_name(mac.hash);
  return std::string("PBMAC1 (PBKDF2-Hmac") + pbe::jdk_hash_name(mac.prf) + ", Hmac" + pbe::jdk_hash_name(mac.hash) +
         ")";
}

}  // namespace kstore::pkcs12
