// The key and IV a password-based scheme derives for its cipher.
#pragma once

#include "kstore/bytes.h"

namespace kstore::pbe {

struct CipherKey {
  SecretBytes key;
  SecretBytes iv;  // derived from the password in PBES1 / PKCS#12 PBE, so kept secret too
};

}  // namespace kstore::pbe
