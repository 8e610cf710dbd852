// Which password bytes to try, and in what order, for each use of a password
// in PKCS#12: docs/formats.md, "Passwords: what kstore tries when reading";
// the producers' quirks are listed where the candidates are built.
#pragma once

#include <string>
#include <vector>

#include "kstore/password.h"
#include "pbe/algorithm_identifier.h"

namespace kstore::pbe {

enum class PasswordUse : uint8_t {
  kPkcs12Mac,     // classic MacData: PKCS#12 KDF over the BMPString
  kPkcs12Cipher,  // PKCS#12 PBE ciphers (pbeWithSHAAnd…): PKCS#12 KDF over the BMPString
  kPbkdf,         // PBES2 / PBES1: the octets PBKDF2 / PBKDF1 take
  kPbmac1,        // RFC 9579 PBMAC1: PBKDF2 octets
};

PasswordUse password_use_for(SchemeFamily family);

struct PasswordCandidate {
  std::string label;  // e.g. "BMPString", "ISO-8859-1"; never the password itself
  SecretBytes bytes;
  bool standard = false;  // what the JDK and OpenSSL 3 feed this use
};

// The standard encoding first, then the ones other producers are known to
// have used, without duplicates.
Result<std::vector<PasswordCandidate>> password_candidates(PasswordUse use, const Password& password);

// What kstore writes: what the newest JDK reads back.
Result<SecretBytes> password_for_writing(PasswordUse use, const Password& password);

}  // namespace kstore::pbe
