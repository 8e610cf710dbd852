// The tables of known password-based schemes, PBES2 ciphers and hashes.
// RFC 7292 Appendix C, RFC 8018 Appendices A and B; JDK names from
// docs/formats.md.
#include "pbe/known_algorithms.h"

#include "pbe/pbe_oids.h"

namespace kstore::pbe {
namespace {

using crypto::CipherAlg;
using crypto::HashAlg;

// Rows: id, OID, family, KDF hash, cipher, key bytes, RC2 effective bits, two-key 3DES, JDK name.
const FixedScheme kFixedSchemes[] = {
    {PbeScheme::kPbeWithSha1AndRc4_128, oid::kPbeWithSha1AndRc4_128, SchemeFamily::kPkcs12, HashAlg::kSha1,
     CipherAlg::kRc4, 16, 0, false, "PBEWithSHA1AndRC4_128"},
    {PbeScheme::kPbeWithSha1AndRc4_40, oid::kPbeWithSha1AndRc4_40, SchemeFamily::kPkcs12, HashAlg::kSha1,
     CipherAlg::kRc4, 5, 0, false, "PBEWithSHA1AndRC4_40"},
    {PbeScheme::kPbeWithSha1AndDesede, oid::kPbeWithSha1And3KeyTripleDesCbc, SchemeFamily::kPkcs12, HashAlg::kSha1,
     CipherAlg::kDesEde3Cbc, 24, 0, false, "PBEWithSHA1AndDESede"},
    // The JDK has no cipher for two-key 3DES.
    {PbeScheme::kPbeWithSha1And2KeyDesede, oid::kPbeWithSha1And2KeyTripleDesCbc, SchemeFamily::kPkcs12,
     HashAlg::kSha1, CipherAlg::kDesEde3Cbc, 16, 0, true, nullptr},
    {PbeScheme::kPbeWithSha1AndRc2_128, oid::kPbeWithSha1AndRc2_128Cbc, SchemeFamily::kPkcs12, HashAlg::kSha1,
     CipherAlg::kRc2Cbc, 16, 128, false, "PBEWithSHA1AndRC2_128"},
    {PbeScheme::kPbeWithSha1AndRc2_40, oid::kPbeWithSha1AndRc2_40Cbc, SchemeFamily::kPkcs12, HashAlg::kSha1,
     CipherAlg::kRc2Cbc, 5, 40, false, "PBEWithSHA1AndRC2_40"},
    // PBES1 (RFC 8018 §6.1): 8-byte DES or RC2 key with 64 effective bits.
    {PbeScheme::kPbeWithMd5AndDes, oid::kPbeWithMd5AndDesCbc, SchemeFamily::kPbes1, HashAlg::kMd5, CipherAlg::kDesCbc,
     8, 0, false, "PBEWithMD5AndDES"},
    {PbeScheme::kPbeWithMd5AndRc2, oid::kPbeWithMd5AndRc2Cbc, SchemeFamily::kPbes1, HashAlg::kMd5, CipherAlg::kRc2Cbc,
     8, 64, false, nullptr},
    {PbeScheme::kPbeWithSha1AndDes, oid::kPbeWithSha1AndDesCbc, SchemeFamily::kPbes1, HashAlg::kSha1,
     CipherAlg::kDesCbc, 8, 0, false, nullptr},
    {PbeScheme::kPbeWithSha1AndRc2, oid::kPbeWithSha1AndRc2Cbc, SchemeFamily::kPbes1, HashAlg::kSha1,
     CipherAlg::kRc2Cbc, 8, 64, false, nullptr},
};

const Pbes2CipherInfo kPbes2Ciphers[] = {
    {Pbes2Cipher::kAes128Cbc, oid::kAes128Cbc, CipherAlg::kAes128Cbc, "AES_128"},
    {Pbes2Cipher::kAes192Cbc, oid::kAes192Cbc, CipherAlg::kAes192Cbc, nullptr},  // the JDK rejects AES-192
    {Pbes2Cipher::kAes256Cbc, oid::kAes256Cbc, CipherAlg::kAes256Cbc, "AES_256"},
    {Pbes2Cipher::kDesEde3Cbc, oid::kDesEde3Cbc, CipherAlg::kDesEde3Cbc, nullptr},
    {Pbes2Cipher::kDesCbc, oid::kDesCbc, CipherAlg::kDesCbc, nullptr},
    {Pbes2Cipher::kRc2Cbc, oid::kRc2Cbc, CipherAlg::kRc2Cbc, nullptr},
};

struct HashInfo {
  HashAlgorithm id;
  HashAlg hash;
  ByteView digest;
  ByteView hmac;  // empty for MD5 (no PRF OID used here)
  const char* jdk;
};

const HashInfo kHashes[] = {
    {HashAlgorithm::kMd5, HashAlg::kMd5, oid::kMd5, {}, "MD5"},
    {HashAlgorithm::kSha1, HashAlg::kSha1, oid::kSha1, oid::kHmacWithSha1, "SHA1"},
    {HashAlgorithm::kSha224, HashAlg::kSha224, oid::kSha224, oid::kHmacWithSha224, "SHA224"},
    {HashAlgorithm::kSha256, HashAlg::kSha256, oid::kSha256, oid::kHmacWithSha256, "SHA256"},
    {HashAlgorithm::kSha384, HashAlg::kSha384, oid::kSha384, oid::kHmacWithSha384, "SHA384"},
    {HashAlgorithm::kSha512, HashAlg::kSha512, oid::kSha512, oid::kHmacWithSha512, "SHA512"},
    {HashAlgorithm::kSha512_224, HashAlg::kSha512_224, oid::kSha512_224, oid::kHmacWithSha512_224, "SHA512/224"},
    {HashAlgorithm::kSha512_256, HashAlg::kSha512_256, oid::kSha512_256, oid::kHmacWithSha512_256, "SHA512/256"},
};

// The first row whose `key` member matches; nullptr when none does.
template <typename Row, size_t N, typename Key>
const Row* find_row(const Row (&rows)[N], Key Row::*key, const Key& value) {
  for (const Row& row : rows)
    if (row.*key == value) return &row;
  return nullptr;
}

template <typename Row, size_t N>
const Row* find_by_oid(const Row (&rows)[N], ByteView Row::*key, ByteView oid) {
  if (oid.empty()) return nullptr;
  for (const Row& row : rows)
    if (equal_bytes(row.*key, oid)) return &row;
  return nullptr;
}

// Every crypto::HashAlg has its row.
const HashInfo& hash_info(HashAlg hash) { return *find_row(kHashes, &HashInfo::hash, hash); }

}  // namespace

const FixedScheme* find_fixed_scheme(ByteView oid) { return find_by_oid(kFixedSchemes, &FixedScheme::oid, oid); }
const FixedScheme* find_fixed_scheme(PbeScheme id) { return find_row(kFixedSchemes, &FixedScheme::id, id); }

const Pbes2CipherInfo* find_pbes2_cipher(ByteView oid) {
  return find_by_oid(kPbes2Ciphers, &Pbes2CipherInfo::oid, oid);
}
const Pbes2CipherInfo* find_pbes2_cipher(Pbes2Cipher id) { return find_row(kPbes2Ciphers, &Pbes2CipherInfo::id, id); }

std::optional<HashAlg> hash_for_digest_oid(ByteView oid) {
  const HashInfo* h = find_by_oid(kHashes, &HashInfo::digest, oid);
  return h ? std::optional(h->hash) : std::nullopt;
}
ByteView digest_oid(HashAlg hash) { return hash_info(hash).digest; }

std::optional<HashAlg> hash_for_hmac_oid(ByteView oid) {
  const HashInfo* h = find_by_oid(kHashes, &HashInfo::hmac, oid);
  return h ? std::optional(h->hash) : std::nullopt;
}
ByteView hmac_oid(HashAlg hash) { return hash_info(hash).hmac; }

const char* jdk_hash_name(HashAlg hash) { return hash_info(hash).jdk; }

std::optional<HashAlg> hash_alg(HashAlgorithm hash) {
  const HashInfo* h = find_row(kHashes, &HashInfo::id, hash);
  return h ? std::optional(h->hash) : std::nullopt;
}
HashAlgorithm hash_algorithm(HashAlg hash) { return hash_info(hash).id; }

}  // namespace kstore::pbe
