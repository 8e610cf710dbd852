// The "Extensions:" part of keytool's certificate text: each extension's
// toString() from sun.security.x509.*Extension, in the order of the JDK's
// CertificateExtensions map (sun.security.tools.keytool.Main.printExtensions).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kstore/status.h"
#include "x509/certificate.h"

namespace kstore::keytool {

// "\nExtensions: \n\n#1: ObjectId: …" through the blank line after the last
// extension, or "" when there are none. A critical extension the JDK cannot
// decode makes the whole certificate unreadable to keytool: kMalformed.
Result<std::string> render_extensions(const std::vector<x509::Extension>& extensions);

// The extendedKeyUsage OIDs if the certificate has a decodable EKU
// extension (X509Certificate.getExtendedKeyUsage()), else nullopt.
std::optional<std::vector<std::string>> extended_key_usages(const std::vector<x509::Extension>& extensions);

}  // namespace kstore::keytool
