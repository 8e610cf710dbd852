// The JKS/JCEKS whole-file digest. JavaKeyStore.getPreKeyedHash; docs/formats.md,
// "JKS/JCEKS: the store digest".
#include "jks/jks_format.h"

#include "crypto/crypto.h"

namespace kstore::jks {

Result<Bytes> store_digest(const crypto::Backend& backend, const Password& password, ByteView body) {
  // The JDK's fixed whitener, so that the digest is not a plain hash of the password.
  static constexpr char kWhitener[] = "Mighty Aphrodite";
  KS_ASSIGN_OR_RETURN(SecretBytes pw, password.encode(PasswordEncoding::kUtf16Be));
  return crypto::digest(backend, crypto::HashAlg::kSha1, {pw.view(), as_bytes(std::string_view(kWhitener)), body});
}

}  // namespace kstore::jks
