// keytool's weak-algorithm warnings (weak_algorithms.h), with JDK 17's texts.
#include "weak_algorithms.h"

#include "kstore/keytool/algorithm_verdicts.h"

namespace kstool {

using kstore::keytool::AlgorithmStrength;

bool TrustedCertificates::contains(kstore::ByteView der) const {
  const kstore::Entry* e = owners_.owner(der);
  return e != nullptr && e->type == kstore::EntryType::kTrustedCert;
}

void check_weak_certificate(Context& ctx, const std::string& label, kstore::ByteView der,
                            const IsTrustedCertificate& trusted) {
  kstore::Result<kstore::keytool::AlgorithmVerdicts> v = kstore::keytool::algorithm_verdicts(der);
  if (!v.ok()) return;
  const AlgorithmStrength signature = v->signature.strength;
  if (signature != AlgorithmStrength::kOk && !trusted(der)) {
    if (signature == AlgorithmStrength::kDisabled)
      ctx.warnings.push_back(label + " uses the " + v->signature.text +
                             " signature algorithm which is considered a security risk and is disabled.");
    if (signature == AlgorithmStrength::kWeak)
      ctx.warnings.push_back(label + " uses the " + v->signature.text +
                             " signature algorithm which is considered a security risk. This algorithm will be "
                             "disabled in a future update.");
  }
  if (v->public_key.strength == AlgorithmStrength::kDisabled)
    ctx.warnings.push_back(label + " uses a " + v->public_key.text +
                           " which is considered a security risk and is disabled.");
  if (v->public_key.strength == AlgorithmStrength::kWeak)
    ctx.warnings.push_back(label + " uses a " + v->public_key.text +
                           " which is considered a security risk. This key size will be disabled in a future update.");
}

}  // namespace kstool
