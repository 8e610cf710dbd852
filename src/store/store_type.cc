// Store types and the JDK's rule for which reader opens which bytes.
#include "kstore/store_type.h"

#include "jks/jks_format.h"
#include "kstore/java_string.h"

namespace kstore {

const char* store_type_name(StoreType type) {
  switch (type) {
    case StoreType::kJks: return "JKS";
    case StoreType::kJceks: return "JCEKS";
    case StoreType::kPkcs12: return "PKCS12";
  }
  return "?";
}

std::optional<StoreType> detect_store_type(ByteView file) {
  if (file.size() >= 4) {
    const uint32_t magic = (uint32_t(file[0]) << 24) | (uint32_t(file[1]) << 16) | (uint32_t(file[2]) << 8) | file[3];
    if (magic == jks::kJksMagic) return StoreType::kJks;
    if (magic == jks::kJceksMagic) return StoreType::kJceks;
  }
  // PFX ::= SEQUENCE { version INTEGER 3, ... }: a SEQUENCE (any length form)
  // whose first element is INTEGER 3.
  if (file.size() >= 5 && file[0] == 0x30) {
    size_t pos = 2;
    if (file[1] > 0x80) pos = 2 + (file[1] & 0x7f);
    if (pos + 3 <= file.size() && file[pos] == 0x02 && file[pos + 1] == 0x01 && file[pos + 2] == 0x03)
      return StoreType::kPkcs12;
  }
  return std::nullopt;
}

std::optional<KeystoreType> parse_keystore_type(std::string_view name) {
  struct Known {
    const char* name;
    KeystoreType type;
  };
  static constexpr Known kKnown[] = {{"JKS", KeystoreType::kJks},
                                     {"CaseExactJKS", KeystoreType::kCaseExactJks},
                                     {"JCEKS", KeystoreType::kJceks},
                                     {"PKCS12", KeystoreType::kPkcs12}};
  for (const Known& k : kKnown)
    if (equals_ignore_ascii_case(name, k.name)) return k.type;
  return std::nullopt;
}

KeystoreType keystore_type_of(StoreType format) {
  switch (format) {
    case StoreType::kJks: return KeystoreType::kJks;
    case StoreType::kJceks: return KeystoreType::kJceks;
    case StoreType::kPkcs12: return KeystoreType::kPkcs12;
  }
  return KeystoreType::kPkcs12;
}

StoreType format_of(KeystoreType type) {
  switch (type) {
    case KeystoreType::kJks:
    case KeystoreType::kCaseExactJks: return StoreType::kJks;
    case KeystoreType::kJceks: return StoreType::kJceks;
    case KeystoreType::kPkcs12: return StoreType::kPkcs12;
  }
  return StoreType::kPkcs12;
}

std::optional<StoreType> reader_for(KeystoreType requested, std::optional<StoreType> detected) {
  switch (requested) {
    case KeystoreType::kJks:
      if (detected == StoreType::kJks || detected == StoreType::kPkcs12) return detected;
      return std::nullopt;
    case KeystoreType::kCaseExactJks:
      if (detected == StoreType::kJks) return detected;
      return std::nullopt;
    case KeystoreType::kJceks:
      if (detected == StoreType::kJks || detected == StoreType::kJceks) return StoreType::kJceks;
      return std::nullopt;
    case KeystoreType::kPkcs12:
      if (detected == StoreType::kJks) return detected;
      return StoreType::kPkcs12;
  }
  return std::nullopt;
}

const char* provider_name(KeystoreType type) { return type == KeystoreType::kJceks ? "SunJCE" : "SUN"; }

}  // namespace kstore
