// The certificate text of JDK 17 keytool (sun.security.tools.keytool.Main.
// printX509Cert): the ".PATTERN.printX509Cert.with.weak" resource
//   Owner: {0}\nIssuer: {1}\nSerial number: {2}\nValid from: {3} until: {4}\n
//   Certificate fingerprints:\n\t SHA1: {5}\n\t SHA256: {6}\n
//   Signature algorithm name: {7}\nSubject Public Key Algorithm: {8}\nVersion: {9}
// followed by printExtensions.
#include "kstore/keytool/certificate_text.h"

#include "keytool/algorithm_verdicts.h"
#include "keytool/extensions_text.h"
#include "keytool/java_date.h"
#include "kstore/x509.h"
#include "x509/certificate.h"
#include "x509/x500_name.h"

namespace kstore::keytool {
namespace {

// keytool's withWeak: the algorithm's text with the verdict's marker.
std::string with_marker(const AlgorithmVerdict& verdict) {
  switch (verdict.strength) {
    case AlgorithmStrength::kOk: return verdict.text;
    case AlgorithmStrength::kWeak: return verdict.text + " (weak)";
    case AlgorithmStrength::kDisabled: return verdict.text + " (disabled)";
  }
  return verdict.text;
}

}  // namespace

Result<std::string> certificate_text(ByteView der, const CertificateTextOptions& options) {
  KS_ASSIGN_OR_RETURN(x509::Certificate cert, x509::parse_certificate(der));
  KS_ASSIGN_OR_RETURN(std::string owner, x509::name_to_java_string(cert.subject).with_context("subject"));
  KS_ASSIGN_OR_RETURN(std::string issuer, x509::name_to_java_string(cert.issuer).with_context("issuer"));
  KS_ASSIGN_OR_RETURN(AlgorithmVerdicts verdicts, algorithm_verdicts(cert));
  KS_ASSIGN_OR_RETURN(std::string extensions, render_extensions(cert.extensions));
  // A trust anchor's own signature is not judged (isTrustedCert).
  if (options.trusted) verdicts.signature.strength = AlgorithmStrength::kOk;
  std::string out;
  out += "Owner: " + owner + "\n";
  out += "Issuer: " + issuer + "\n";
  out += "Serial number: " + x509::big_integer_hex(cert.serial) + "\n";
  out += "Valid from: " + java_date_string(cert.not_before_ms) + " until: " + java_date_string(cert.not_after_ms) + "\n";
  out += "Certificate fingerprints:\n";
  out += "\t SHA1: " + x509::sha1_fingerprint(cert.encoding) + "\n";
  out += "\t SHA256: " + x509::sha256_fingerprint(cert.encoding) + "\n";
  out += "Signature algorithm name: " + with_marker(verdicts.signature) + "\n";
  out += "Subject Public Key Algorithm: " + with_marker(verdicts.public_key) + "\n";
  out += "Version: " + std::to_string(cert.version) + "\n";
  out += extensions;
  return out;
}

}  // namespace kstore::keytool
