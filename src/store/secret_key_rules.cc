// Which JDK 17 keystore holds which secret key, and keytool -importpass's
// password entries (JavaKeyStore.engineSetKeyEntry, PKCS12KeyStore.setKeyEntry
// with AlgorithmId.get, KeyStoreSpi.engineSetEntry, com.sun.crypto.provider.PBEKey;
// docs/secret-keys.md, "Secret keys the JDK generates" and "Password entries").
#include <string>
#include <utility>
#include <vector>

#include "kstore/java_string.h"
#include "kstore/pkcs12.h"
#include "kstore/secret_keys.h"

namespace kstore {
namespace {

// The key names of the JDK's generators (and of password entries) for
// which JDK 17's AlgorithmId.get finds an object identifier, so that
// PKCS12KeyStore can write the key's SecretKeyInfo. Blowfish, RC2, ChaCha20
// and HmacMD5 have none in JDK 17.
constexpr const char* kPkcs12KeyNames[] = {
    "AES",          "DES",          "DESede",         "ARCFOUR",        "HmacSHA1",     "HmacSHA224",
    "HmacSHA256",   "HmacSHA384",   "HmacSHA512",     "HmacSHA512/224", "HmacSHA512/256", "HmacSHA3-224",
    "HmacSHA3-256", "HmacSHA3-384", "HmacSHA3-512",   kPasswordEntryAlgorithm,
};

JdkRefusal key_store_refusal(std::string message) { return {JdkException::kKeyStore, std::move(message)}; }

}  // namespace

std::optional<JdkRefusal> check_secret_key_storable(StoreType target, std::string_view algorithm) {
  switch (target) {
    case StoreType::kJks:
      return key_store_refusal("Cannot store non-PrivateKeys");
    case StoreType::kJceks:
      return std::nullopt;
    case StoreType::kPkcs12:
      for (const char* name : kPkcs12KeyNames)
        if (equals_ignore_ascii_case(algorithm, name)) return std::nullopt;
      return key_store_refusal(
          "Key protection algorithm not found: java.security.NoSuchAlgorithmException: unrecognized algorithm name: " +
          std::string(algorithm));
  }
  return key_store_refusal("unknown keystore type");
}

std::optional<JdkRefusal> password_entry_key(const Password& password, SecretKeyMaterial& out) {
  // PBEKey: chars 0x20..0x7E only, each kept as its low 7 bits; the single
  // char U+0000 stands for an empty password with no terminator and is kept.
  const bool lone_nul = password.length() == 1 && password.char_at(0) == 0;
  SecretBytes key;
  for (size_t i = 0; i < password.length(); ++i) {
    const char16_t c = password.char_at(i);
    if (!lone_nul && (c < 0x20 || c > 0x7e)) return JdkRefusal{JdkException::kInvalidKeySpec, "Password is not ASCII"};
    key.push_back(static_cast<uint8_t>(c & 0x7f));
  }
  out.algorithm = kPasswordEntryAlgorithm;
  out.key = std::move(key);
  return std::nullopt;
}

std::optional<JdkRefusal> password_entry_protection(StoreType target, std::string_view pbe_algorithm,
                                                    const SealParams& base, SealParams& out) {
  // KeyStoreSpi.engineSetEntry (JKS, JCEKS) takes no protection algorithm.
  if (target != StoreType::kPkcs12) return key_store_refusal("unsupported password protection algorithm");
  Pkcs12Protection protection;
  protection.key_iterations = base.pkcs12_iterations;
  const std::vector<std::pair<std::string, std::string>> chosen = {
      {"keystore.pkcs12.keyProtectionAlgorithm", std::string(pbe_algorithm)}};
  Result<Pkcs12Protection> with_algorithm = pkcs12_protection_from_properties(chosen, protection);
  if (!with_algorithm.ok()) {
    return key_store_refusal(
        "Key protection algorithm not found: java.security.UnrecoverableKeyException: Encrypt Private Key failed: "
        "getPBEAlgorithmParameters failed: " +
        std::string(pbe_algorithm) + " AlgorithmParameters not available");
  }
  out = pkcs12_seal_params(*with_algorithm);
  return std::nullopt;
}

}  // namespace kstore
