// Algorithm names and key descriptions as keytool prints them, with the
// "(weak)"/"(disabled)" markers JDK 17 derives from jdk.certpath.disabledAlgorithms
// and jdk.security.legacyAlgorithms (conf/security/java.security).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kstore/bytes.h"
#include "kstore/status.h"

namespace kstore::x509 {

// AlgorithmId.getName() of a signature AlgorithmIdentifier TLV: the JCA name
// ("SHA256withRSA", "RSASSA-PSS", "Ed25519") or the dotted OID.
Result<std::string> signature_algorithm_name(ByteView algorithm_identifier);

struct PublicKeyInfo {
  std::string algorithm;  // Key.getAlgorithm(): "RSA", "EC", "DSA", "RSASSA-PSS", "XDH", "Ed25519"…
  std::string display;    // KeyUtil.fullDisplayAlgName: "EC (secp256r1)", "Ed25519"
  int bits = -1;          // KeyUtil.getKeySize, -1 if unknown
};
Result<PublicKeyInfo> describe_public_key(ByteView spki);

// "SHA1withRSA (weak)" etc. `eku` selects the validator variant the way
// keytool's buildCertPathConstraint does (code signing and time stamping
// fall under "SHA1 usage SignedJAR & denyAfter 2019-01-01").
std::string signature_algorithm_text(const std::string& name, const std::optional<std::vector<std::string>>& eku);
// "2048-bit RSA key", "1024-bit RSA key (weak)", "EC key of unknown size".
std::string public_key_text(const PublicKeyInfo& key);

}  // namespace kstore::x509
