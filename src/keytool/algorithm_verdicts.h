// keytool's weak-algorithm rules: the strength JDK 17 keytool gives a
// signature algorithm and a public key.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "keytool/algorithm_names.h"
#include "kstore/keytool/algorithm_verdicts.h"
#include "kstore/status.h"
#include "x509/certificate.h"

namespace kstore::keytool {

// `eku` (the certificate's extended key usages, if it has a decodable
// extension) selects the rule set the way keytool's buildCertPathConstraint
// does: code signing and time stamping fall under "SHA1 usage SignedJAR &
// denyAfter 2019-01-01".
AlgorithmStrength signature_strength(const std::string& name, const std::optional<std::vector<std::string>>& eku);
AlgorithmStrength public_key_strength(const PublicKeyInfo& key);

// algorithm_verdicts of a parsed certificate.
Result<AlgorithmVerdicts> algorithm_verdicts(const x509::Certificate& cert);

}  // namespace kstore::keytool
