// The PFX integrity MAC: MacData with a PKCS#12-KDF HMAC (RFC 7292 §4,
// Appendix B.4) or with PBMAC1 (RFC 9579; PBKDF2 + HMAC).
#pragma once

#include <string>

#include "crypto/crypto.h"
#include "der/reader.h"
#include "der/writer.h"
#include "kstore/keystore.h"

namespace kstore::pkcs12 {

struct MacData {
  bool pbmac1 = false;
  crypto::HashAlg hash = crypto::HashAlg::kSha256;  // classic: the digest; PBMAC1: the HMAC scheme's hash
  Bytes digest_oid;                                 // classic only
  Bytes mac;
  Bytes salt;               // classic: macSalt; PBMAC1: the PBKDF2 salt
  uint64_t iterations = 1;  // classic: iterations; PBMAC1: the PBKDF2 iteration count
  // PBMAC1 only.
  crypto::HashAlg prf = crypto::HashAlg::kSha256;
  Bytes prf_oid;
  Bytes mac_oid;
  size_t key_length = 0;
};

// MacData ::= SEQUENCE { mac DigestInfo, macSalt OCTET STRING, iterations INTEGER DEFAULT 1 }.
// PBMAC1 parameters without keyLength (which RFC 9579 requires; bc-java and
// go-pkcs12 refuse rfc9579-a6 for it), or with a key shorter than the HMAC
// output (which lets other passwords pass: go-pkcs12's
// pbmac1-short-key-bypass.p12), are refused here as kMalformed.
Result<MacData> read_mac_data(der::Reader& pfx);

// Refuses iteration counts above the limit before anything is derived.
Status check_mac_limits(const MacData& mac, const Limits& limits);

struct MacMatch {
  std::string encoding;  // label of the password encoding that verified
  bool standard = true;
};

// HMAC over the authSafe content octets, tried with each plausible password
// encoding; kIntegrityFailure when none verifies. Compared in constant time.
Result<MacMatch> verify_mac(const crypto::Backend& backend, const MacData& mac, ByteView auth_safe,
                            const Password& password);

// Appends MacData to the PFX as the protection asks for it (nothing without
// a MAC), its iteration count checked by the caller
// (pbe::check_iterations_to_write).
Status write_mac_data(der::Writer& pfx, const crypto::Backend& backend, const Pkcs12Protection& protection,
                      ByteView auth_safe, const Password& password);

// "HmacPBESHA256", "PBMAC1 (PBKDF2-HmacSHA256, HmacSHA256)".
std::string mac_algorithm_name(const MacData& mac);

}  // namespace kstore::pkcs12
