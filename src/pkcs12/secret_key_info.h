// The plaintext of a JDK PKCS#12 secret key bag:
//   SEQUENCE { INTEGER 0, AlgorithmIdentifier { key algorithm OID }, OCTET STRING rawKey }
// (PKCS12KeyStore.setKeyEntry; docs/formats.md, "PKCS#12: secret keys"), and
// the mapping between the key algorithm OID and its JCA name
// (sun.security.util.KnownOIDs).
#pragma once

#include <string>
#include <string_view>

#include "kstore/sealing.h"

namespace kstore::pkcs12 {

Result<SecretKeyMaterial> parse_secret_key_info(ByteView plaintext);
Result<SecretBytes> encode_secret_key_info(const SecretKeyMaterial& key);

// JCA name for a key algorithm OID as the JDK 25 loader names it ("AES",
// "DES", "RC2", "HmacSHA256"…); the dotted OID when the JDK has no name.
std::string jca_name_for_key_oid(ByteView oid);
// The OID the JDK writes for a JCA name (AlgorithmId.get; case-insensitive,
// aliases included; a dotted OID is taken as is). kUnsupported otherwise.
Result<Bytes> key_oid_for_jca_name(std::string_view name);

}  // namespace kstore::pkcs12
