// Secret key bag plaintext and key algorithm names. JDK 25
// sun.security.util.KnownOIDs (names and aliases) and PKCS12KeyStore
// (engineGetKey renames "DES/CBC" to "DES" and the RC2 standard name to "RC2").
#include "pkcs12/secret_key_info.h"

#include "der/reader.h"
#include "kstore/java_string.h"

namespace kstore::pkcs12 {
namespace {

struct KeyAlgorithm {
  const char* dotted;
  const char* name;    // what the JDK 25 loader returns
  const char* alias;   // another name AlgorithmId.get accepts, or nullptr
};

// Only the algorithms a SecretKeySpec can usefully carry. JDK 17 differs for
// two of them: it names 1.2.840.113549.3.2 "RC2/CBC/PKCS5Padding" and does not
// know the Blowfish OID (the corpus's JDK 17 view shows the dotted form).
const KeyAlgorithm kKeyAlgorithms[] = {
    {"2.16.840.1.101.3.4.1", "AES", nullptr},
    {"1.3.14.3.2.7", "DES", "DES/CBC"},
    {"1.3.14.3.2.17", "DESede", nullptr},
    {"1.2.840.113549.3.7", "DESede/CBC/NoPadding", nullptr},
    {"1.2.840.113549.3.2", "RC2", "RC2/CBC/PKCS5Padding"},
    {"1.2.840.113549.3.4", "ARCFOUR", "RC4"},
    {"1.3.6.1.4.1.3029.1.1.2", "Blowfish", nullptr},
    {"1.2.840.113549.2.7", "HmacSHA1", nullptr},
    {"1.2.840.113549.2.8", "HmacSHA224", nullptr},
    {"1.2.840.113549.2.9", "HmacSHA256", nullptr},
    {"1.2.840.113549.2.10", "HmacSHA384", nullptr},
    {"1.2.840.113549.2.11", "HmacSHA512", nullptr},
    {"1.2.840.113549.2.12", "HmacSHA512/224", nullptr},
    {"1.2.840.113549.2.13", "HmacSHA512/256", nullptr},
    {"2.16.840.1.101.3.4.2.13", "HmacSHA3-224", nullptr},
    {"2.16.840.1.101.3.4.2.14", "HmacSHA3-256", nullptr},
    {"2.16.840.1.101.3.4.2.15", "HmacSHA3-384", nullptr},
    {"2.16.840.1.101.3.4.2.16", "HmacSHA3-512", nullptr},
    {"1.2.840.113549.1.9.16.3.18", "CHACHA20-POLY1305", nullptr},
    {"1.2.840.113549.1.5.3", "PBEWithMD5AndDES", nullptr},
    {"1.2.840.113549.1.5.6", "PBEWithMD5AndRC2", nullptr},
    {"1.2.840.113549.1.5.10", "PBEWithSHA1AndDES", nullptr},
    {"1.2.840.113549.1.5.11", "PBEWithSHA1AndRC2", nullptr},
    {"1.2.840.113549.1.5.12", "PBKDF2WithHmacSHA1", nullptr},
    {"1.2.840.113549.1.12.1.1", "PBEWithSHA1AndRC4_128", nullptr},
    {"1.2.840.113549.1.12.1.2", "PBEWithSHA1AndRC4_40", nullptr},
    {"1.2.840.113549.1.12.1.3", "PBEWithSHA1AndDESede", nullptr},
    {"1.2.840.113549.1.12.1.5", "PBEWithSHA1AndRC2_128", nullptr},
    {"1.2.840.113549.1.12.1.6", "PBEWithSHA1AndRC2_40", nullptr},
};

// DER INTEGER 0, then the AlgorithmIdentifier and OCTET STRING headers are
// written around the key by hand so that the key bytes only ever live in
// SecretBytes.
void append_header(SecretBytes& out, uint8_t tag, size_t len) {
  uint8_t buf[6];
  size_t n = 0;
  buf[n++] = tag;
  if (len < 0x80) {
    buf[n++] = static_cast<uint8_t>(len);
  } else {
    size_t bytes = 0;
    for (size_t l = len; l; l >>= 8) ++bytes;
    buf[n++] = static_cast<uint8_t>(0x80 | bytes);
    for (size_t i = bytes; i-- > 0;) buf[n++] = static_cast<uint8_t>(len >> (8 * i));
  }
  out.append(ByteView(buf, n));
}

}  // namespace

std::string jca_name_for_key_oid(ByteView oid) {
  const std::string dotted = der::oid_to_string(oid);
  for (const KeyAlgorithm& k : kKeyAlgorithms)
    if (dotted == k.dotted) return k.name;
  return dotted;
}

Result<Bytes> key_oid_for_jca_name(std::string_view name) {
  for (const KeyAlgorithm& k : kKeyAlgorithms) {
    if (equals_ignore_ascii_case(name, k.name) || (k.alias && equals_ignore_ascii_case(name, k.alias)))
      return der::oid_from_string(k.dotted);
  }
  Bytes dotted = der::oid_from_string(name);
  if (!dotted.empty()) return dotted;
  return Status::Unsupported("no OID is known for the secret key algorithm \"", name, "\"");
}

Result<SecretKeyMaterial> parse_secret_key_info(ByteView plaintext) {
  der::Reader outer(plaintext, der::Mode::kBer, 0, "secret key");
  KS_ASSIGN_OR_RETURN(der::Reader info, outer.read_sequence());
  KS_TRY(outer.expect_end());
  KS_ASSIGN_OR_RETURN(uint64_t version, info.read_uint64());
  (void)version;  // the JDK writes 0 and does not check it
  KS_ASSIGN_OR_RETURN(der::Reader ai, info.read_sequence());
  KS_ASSIGN_OR_RETURN(ByteView key_oid, ai.read_oid());
  Bytes storage;
  KS_ASSIGN_OR_RETURN(ByteView raw, info.read_octet_string(&storage));
  SecretKeyMaterial out;
  out.algorithm = jca_name_for_key_oid(key_oid);
  out.key = SecretBytes(raw);
  if (!storage.empty()) secure_wipe(storage.data(), storage.size());
  return out;
}

Result<SecretBytes> encode_secret_key_info(const SecretKeyMaterial& key) {
  KS_ASSIGN_OR_RETURN(Bytes oid, key_oid_for_jca_name(key.algorithm));
  // The JDK writes no NULL parameters for secret key algorithms (AlgorithmId.encode).
  const size_t ai_len = 2 + oid.size() + (oid.size() >= 0x80 ? 1 : 0);
  const size_t key_header = 1 + (key.key.size() < 0x80 ? 1 : key.key.size() < 0x100 ? 2 : key.key.size() < 0x10000 ? 3 : 4);
  const size_t ai_header = 2;
  const size_t body = 3 + ai_header + ai_len + key_header + key.key.size();
  if (oid.size() >= 0x80 || ai_len >= 0x80) return Status::InvalidArgument("secret key algorithm OID too long");
  SecretBytes out;
  append_header(out, 0x30, body);
  const uint8_t version[] = {0x02, 0x01, 0x00};
  out.append(version);
  append_header(out, 0x30, ai_len);
  append_header(out, 0x06, oid.size());
  out.append(oid);
  append_header(out, 0x04, key.key.size());
  out.append(key.key);
  return out;
}

}  // namespace kstore::pkcs12
