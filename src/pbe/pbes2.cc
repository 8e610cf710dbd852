// PBES2 key derivation. RFC 8018 §6.2.1 step 3 (DK = PBKDF2(P, S, c, dkLen)).
#include "pbe/pbes2.h"

namespace kstore::pbe {

Result<CipherKey> pbes2_key(const crypto::Backend& backend, const PbeAlgorithm& alg, ByteView password) {
  CipherKey out;
  KS_ASSIGN_OR_RETURN(out.key, backend.pbkdf2(alg.kdf_hash, password, alg.salt, alg.iterations, alg.key_len));
  out.iv = SecretBytes(alg.iv);
  return out;
}

}  // namespace kstore::pbe
