// The certificate text of JDK 17 keytool (sun.security.tools.keytool.Main.
// printX509Cert): the ".PATTERN.printX509Cert.with.weak" resource
//   Owner: {0}\nIssuer: {1}\nSerial number: {2}\nValid from: {3} until: {4}\n
//   Certificate fingerprints:\n\t SHA1: {5}\n\t SHA256: {6}\n
//   Signature algorithm name: {7}\nSubject Public Key Algorithm: {8}\nVersion: {9}
// followed by printExtensions.
#include "kstore/x509.h"
#include "x509/algorithms.h"
#include "x509/certificate.h"
#include "x509/extensions_render.h"
#include "x509/x500_name.h"

namespace kstore::x509 {

Result<std::string> keytool_describe(ByteView der_bytes) { return keytool_describe(der_bytes, DescribeOptions{}); }

Result<std::string> keytool_describe(ByteView der_bytes, const DescribeOptions& options) {
  KS_ASSIGN_OR_RETURN(Certificate cert, parse_certificate(der_bytes));
  KS_ASSIGN_OR_RETURN(std::string owner, name_to_java_string(cert.subject).with_context("subject"));
  KS_ASSIGN_OR_RETURN(std::string issuer, name_to_java_string(cert.issuer).with_context("issuer"));
  KS_ASSIGN_OR_RETURN(std::string sig_name, signature_algorithm_name(cert.signature_alg));
  KS_ASSIGN_OR_RETURN(PublicKeyInfo key, describe_public_key(cert.spki));
  KS_ASSIGN_OR_RETURN(std::string extensions, render_extensions(cert.extensions));
  // A trust anchor's own signature is not judged (isTrustedCert).
  const std::string sig_text =
      options.trusted ? sig_name : signature_algorithm_text(sig_name, extended_key_usages(cert.extensions));
  std::string out;
  out += "Owner: " + owner + "\n";
  out += "Issuer: " + issuer + "\n";
  out += "Serial number: " + big_integer_hex(cert.serial) + "\n";
  out += "Valid from: " + java_date_string(cert.not_before_ms) + " until: " + java_date_string(cert.not_after_ms) + "\n";
  out += "Certificate fingerprints:\n";
  out += "\t SHA1: " + sha1_fingerprint(cert.encoding) + "\n";
  out += "\t SHA256: " + sha256_fingerprint(cert.encoding) + "\n";
  out += "Signature algorithm name: " + sig_text + "\n";
  out += "Subject Public Key Algorithm: " + public_key_text(key) + "\n";
  out += "Version: " + std::to_string(cert.version) + "\n";
  out += extensions;
  return out;
}

Result<KeytoolAlgorithmTexts> keytool_algorithm_texts(ByteView der_bytes) {
  KS_ASSIGN_OR_RETURN(Certificate cert, parse_certificate(der_bytes));
  KS_ASSIGN_OR_RETURN(std::string sig_name, signature_algorithm_name(cert.signature_alg));
  KS_ASSIGN_OR_RETURN(PublicKeyInfo key, describe_public_key(cert.spki));
  return KeytoolAlgorithmTexts{signature_algorithm_text(sig_name, extended_key_usages(cert.extensions)),
                               public_key_text(key)};
}

}  // namespace kstore::x509
