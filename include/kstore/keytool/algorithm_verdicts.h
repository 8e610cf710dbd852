// keytool's verdicts on a certificate's algorithms: whether JDK 17 keytool
// calls its signature algorithm and its public key weak or disabled (the
// "(weak)"/"(disabled)" markers of its certificate text and the warnings
// -list prints after the listing).
#pragma once

#include <string>

#include "kstore/bytes.h"
#include "kstore/status.h"

namespace kstore::keytool {

enum class AlgorithmStrength {
  kOk,
  kWeak,      // jdk.security.legacyAlgorithms: "… will be disabled in a future update"
  kDisabled,  // jdk.certpath.disabledAlgorithms: "… is disabled"
};

struct AlgorithmVerdict {
  std::string text;  // as keytool names the algorithm, without a marker: "SHA1withRSA", "1024-bit RSA key"
  AlgorithmStrength strength = AlgorithmStrength::kOk;
};

struct AlgorithmVerdicts {
  AlgorithmVerdict signature;   // the certificate's signature algorithm
  AlgorithmVerdict public_key;  // the certificate's subject public key
};

// The verdicts on one DER certificate as keytool checks a certificate it
// does not trust. keytool does not check a trust anchor's own signature: a
// caller printing one ignores `signature.strength`. Only the algorithms are
// read, so this costs far less than the certificate's whole text.
Result<AlgorithmVerdicts> algorithm_verdicts(ByteView der);

}  // namespace kstore::keytool
