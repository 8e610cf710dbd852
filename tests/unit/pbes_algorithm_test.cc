// Password-based encryption schemes: every PKCS#12 PBE, PBES1 and PBES2
// variant that OpenSSL 3.0 `pkcs8 -topk8` writes (testdata/pkcs12/pkcs8,
// made by testdata/pkcs12/make.sh) decrypts to the PrivateKeyInfo it was made
// from, through each crypto backend; AlgorithmIdentifiers round-trip.
#include <gtest/gtest.h>

#include "crypto/crypto.h"
#include "der/writer.h"
#include "kstore/sealing.h"
#include "pbe/algorithm_identifier.h"
#include "pbe/iterations.h"
#include "pbe/pbe.h"
#include "pbe/pbe_encryption.h"
#include "pbe/pbe_oids.h"
#include "pbe/pkcs8.h"
#include "support/fixtures.h"

namespace kstore {
namespace {

using testing::testdata_bytes;

Bytes hex(std::string_view spaced) {
  std::string h;
  for (char c : spaced)
    if (c != ' ') h.push_back(c);
  Bytes out;
  for (size_t i = 0; i + 1 < h.size(); i += 2) out.push_back(static_cast<uint8_t>(std::stoi(h.substr(i, 2), nullptr, 16)));
  return out;
}

std::vector<const crypto::Backend*> backends() {
  std::vector<const crypto::Backend*> out = {&crypto::openssl_backend()};
  if (const crypto::Backend* b = crypto::cryptopp_backend()) out.push_back(b);
  return out;
}

struct SchemeCase {
  const char* file;
  const char* name;  // pbe_algorithm_name
};

const SchemeCase kSchemes[] = {
    {"PBE-SHA1-RC4-128", "PBEWithSHA1AndRC4_128"},
    {"PBE-SHA1-RC4-40", "PBEWithSHA1AndRC4_40"},
    {"PBE-SHA1-3DES", "PBEWithSHA1AndDESede"},
    {"PBE-SHA1-2DES", "PBEWithSHA1AndDESede2Key (1.2.840.113549.1.12.1.4)"},
    {"PBE-SHA1-RC2-128", "PBEWithSHA1AndRC2_128"},
    {"PBE-SHA1-RC2-40", "PBEWithSHA1AndRC2_40"},
    {"PBE-MD5-DES", "PBEWithMD5AndDES"},
    {"PBE-SHA1-DES", "PBES1 1.2.840.113549.1.5.10"},
    {"PBE-MD5-RC2-64", "PBES1 1.2.840.113549.1.5.6"},
    {"PBE-SHA1-RC2-64", "PBES1 1.2.840.113549.1.5.11"},
    {"pbes2-aes-128-cbc", "PBEWithHmacSHA256AndAES_128"},
    {"pbes2-aes-192-cbc", "PBES2 (PBKDF2-HmacSHA256, AES-192-CBC)"},
    {"pbes2-aes-256-cbc", "PBEWithHmacSHA256AndAES_256"},
    {"pbes2-des-ede3-cbc", "PBES2 (PBKDF2-HmacSHA256, DES-EDE3-CBC)"},
    {"pbes2-des-cbc", "PBES2 (PBKDF2-HmacSHA256, DES-CBC)"},
    {"pbes2-rc2-cbc", "PBES2 (PBKDF2-HmacSHA256, RC2-CBC)"},
    {"pbes2-aes-256-cbc-hmacWithSHA1", "PBEWithHmacSHA1AndAES_256"},
    {"pbes2-aes-256-cbc-hmacWithSHA224", "PBEWithHmacSHA224AndAES_256"},
    {"pbes2-aes-256-cbc-hmacWithSHA384", "PBEWithHmacSHA384AndAES_256"},
    {"pbes2-aes-256-cbc-hmacWithSHA512", "PBEWithHmacSHA512AndAES_256"},
    {"pbes2-aes-256-cbc-hmacWithSHA512-224", "PBEWithHmacSHA512/224AndAES_256"},
    {"pbes2-aes-256-cbc-hmacWithSHA512-256", "PBEWithHmacSHA512/256AndAES_256"},
};

TEST(PbesSchemes, EveryOpensslSchemeDecryptsOnEveryBackend) {
  const Bytes plain = testdata_bytes("pkcs12/pkcs8/plain.der");
  ASSERT_FALSE(plain.empty());
  const Password password = Password::from_utf8("kstore-pbe");
  for (const SchemeCase& c : kSchemes) {
    SCOPED_TRACE(c.file);
    const Bytes epki_der = testdata_bytes(std::string("pkcs12/pkcs8/") + c.file + ".der");
    auto epki = pbe::read_pbe_encrypted_key(epki_der);
    ASSERT_TRUE(epki.ok()) << epki.status().to_string();
    EXPECT_EQ(pbe::pbe_algorithm_name(epki->algorithm), c.name);
    for (const crypto::Backend* backend : backends()) {
      SCOPED_TRACE(backend->name());
      auto opened = pbe::decrypt_with_password(*backend, epki->algorithm, password, epki->encrypted_data,
                                               pbe::looks_like_private_key_info);
      ASSERT_TRUE(opened.ok()) << opened.status().to_string();
      EXPECT_EQ(to_hex(opened->plaintext), to_hex(plain));
      EXPECT_TRUE(opened->standard_encoding);
    }
    // Through the public API too.
    auto unsealed = unseal_private_key(SealedKey{KeyProtection::kPkcs12Shrouded, epki_der}, password);
    ASSERT_TRUE(unsealed.ok()) << unsealed.status().to_string();
    EXPECT_EQ(to_hex(*unsealed), to_hex(plain));
  }
}

TEST(PbesSchemes, WrongPasswordIsBadPasswordForEveryScheme) {
  for (const SchemeCase& c : kSchemes) {
    SCOPED_TRACE(c.file);
    const Bytes epki_der = testdata_bytes(std::string("pkcs12/pkcs8/") + c.file + ".der");
    auto unsealed = unseal_private_key(SealedKey{KeyProtection::kPkcs12Shrouded, epki_der},
                                       Password::from_utf8("not-the-password"));
    ASSERT_FALSE(unsealed.ok());
    EXPECT_EQ(unsealed.status().code(), ErrorCode::kBadPassword) << unsealed.status().to_string();
    EXPECT_EQ(unsealed.status().message().find("not-the-password"), std::string::npos);
  }
}

TEST(PbesSchemes, IterationsAboveTheLimitAreRefusedBeforeDeriving) {
  Limits limits;
  limits.max_kdf_iterations = 2047;  // the fixtures use OpenSSL's 2048
  for (const SchemeCase& c : kSchemes) {
    SCOPED_TRACE(c.file);
    const Bytes epki_der = testdata_bytes(std::string("pkcs12/pkcs8/") + c.file + ".der");
    auto unsealed =
        unseal_private_key(SealedKey{KeyProtection::kPkcs12Shrouded, epki_der}, Password::from_utf8("kstore-pbe"),
                           limits);
    ASSERT_FALSE(unsealed.ok());
    EXPECT_EQ(unsealed.status().code(), ErrorCode::kLimitExceeded) << unsealed.status().to_string();
  }
  EXPECT_EQ(pbe::check_iterations(5'000'001, Limits{}, "MAC").code(), ErrorCode::kLimitExceeded);
  EXPECT_TRUE(pbe::check_iterations(5'000'000, Limits{}, "MAC").ok());
  EXPECT_EQ(pbe::check_iterations(0, Limits{}, "MAC").code(), ErrorCode::kMalformed);
}

// The AlgorithmIdentifier JDK 17 writes for PBEWithHmacSHA256AndAES_256
// (docs/formats.md, "PKCS#12: encryption algorithms"; bytes from a
// keytool-made file) is written back byte for byte.
TEST(PbesAlgorithmIdentifier, JdkPbes2RoundTripsExactly) {
  const Bytes jdk = hex(
      "3066 06092a864886f70d01050d 3059"
      " 3038 06092a864886f70d01050c 302b 0414ccbb3c403b442fac144dba891cf591b1148d0ad4 02022710 020120"
      "  300c 06082a864886f70d020905 00"
      " 301d 0609 60864801650304012a 0410 1aa836dc574d5834e419cc73812c5a16");
  auto alg = pbe::parse_pbe_algorithm(jdk);
  ASSERT_TRUE(alg.ok()) << alg.status().to_string();
  EXPECT_EQ(alg->family, pbe::SchemeFamily::kPbes2);
  EXPECT_EQ(alg->iterations, 10000u);
  EXPECT_EQ(alg->salt.size(), 20u);
  EXPECT_TRUE(alg->key_length_present);
  EXPECT_EQ(alg->key_len, 32u);
  EXPECT_EQ(alg->kdf_hash, crypto::HashAlg::kSha256);
  EXPECT_EQ(alg->cipher, crypto::CipherAlg::kAes256Cbc);
  der::Writer w;
  pbe::write_pbe_algorithm(w, *alg);
  auto written = std::move(w).finish();
  ASSERT_TRUE(written.ok());
  EXPECT_EQ(to_hex(*written), to_hex(jdk));
}

// OpenSSL omits keyLength; an absent prf means hmacWithSHA1 (RFC 8018 A.2).
TEST(PbesAlgorithmIdentifier, DefaultsOfPbkdf2Params) {
  der::Writer w;
  w.sequence([](der::Writer& ai) {
    ai.oid(pbe::oid::kPbes2);
    ai.sequence([](der::Writer& p) {
      p.sequence([](der::Writer& kdf) {
        kdf.oid(pbe::oid::kPbkdf2);
        kdf.sequence([](der::Writer& k) {
          k.octet_string(Bytes(8, 1));
          k.uint64(2048);
        });
      });
      p.sequence([](der::Writer& s) {
        s.oid(pbe::oid::kAes128Cbc);
        s.octet_string(Bytes(16, 2));
      });
    });
  });
  auto der = std::move(w).finish();
  ASSERT_TRUE(der.ok());
  auto alg = pbe::parse_pbe_algorithm(*der);
  ASSERT_TRUE(alg.ok()) << alg.status().to_string();
  EXPECT_EQ(alg->kdf_hash, crypto::HashAlg::kSha1);
  EXPECT_FALSE(alg->key_length_present);
  EXPECT_TRUE(alg->prf_oid.empty());
  EXPECT_EQ(alg->key_len, 16u);
  EXPECT_EQ(pbe::pbe_algorithm_name(*alg), "PBEWithHmacSHA1AndAES_128");
  der::Writer again;
  pbe::write_pbe_algorithm(again, *alg);
  EXPECT_EQ(to_hex(*std::move(again).finish()), to_hex(*der));
}

Bytes pbes2_with(ByteView kdf_oid, ByteView prf_oid, ByteView cipher_oid, std::optional<uint64_t> key_length,
                 size_t iv_len = 16) {
  der::Writer w;
  w.sequence([&](der::Writer& ai) {
    ai.oid(pbe::oid::kPbes2);
    ai.sequence([&](der::Writer& p) {
      p.sequence([&](der::Writer& kdf) {
        kdf.oid(kdf_oid);
        kdf.sequence([&](der::Writer& k) {
          k.octet_string(Bytes(8, 1));
          k.uint64(2048);
          if (key_length) k.uint64(*key_length);
          k.sequence([&](der::Writer& prf) { prf.oid(prf_oid); });
        });
      });
      p.sequence([&](der::Writer& s) {
        s.oid(cipher_oid);
        s.octet_string(Bytes(iv_len, 2));
      });
    });
  });
  return *std::move(w).finish();
}

TEST(PbesAlgorithmIdentifier, RefusalsNameTheProblem) {
  const Bytes gost_cipher = der::oid_from_string("1.2.643.2.2.21");
  const Bytes gost_prf = der::oid_from_string("1.2.643.2.2.10");
  struct Case {
    const char* what;
    Bytes der;
    ErrorCode code;
    const char* mentions;
  } cases[] = {
      {"GOST cipher", pbes2_with(pbe::oid::kPbkdf2, pbe::oid::kHmacWithSha256, gost_cipher, std::nullopt),
       ErrorCode::kUnsupported, "1.2.643.2.2.21"},
      {"GOST PRF", pbes2_with(pbe::oid::kPbkdf2, gost_prf, pbe::oid::kAes256Cbc, std::nullopt),
       ErrorCode::kUnsupported, "1.2.643.2.2.10"},
      {"scrypt KDF", pbes2_with(der::oid_from_string("1.3.6.1.4.1.11591.4.11"), pbe::oid::kHmacWithSha256,
                                pbe::oid::kAes256Cbc, std::nullopt),
       ErrorCode::kUnsupported, "1.3.6.1.4.1.11591.4.11"},
      {"keyLength mismatch", pbes2_with(pbe::oid::kPbkdf2, pbe::oid::kHmacWithSha256, pbe::oid::kAes256Cbc, 16),
       ErrorCode::kMalformed, "keyLength"},
      {"short IV", pbes2_with(pbe::oid::kPbkdf2, pbe::oid::kHmacWithSha256, pbe::oid::kAes256Cbc, 32, 8),
       ErrorCode::kMalformed, "IV"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    auto alg = pbe::parse_pbe_algorithm(c.der);
    ASSERT_FALSE(alg.ok());
    EXPECT_EQ(alg.status().code(), c.code) << alg.status().to_string();
    EXPECT_NE(alg.status().message().find(c.mentions), std::string::npos) << alg.status().to_string();
  }
  der::Writer w;
  w.sequence([](der::Writer& ai) {
    ai.oid(der::oid_from_string("1.2.3.4"));
    ai.null();
  });
  auto unknown = pbe::parse_pbe_algorithm(*std::move(w).finish());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), ErrorCode::kUnsupported);
  EXPECT_NE(unknown.status().message().find("1.2.3.4"), std::string::npos);
}

// Keys sealed by kstore open again, for every scheme kstore writes.
TEST(PbesSchemes, SealThenUnsealForEveryWritableScheme) {
  const Bytes plain = testdata_bytes("pkcs12/pkcs8/plain.der");
  const PbeEncryption cases[] = {
      {},  // the default: PBES2, HmacSHA256, AES-256
      {PbeScheme::kPbes2, HashAlgorithm::kSha1, Pbes2Cipher::kAes128Cbc},
      {PbeScheme::kPbes2, HashAlgorithm::kSha512, Pbes2Cipher::kDesEde3Cbc},
      {PbeScheme::kPbeWithSha1AndDesede},
      {PbeScheme::kPbeWithSha1And2KeyDesede},
      {PbeScheme::kPbeWithSha1AndRc2_40},
      {PbeScheme::kPbeWithSha1AndRc2_128},
      {PbeScheme::kPbeWithSha1AndRc4_128},
      {PbeScheme::kPbeWithSha1AndRc4_40},
      {PbeScheme::kPbeWithMd5AndDes},
  };
  for (const Password& pw : {Password::from_utf8("changeit"), Password::from_utf8("p\xC3\xA4sswort"), Password()}) {
    for (const PbeEncryption& c : cases) {
      SCOPED_TRACE(pbe::pbe_algorithm_name(c));
      SealParams params;
      params.pkcs12_encryption = c;
      params.pkcs12_iterations = 1000;
      auto sealed = seal_private_key(StoreType::kPkcs12, plain, pw, params);
      ASSERT_TRUE(sealed.ok()) << sealed.status().to_string();
      auto epki = pbe::read_pbe_encrypted_key(sealed->encoded);
      ASSERT_TRUE(epki.ok());
      EXPECT_EQ(epki->algorithm.iterations, 1000u);
      auto opened = unseal_private_key(*sealed, pw);
      ASSERT_TRUE(opened.ok()) << opened.status().to_string();
      EXPECT_EQ(to_hex(*opened), to_hex(plain));
    }
  }
}

// The default seal is what JDK 17+ writes: PBES2, PBKDF2-HmacSHA256 with a
// 20-byte salt, 10000 iterations, keyLength 32, AES-256-CBC.
TEST(PbesSchemes, DefaultSealIsTheJdkModernLayout) {
  const Bytes plain = testdata_bytes("pkcs12/pkcs8/plain.der");
  auto sealed = seal_private_key(StoreType::kPkcs12, plain, Password::from_utf8("changeit"));
  ASSERT_TRUE(sealed.ok()) << sealed.status().to_string();
  EXPECT_EQ(sealed->protection, KeyProtection::kPkcs12Shrouded);
  auto epki = pbe::read_pbe_encrypted_key(sealed->encoded);
  ASSERT_TRUE(epki.ok());
  EXPECT_EQ(pbe::pbe_algorithm_name(epki->algorithm), "PBEWithHmacSHA256AndAES_256");
  EXPECT_EQ(epki->algorithm.salt.size(), 20u);
  EXPECT_EQ(epki->algorithm.iterations, 10000u);
  EXPECT_TRUE(epki->algorithm.key_length_present);
  EXPECT_EQ(epki->algorithm.iv.size(), 16u);
}

TEST(PbesSecretKeys, SealAndUnsealWithJcaNames) {
  struct Case {
    const char* name;
    size_t bytes;
    const char* expected_name;  // as the JDK 25 loader names it
  } cases[] = {
      {"AES", 16, "AES"},           {"aes", 32, "AES"},           {"HmacSHA256", 32, "HmacSHA256"},
      {"DESede", 24, "DESede"},     {"DES", 8, "DES"},            {"RC2", 16, "RC2"},
      {"RC4", 16, "ARCFOUR"},       {"Blowfish", 16, "Blowfish"}, {"HmacSHA512/256", 32, "HmacSHA512/256"},
      {"1.2.392.200011.61.1.1.1.4", 16, "1.2.392.200011.61.1.1.1.4"},
  };
  const Password pw = Password::from_utf8("changeit");
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    SecretKeyMaterial key;
    key.algorithm = c.name;
    key.key = SecretBytes(Bytes(c.bytes, 0x5a));
    SealParams params;
    params.pkcs12_iterations = 1000;
    auto sealed = seal_secret_key(StoreType::kPkcs12, key, pw, params);
    ASSERT_TRUE(sealed.ok()) << sealed.status().to_string();
    auto opened = unseal_secret_key(*sealed, pw);
    ASSERT_TRUE(opened.ok()) << opened.status().to_string();
    EXPECT_EQ(opened->algorithm, c.expected_name);
    EXPECT_EQ(to_hex(opened->key), to_hex(key.key));
  }
  SecretKeyMaterial unknown;
  unknown.algorithm = "NoSuchCipher";
  unknown.key = SecretBytes(Bytes(16, 1));
  auto sealed = seal_secret_key(StoreType::kPkcs12, unknown, pw);
  ASSERT_FALSE(sealed.ok());
  EXPECT_EQ(sealed.status().code(), ErrorCode::kUnsupported);
}

}  // namespace
}  // namespace kstore
