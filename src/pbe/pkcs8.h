// PKCS#8 structures (RFC 5208, RFC 5958): the outline of a PrivateKeyInfo,
// and EncryptedPrivateKeyInfo, the form in which JKS, JCEKS and PKCS#12
// store a protected key.
#pragma once

#include <optional>

#include "der/writer.h"
#include "kstore/bytes.h"
#include "kstore/status.h"
#include "pbe/algorithm_identifier.h"

namespace kstore::pbe {

// PrivateKeyInfo ::= SEQUENCE { version INTEGER, privateKeyAlgorithm
// AlgorithmIdentifier, privateKey OCTET STRING, ... } and nothing after it
// (DER or BER). Also true for the JDK's PKCS#12 secret key plaintext, which
// has the same outline. It tells a recovered key from the noise a wrong
// password leaves, and checks what a caller asks to seal.
bool looks_like_private_key_info(ByteView der);
// kInvalidArgument unless `pkcs8`, a key a caller asks to seal, looks like one.
Status check_private_key_info_to_seal(ByteView pkcs8);

// EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm AlgorithmIdentifier,
//                                        encryptedData OCTET STRING }
// Read as the JDK reads it (DER or BER).
struct EncryptedPrivateKeyInfo {
  Bytes algorithm_identifier;                 // the whole TLV, as stored
  Bytes algorithm_oid;                        // its OID's contents
  std::optional<Bytes> algorithm_parameters;  // its parameters' TLV; JDK 25 omits them for JKS keys, JDK 17 writes NULL
  Bytes encrypted_data;
};
Result<EncryptedPrivateKeyInfo> read_encrypted_private_key_info(ByteView der);
// `write_algorithm` writes the AlgorithmIdentifier.
Result<Bytes> write_encrypted_private_key_info(const der::Writer::Body& write_algorithm, ByteView encrypted_data);

// The same with a password-based encryption algorithm (PKCS#12 PBE, PBES1,
// PBES2), as PKCS#12 shrouded key bags and the JDK's secret bags hold it.
struct PbeEncryptedKey {
  PbeAlgorithm algorithm;
  Bytes encrypted_data;
};
Result<PbeEncryptedKey> read_pbe_encrypted_key(ByteView der);
Result<Bytes> write_pbe_encrypted_key(const PbeAlgorithm& algorithm, ByteView encrypted_data);

}  // namespace kstore::pbe
