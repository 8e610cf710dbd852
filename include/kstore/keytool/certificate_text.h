// keytool's text for one certificate, as JDK 17 keytool prints it for
// -list -v and -printcert (sun.security.tools.keytool.Main.printX509Cert).
#pragma once

#include <string>

#include "kstore/bytes.h"
#include "kstore/status.h"

namespace kstore::keytool {

struct CertificateTextOptions {
  // The certificate is a trust anchor where it is printed (keytool's
  // isTrustedCert: a trustedCertEntry of the keystore being listed, or a
  // cacerts entry with -trustcacerts). keytool then prints its signature
  // algorithm without the "(weak)"/"(disabled)" marker; key markers stay.
  bool trusted = false;
};

// "Owner: …" through "Version: N", then the extensions block if there are
// any, byte for byte as JDK 17 keytool renders them. Every line ends in
// "\n". Dates are in the zone Java takes as its default: $TZ, else the zone
// /etc/localtime links to. A certificate keytool cannot read (a critical
// extension it cannot decode, a malformed name) is kMalformed.
Result<std::string> certificate_text(ByteView der, const CertificateTextOptions& options = {});

}  // namespace kstore::keytool
