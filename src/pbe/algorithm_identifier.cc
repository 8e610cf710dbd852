// Password-based encryption AlgorithmIdentifiers. RFC 7292 Appendix C,
// RFC 8018 Appendices A and B; the JDK's layout: docs/formats.md,
// "PKCS#12: encryption algorithms".
#include "pbe/algorithm_identifier.h"

#include "pbe/pbe_oids.h"

namespace kstore::pbe {
namespace {

using crypto::CipherAlg;
using crypto::HashAlg;

bool is(ByteView a, ByteView b) { return equal_bytes(a, b); }

std::string dotted(ByteView oid) { return der::oid_to_string(oid); }

// RC2-CBC-Parameter version to effective key bits (RFC 8018 B.2.3).
unsigned rc2_bits_for_version(uint64_t version) {
  switch (version) {
    case 160: return 40;
    case 120: return 64;
    case 58: return 128;
    default: return version >= 256 && version <= 1024 ? static_cast<unsigned>(version) : 0;
  }
}

// pkcs-12PbeParams / PBEParameter ::= SEQUENCE { salt OCTET STRING, iterations INTEGER }
Status parse_salt_and_iterations(der::Reader& params, PbeAlgorithm& alg) {
  KS_ASSIGN_OR_RETURN(der::Reader p, params.read_sequence());
  Bytes storage;
  KS_ASSIGN_OR_RETURN(ByteView salt, p.read_octet_string(&storage));
  alg.salt = to_bytes(salt);
  KS_ASSIGN_OR_RETURN(alg.iterations, p.read_uint64());
  KS_TRY(p.expect_end());
  return params.expect_end();
}

// PBKDF2-params ::= SEQUENCE { salt CHOICE { specified OCTET STRING, otherSource AlgorithmIdentifier },
//   iterationCount INTEGER, keyLength INTEGER OPTIONAL, prf AlgorithmIdentifier DEFAULT hmacWithSHA1 }
Status parse_pbkdf2_params(der::Reader& kdf, PbeAlgorithm& alg, std::optional<uint64_t>& key_length) {
  KS_ASSIGN_OR_RETURN(der::Reader p, kdf.read_sequence());
  if (p.next_is(der::kSequence)) return Status::Unsupported("PBKDF2 salt from otherSource");
  Bytes storage;
  KS_ASSIGN_OR_RETURN(ByteView salt, p.read_octet_string(&storage));
  alg.salt = to_bytes(salt);
  KS_ASSIGN_OR_RETURN(alg.iterations, p.read_uint64());
  if (p.next_is(der::kInteger)) {
    KS_ASSIGN_OR_RETURN(uint64_t len, p.read_uint64());
    key_length = len;
    alg.key_length_present = true;
  }
  alg.kdf_hash = HashAlg::kSha1;
  if (p.next_is(der::kSequence)) {
    KS_ASSIGN_OR_RETURN(der::Reader prf, p.read_sequence());
    KS_ASSIGN_OR_RETURN(ByteView prf_oid, read_oid_with_optional_null(prf));
    const std::optional<HashAlg> hash = hash_for_hmac_oid(prf_oid);
    if (!hash) return Status::Unsupported("PBKDF2 pseudo-random function ", dotted(prf_oid));
    alg.prf_oid = to_bytes(prf_oid);
    alg.kdf_hash = *hash;
  }
  KS_TRY(p.expect_end());
  return kdf.expect_end();
}

Status parse_pbes2_cipher(der::Reader& scheme, PbeAlgorithm& alg, std::optional<uint64_t> key_length) {
  KS_ASSIGN_OR_RETURN(ByteView cipher_oid, scheme.read_oid());
  const Pbes2CipherInfo* c = find_pbes2_cipher(cipher_oid);
  if (!c) return Status::Unsupported("PBES2 encryption scheme ", dotted(cipher_oid));
  alg.cipher_oid = to_bytes(cipher_oid);
  alg.cipher = c->cipher;
  Bytes storage;
  if (c->cipher == CipherAlg::kRc2Cbc) {
    // RC2-CBC-Parameter ::= SEQUENCE { rc2ParameterVersion INTEGER OPTIONAL, iv OCTET STRING (SIZE(8)) }
    KS_ASSIGN_OR_RETURN(der::Reader p, scheme.read_sequence());
    unsigned bits = 32;  // RFC 2268: absent version means 32 effective bits
    if (p.next_is(der::kInteger)) {
      KS_ASSIGN_OR_RETURN(uint64_t version, p.read_uint64());
      bits = rc2_bits_for_version(version);
      if (bits == 0) return Status::Unsupported("RC2 parameter version ", version);
    }
    KS_ASSIGN_OR_RETURN(ByteView iv, p.read_octet_string(&storage));
    alg.iv = to_bytes(iv);
    KS_TRY(p.expect_end());
    alg.rc2_effective_bits = bits;
    // Without keyLength the key is as long as the effective bits, as OpenSSL derives it.
    alg.key_len = key_length ? static_cast<size_t>(*key_length) : bits / 8;
    if (alg.key_len == 0 || alg.key_len > 128) return Status::Malformed("PBES2 RC2 key length ", alg.key_len);
  } else {
    KS_ASSIGN_OR_RETURN(ByteView iv, scheme.read_octet_string(&storage));
    alg.iv = to_bytes(iv);
    alg.key_len = crypto::cipher_key_size(c->cipher);
    if (key_length && *key_length != alg.key_len)
      return Status::Malformed("PBKDF2 keyLength ", *key_length, " does not match ", crypto::cipher_name(c->cipher));
  }
  if (alg.iv.size() != crypto::cipher_iv_size(c->cipher))
    return Status::Malformed(crypto::cipher_name(c->cipher), " IV of ", alg.iv.size(), " bytes");
  return scheme.expect_end();
}

// PBES2-params ::= SEQUENCE { keyDerivationFunc AlgorithmIdentifier, encryptionScheme AlgorithmIdentifier }
Status parse_pbes2_params(der::Reader& params, PbeAlgorithm& alg) {
  KS_ASSIGN_OR_RETURN(der::Reader p, params.read_sequence());
  KS_ASSIGN_OR_RETURN(der::Reader kdf, p.read_sequence());
  KS_ASSIGN_OR_RETURN(ByteView kdf_oid, kdf.read_oid());
  if (!is(kdf_oid, oid::kPbkdf2)) return Status::Unsupported("PBES2 key derivation function ", dotted(kdf_oid));
  std::optional<uint64_t> key_length;
  KS_TRY(parse_pbkdf2_params(kdf, alg, key_length));
  KS_ASSIGN_OR_RETURN(der::Reader scheme, p.read_sequence());
  KS_TRY(parse_pbes2_cipher(scheme, alg, key_length));
  KS_TRY(p.expect_end());
  return params.expect_end();
}

}  // namespace

Result<ByteView> read_oid_with_optional_null(der::Reader& contents) {
  KS_ASSIGN_OR_RETURN(ByteView oid, contents.read_oid());
  if (contents.next_is(der::kNull)) KS_TRY(contents.read_null());
  KS_TRY(contents.expect_end());
  return oid;
}

Result<PbeAlgorithm> parse_pbe_algorithm(ByteView algorithm_identifier) {
  der::Reader outer(algorithm_identifier, der::Mode::kBer, 0, "AlgorithmIdentifier");
  KS_ASSIGN_OR_RETURN(der::Reader ai, outer.read_sequence());
  KS_TRY(outer.expect_end());
  KS_ASSIGN_OR_RETURN(ByteView scheme_oid, ai.read_oid());
  PbeAlgorithm alg;
  alg.oid = to_bytes(scheme_oid);
  if (const FixedScheme* s = find_fixed_scheme(scheme_oid)) {
    alg.family = s->family;
    alg.kdf_hash = s->hash;
    alg.cipher = s->cipher;
    alg.key_len = s->key_len;
    alg.rc2_effective_bits = s->rc2_bits;
    alg.two_key_3des = s->two_key;
    KS_TRY(parse_salt_and_iterations(ai, alg).with_context(dotted(scheme_oid), " parameters"));
    if (s->family == SchemeFamily::kPbes1 && alg.salt.size() != 8)
      return Status::Malformed("PBES1 salt of ", alg.salt.size(), " bytes (RFC 8018 requires 8)");
    return alg;
  }
  if (is(scheme_oid, oid::kPbes2)) {
    alg.family = SchemeFamily::kPbes2;
    KS_TRY(parse_pbes2_params(ai, alg).with_context("PBES2 parameters"));
    return alg;
  }
  return Status::Unsupported("password-based encryption algorithm ", dotted(scheme_oid));
}

void write_pbe_algorithm(der::Writer& out, const PbeAlgorithm& alg) {
  out.sequence([&](der::Writer& ai) {
    ai.oid(alg.oid);
    if (alg.family != SchemeFamily::kPbes2) {
      ai.sequence([&](der::Writer& p) {
        p.octet_string(alg.salt);
        p.uint64(alg.iterations);
      });
      return;
    }
    ai.sequence([&](der::Writer& params) {
      params.sequence([&](der::Writer& kdf) {
        kdf.oid(oid::kPbkdf2);
        kdf.sequence([&](der::Writer& p) {
          p.octet_string(alg.salt);
          p.uint64(alg.iterations);
          if (alg.key_length_present) p.uint64(alg.key_len);
          // The JDK always states the PRF, with NULL parameters.
          if (!alg.prf_oid.empty()) {
            p.sequence([&](der::Writer& prf) {
              prf.oid(alg.prf_oid);
              prf.null();
            });
          }
        });
      });
      params.sequence([&](der::Writer& scheme) {
        scheme.oid(alg.cipher_oid);
        scheme.octet_string(alg.iv);
      });
    });
  });
}

}  // namespace kstore::pbe
