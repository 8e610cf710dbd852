// A certificate's algorithms as keytool names them: the signature algorithm
// (AlgorithmId.getName) and the public key with its size (KeyUtil).
#pragma once

#include <string>

#include "kstore/bytes.h"
#include "kstore/status.h"

namespace kstore::keytool {

// AlgorithmId.getName() of a signature AlgorithmIdentifier TLV: the JCA name
// ("SHA256withRSA", "RSASSA-PSS", "Ed25519") or the dotted OID.
Result<std::string> signature_algorithm_name(ByteView algorithm_identifier);

struct PublicKeyInfo {
  std::string algorithm;  // Key.getAlgorithm(): "RSA", "EC", "DSA", "RSASSA-PSS", "XDH", "Ed25519"…
  std::string display;    // KeyUtil.fullDisplayAlgName: "EC (secp256r1)", "Ed25519"
  int bits = -1;          // KeyUtil.getKeySize, -1 if unknown
};
Result<PublicKeyInfo> describe_public_key(ByteView spki);

// "2048-bit RSA key", "256-bit EC (secp256r1) key", "EC key of unknown size".
std::string public_key_name(const PublicKeyInfo& key);

}  // namespace kstore::keytool
