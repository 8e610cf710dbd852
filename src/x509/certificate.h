// The fields of an X.509 certificate (RFC 5280 §4.1) as borrowed views, read
// as leniently as sun.security.x509.X509CertImpl reads them but never past
// the bytes given.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "kstore/bytes.h"
#include "kstore/status.h"

namespace kstore::x509 {

struct Extension {
  std::string oid;       // dotted
  bool critical = false;
  ByteView value;        // contents of extnValue (the DER of the extension's own structure)
};

struct Certificate {
  ByteView encoding;     // the whole Certificate TLV, as the JDK hashes it for fingerprints
  ByteView tbs;          // TBSCertificate TLV
  int version = 1;       // 1, 2 or 3
  ByteView serial;       // INTEGER contents, two's complement
  ByteView tbs_signature_alg;  // AlgorithmIdentifier TLV inside TBSCertificate
  ByteView issuer;       // Name TLV
  ByteView subject;      // Name TLV
  int64_t not_before_ms = 0;
  int64_t not_after_ms = 0;
  ByteView spki;         // SubjectPublicKeyInfo TLV
  std::vector<Extension> extensions;  // in certificate order
  ByteView signature_alg;  // outer AlgorithmIdentifier TLV
  ByteView signature;      // BIT STRING contents

  // Set when the input used BER lengths: the views above then point into
  // these re-encoded bytes (sun.security.util.DerValue accepts BER lengths).
  std::shared_ptr<const Bytes> owned;
};

// Parses exactly one certificate; trailing bytes are an error. Definite
// lengths that are not minimal are accepted, as the JDK accepts them.
Result<Certificate> parse_certificate(ByteView der);

// UTCTime / GeneralizedTime contents to milliseconds since the epoch, with
// the JDK's rules (DerValue.getTimeInternal): two-digit years < 50 are 20xx,
// seconds optional, fractions only in GeneralizedTime, "Z" or ±hhmm.
Result<int64_t> parse_time(uint8_t tag, ByteView contents);

// BigInteger(bytes).toString(16) of a two's-complement integer.
std::string big_integer_hex(ByteView twos_complement);

}  // namespace kstore::x509
