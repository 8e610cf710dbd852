// The JDK 17 SunJCE KeyGenerators by name, and their key size rules
// (com.sun.crypto.provider.SunJCE, AESKeyGenerator, DESKeyGenerator,
// DESedeKeyGenerator, BlowfishKeyGenerator, KeyGeneratorCore,
// HmacMD5KeyGenerator, HmacSHA1KeyGenerator, Tls*Generator;
// docs/secret-keys.md, "Secret keys the JDK generates").
#include <cctype>
#include <climits>
#include <string>

#include "kstore/java_string.h"
#include "kstore/secret_keys.h"

namespace kstore {
namespace {

struct GeneratorRow {
  const char* name;
  SecretKeyFamily family;
  const char* aliases[3];  // the provider's aliases: object identifiers, "RC4", "TripleDES"
};

// psA() registrations carry their object identifier as "OID.<oid>" and
// "<oid>" (SecurityProviderConstants.getAliases); ps() ones have none.
const GeneratorRow kGenerators[] = {
    {"DES", SecretKeyFamily::kDes, {}},
    {"DESede", SecretKeyFamily::kDesede, {"TripleDES"}},
    {"Blowfish", SecretKeyFamily::kBlowfish, {}},
    {"AES", SecretKeyFamily::kAes, {"2.16.840.1.101.3.4.1"}},
    {"RC2", SecretKeyFamily::kRc2, {}},
    {"ARCFOUR", SecretKeyFamily::kArcfour, {"1.2.840.113549.3.4", "RC4"}},
    {"ChaCha20", SecretKeyFamily::kChaCha20, {}},
    {"HmacMD5", SecretKeyFamily::kHmacAnySize, {}},
    {"HmacSHA1", SecretKeyFamily::kHmacAnySize, {"1.2.840.113549.2.7"}},
    {"HmacSHA224", SecretKeyFamily::kHmacAtLeast40, {"1.2.840.113549.2.8"}},
    {"HmacSHA256", SecretKeyFamily::kHmacAtLeast40, {"1.2.840.113549.2.9"}},
    {"HmacSHA384", SecretKeyFamily::kHmacAtLeast40, {"1.2.840.113549.2.10"}},
    {"HmacSHA512", SecretKeyFamily::kHmacAtLeast40, {"1.2.840.113549.2.11"}},
    {"HmacSHA512/224", SecretKeyFamily::kHmacAtLeast40, {"1.2.840.113549.2.12"}},
    {"HmacSHA512/256", SecretKeyFamily::kHmacAtLeast40, {"1.2.840.113549.2.13"}},
    {"HmacSHA3-224", SecretKeyFamily::kHmacAtLeast40, {"2.16.840.1.101.3.4.2.13"}},
    {"HmacSHA3-256", SecretKeyFamily::kHmacAtLeast40, {"2.16.840.1.101.3.4.2.14"}},
    {"HmacSHA3-384", SecretKeyFamily::kHmacAtLeast40, {"2.16.840.1.101.3.4.2.15"}},
    {"HmacSHA3-512", SecretKeyFamily::kHmacAtLeast40, {"2.16.840.1.101.3.4.2.16"}},
    {"SunTlsPrf", SecretKeyFamily::kNeedsParameters, {}},
    {"SunTls12Prf", SecretKeyFamily::kNeedsParameters, {}},
    {"SunTlsMasterSecret", SecretKeyFamily::kNeedsParameters, {"SunTls12MasterSecret", "SunTlsExtendedMasterSecret"}},
    {"SunTlsKeyMaterial", SecretKeyFamily::kNeedsParameters, {"SunTls12KeyMaterial"}},
    {"SunTlsRsaPremasterSecret", SecretKeyFamily::kNeedsParameters, {"SunTls12RsaPremasterSecret"}},
};

bool row_matches(const GeneratorRow& row, std::string_view name) {
  if (equals_ignore_ascii_case(name, row.name)) return true;
  for (const char* alias : row.aliases) {
    if (alias == nullptr) break;
    if (equals_ignore_ascii_case(name, alias)) return true;
    if (std::isdigit(static_cast<unsigned char>(alias[0])) && equals_ignore_ascii_case(name, std::string("OID.") + alias))
      return true;
  }
  return false;
}

// The SunTls* generators refuse every size, naming their parameter class.
std::string parameters_message(std::string_view name) {
  std::string cls = "TlsRsaPremasterSecret";
  if (name.find("Prf") != std::string_view::npos) cls = "TlsPrf";
  if (name.find("MasterSecret") != std::string_view::npos && name.find("Rsa") == std::string_view::npos)
    cls = "TlsMasterSecret";
  if (name.find("KeyMaterial") != std::string_view::npos) cls = "TlsKeyMaterial";
  return cls + "Generator must be initialized using a " + cls + "ParameterSpec";
}

JdkRefusal invalid_parameter(std::string message) { return {JdkException::kInvalidParameter, std::move(message)}; }

// new byte[n] with an Hmac generator's n: negative sizes fail, and a key of
// no bytes is refused by SecretKeySpec.
std::optional<JdkRefusal> check_hmac_length(int64_t bytes) {
  if (bytes < 0) return JdkRefusal{JdkException::kNegativeArraySize, std::to_string(bytes)};
  if (bytes == 0) return JdkRefusal{JdkException::kIllegalArgument, "Empty key"};
  return std::nullopt;
}

// Java's int arithmetic: (bits + 7) wraps around above Integer.MAX_VALUE - 7.
int32_t java_int_add(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) + static_cast<uint32_t>(b));
}

}  // namespace

std::optional<JdkRefusal> find_secret_key_generator(std::string_view name, SecretKeyGenerator& out) {
  for (const GeneratorRow& row : kGenerators) {
    if (row_matches(row, name)) {
      out = SecretKeyGenerator{row.name, row.family};
      return std::nullopt;
    }
  }
  return JdkRefusal{JdkException::kNoSuchAlgorithm, std::string(name) + " KeyGenerator not available"};
}

std::optional<int32_t> keytool_default_secret_key_size(std::string_view typed_name) {
  if (equals_ignore_ascii_case(typed_name, "DES")) return 56;
  if (equals_ignore_ascii_case(typed_name, "DESede")) return 168;
  return std::nullopt;
}

std::optional<JdkRefusal> check_secret_key_size(const SecretKeyGenerator& generator, int32_t bits) {
  switch (generator.family) {
    case SecretKeyFamily::kAes:
      if (bits == 128 || bits == 192 || bits == 256) return std::nullopt;
      return invalid_parameter("Wrong keysize: must be equal to 128, 192 or 256");
    case SecretKeyFamily::kDes:
      if (bits == 56) return std::nullopt;
      return invalid_parameter("Wrong keysize: must be equal to 56");
    case SecretKeyFamily::kDesede:
      if (bits == 112 || bits == 168) return std::nullopt;
      return invalid_parameter("Wrong keysize: must be equal to 112 or 168");
    case SecretKeyFamily::kBlowfish:
      if (bits % 8 == 0 && bits >= 32 && bits <= 448) return std::nullopt;
      return invalid_parameter("Keysize must be multiple of 8, and can only range from 32 to 448 (inclusive)");
    case SecretKeyFamily::kRc2:
    case SecretKeyFamily::kArcfour:
      if (bits >= 40 && bits <= 1024) return std::nullopt;
      return invalid_parameter("Key length for " + generator.algorithm + " must be between 40 and 1024 bits");
    case SecretKeyFamily::kChaCha20:
      if (bits == 256) return std::nullopt;
      return invalid_parameter("Key length for ChaCha20 must be 256 bits");
    case SecretKeyFamily::kHmacAnySize:
      return check_hmac_length(java_int_add(bits, 7) / 8);
    case SecretKeyFamily::kHmacAtLeast40:
      if (bits < 40) return invalid_parameter("Key length must be at least 40 bits");
      return check_hmac_length(java_int_add(bits, 7) >> 3);
    case SecretKeyFamily::kNeedsParameters:
      return invalid_parameter(parameters_message(generator.algorithm));
  }
  return invalid_parameter("unknown generator");
}

size_t secret_key_length(const SecretKeyGenerator& generator, int32_t bits) {
  if (generator.family == SecretKeyFamily::kDes) return 8;
  if (generator.family == SecretKeyFamily::kDesede) return 24;
  if (bits <= 0) return 0;
  return (static_cast<size_t>(bits) + 7) / 8;
}

}  // namespace kstore
