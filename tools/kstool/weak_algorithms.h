// keytool's weak-algorithm warnings (Main.checkWeak, JDK 17): the lines a
// certificate adds to the final "Warning:" block when its signature
// algorithm or its key is disabled or weak. -list checks every certificate
// it prints; -importkeystore the certificate of each entry it imports.
#pragma once

#include <functional>
#include <string>

#include "context.h"
#include "keystore_access.h"
#include "kstore/bytes.h"
#include "kstore/jdk_view.h"

namespace kstool {

// Main.isTrustedCert: whether getCertificateAlias(der) names a
// trusted-certificate entry of the keystore keytool works on. The signature
// of such a certificate (a trust anchor) is not checked. When a key entry
// holds the same certificate and comes first in the JDK's enumeration
// order, the certificate does not count as trusted.
using IsTrustedCertificate = std::function<bool(kstore::ByteView der)>;

// The trusted certificates of a keystore that does not change while they
// are asked about (one index, built once).
class TrustedCertificates {
 public:
  explicit TrustedCertificates(const OpenedKeystore& ks) : owners_(ks.jdk()) {}
  bool contains(kstore::ByteView der) const;

 private:
  kstore::JdkCertificateOwners owners_;
};

// Adds "<label> uses the MD5withRSA signature algorithm which is considered
// a security risk and is disabled." and the like to ctx.warnings, in
// keytool's order: signature (unless `trusted(der)`), then key. `trusted`
// is asked only when the signature algorithm is weak or disabled.
void check_weak_certificate(Context& ctx, const std::string& label, kstore::ByteView der,
                            const IsTrustedCertificate& trusted);

}  // namespace kstool
