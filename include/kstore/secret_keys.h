// Secret keys as the JDK makes them: the KeyGenerators of its SunJCE
// provider (keytool -genseckey), the password entries of keytool
// -importpass, and which keystore of JDK 17 can hold which secret key.
// docs/secret-keys.md, "Secret keys the JDK generates" and "Password entries".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kstore/crypto_backend.h"
#include "kstore/jdk_refusal.h"
#include "kstore/password.h"
#include "kstore/sealing.h"
#include "kstore/store_type.h"

namespace kstore {

// The families of SunJCE key generators; each has its own size rule.
enum class SecretKeyFamily : uint8_t {
  kAes, kDes, kDesede, kBlowfish, kRc2, kArcfour, kChaCha20,
  kHmacAnySize,    // HmacMD5, HmacSHA1: any size, rounded up to whole bytes
  kHmacAtLeast40,  // HmacSHA224 ... HmacSHA3-512: at least 40 bits
  kNeedsParameters,  // the SunTls* generators, which take no key size at all
};

struct SecretKeyGenerator {
  std::string algorithm;  // the key's name, as SecretKey.getAlgorithm() gives it: "AES", "DESede", "ARCFOUR"
  SecretKeyFamily family;
};

// KeyGenerator.getInstance(name) of JDK 17: standard names in any case,
// the provider's aliases ("RC4") and object identifiers (with or without
// "OID."). The refusal: NoSuchAlgorithmException "<name> KeyGenerator not
// available".
std::optional<JdkRefusal> find_secret_key_generator(std::string_view name, SecretKeyGenerator& out);

// keytool -genseckey's size when -keysize is absent: 56 for DES and 168 for
// DESede, matched against the name as typed (any case, no aliases); nullopt
// for every other name, for which keytool asks for -keysize.
std::optional<int32_t> keytool_default_secret_key_size(std::string_view typed_name);

// KeyGenerator.init(bits) followed by generateKey(): the JDK's refusal of a
// size, e.g. InvalidParameterException "Wrong keysize: must be equal to
// 128, 192 or 256", or IllegalArgumentException "Empty key" for an Hmac key
// of no bytes.
std::optional<JdkRefusal> check_secret_key_size(const SecretKeyGenerator& generator, int32_t bits);

// The length in bytes of a key of `bits` (after check_secret_key_size):
// DESede is always 24 bytes, DES 8, others (bits + 7) / 8.
size_t secret_key_length(const SecretKeyGenerator& generator, int32_t bits);

// A fresh key from the random generator of `crypto` (the default backend
// draws from OpenSSL's, seeded by the operating system), made as the JDK's
// generator makes it: DES keys with odd parity and never one of the 16 weak or
// semi-weak keys; DESede with three parity-adjusted parts (168) or two, the
// first repeated as the third (112). kInvalidArgument for a size that
// check_secret_key_size refuses.
Result<SecretKeyMaterial> generate_secret_key(const SecretKeyGenerator& generator, int32_t bits,
                                              CryptoBackend crypto = CryptoBackend::kDefault);

// Whether a keystore written by JDK 17 can hold a secret key of `algorithm`
// (the key's name): JKS holds none (KeyStoreException "Cannot store
// non-PrivateKeys"); PKCS#12 only those whose name JDK 17 maps to an object
// identifier (not Blowfish, RC2, ChaCha20, HmacMD5); JCEKS all.
std::optional<JdkRefusal> check_secret_key_storable(StoreType target, std::string_view algorithm);

// The algorithm of the key keytool -importpass stores: SecretKeyFactory
// "PBE" is PBEWithMD5AndDES.
inline constexpr const char* kPasswordEntryAlgorithm = "PBEWithMD5AndDES";

// The secret key keytool -importpass stores for `password`: a PBEKey, the
// password's chars as bytes. Chars outside 0x20..0x7E are refused
// (InvalidKeySpecException "Password is not ASCII"); the empty password
// gives a key of no bytes, as the JDK stores it.
std::optional<JdkRefusal> password_entry_key(const Password& password, SecretKeyMaterial& out);

// How a password entry is protected when -importpass names a PBE
// algorithm of its own (-keyalg PBEWith…, not "PBE"): PKCS#12 encrypts the
// entry with it (at `base`'s iterations); JKS and JCEKS refuse
// (KeyStoreException "unsupported password protection algorithm"), as does
// PKCS#12 for a name that is not a PBE cipher.
std::optional<JdkRefusal> password_entry_protection(StoreType target, std::string_view pbe_algorithm,
                                                    const SealParams& base, SealParams& out);

}  // namespace kstore
