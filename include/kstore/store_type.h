// Keystore types: the file formats kstore reads and writes, and the types a
// user names when asking the JDK for a KeyStore (keytool's -storetype), with
// the JDK's rule for which reader opens which bytes (docs/formats.md,
// "Store types: which reader opens which bytes").
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "kstore/bytes.h"

namespace kstore {

// A file format.
enum class StoreType : uint8_t { kJks, kJceks, kPkcs12 };

// "JKS", "JCEKS", "PKCS12": the names keytool prints for a format.
const char* store_type_name(StoreType type);

// The format of `file` by its content (magic numbers, DER shape), never by
// its name; nullopt when it is none of the three.
std::optional<StoreType> detect_store_type(ByteView file);

// A keystore type as KeyStore.getInstance knows it: a format, plus
// CaseExactJKS, the JKS variant that keeps and compares aliases exactly.
enum class KeystoreType : uint8_t { kJks, kCaseExactJks, kJceks, kPkcs12 };

// A -storetype value, compared ignoring ASCII case as the JDK's provider
// lookup does: "jks", "PKCS12", "caseexactjks". nullopt for types kstore
// does not implement (PKCS11, Windows-MY, BKS, ...).
std::optional<KeystoreType> parse_keystore_type(std::string_view name);

// KeyStore.getType() of a store opened by probing its bytes.
KeystoreType keystore_type_of(StoreType format);

// The format a new store of `type` is written in.
StoreType format_of(KeystoreType type);

// The reader the JDK uses when `requested` is asked for and the bytes are
// of format `detected` (keystore.type.compat), named by the format it
// implements: JKS and PKCS12 hand each other's files to each other's
// reader, JCEKS reads JKS files itself (and behaves as JCEKS), CaseExactJKS
// reads only JKS files. nullopt when the JDK refuses the bytes ("Invalid
// keystore format"). When PKCS12 is asked for, all bytes but JKS go to the
// PKCS#12 reader, which fails on what it cannot parse.
std::optional<StoreType> reader_for(KeystoreType requested, std::optional<StoreType> detected);

// The provider keytool names for the type: "SunJCE" for JCEKS, "SUN" otherwise.
const char* provider_name(KeystoreType type);

}  // namespace kstore
