// ErrorCode → keytool error line. keytool's texts where keytool has one (as
// the fixtures in testdata/fixtures/expected/ record them); otherwise one line
// that names the file, the format and the path to the fault, so a user can
// act on it (tools/kstool/README.md, "Differences from keytool").
#include "errors.h"

namespace kstool {

using kstore::ErrorCode;
using kstore::StoreType;

Outcome load_failure(const kstore::Status& status, const LoadContext& ctx) {
  const std::string type = kstore::store_type_name(ctx.format);
  switch (status.code()) {
    case ErrorCode::kIntegrityFailure:
      if (ctx.format != StoreType::kPkcs12)
        return Outcome::error("java.io.IOException", "Keystore was tampered with, or password was incorrect");
      // PKCS12KeyStore decrypts the encrypted SafeContents before it checks
      // the MAC: with encrypted certificates a wrong password fails there.
      if (ctx.pkcs12_has_encrypted_data)
        return Outcome::error("java.io.IOException", "keystore password was incorrect");
      return Outcome::error("java.io.IOException",
                            "Integrity check failed: java.security.UnrecoverableKeyException: Failed PKCS12 integrity checking");
    case ErrorCode::kBadPassword:
      // A key password during a store load: only PKCS#12 encrypts with the
      // store password, and the JDK reports that as the store password.
      return Outcome::error("java.io.IOException", "keystore password was incorrect");
    case ErrorCode::kUnknownFormat:
      return Outcome::error("java.security.KeyStoreException",
                            "Unrecognized keystore format. Please load it with a specified type");
    case ErrorCode::kMalformed:
    case ErrorCode::kTruncated:
      return Outcome::error("java.io.IOException", ctx.file + ": malformed " + type + " keystore: " + status.message());
    case ErrorCode::kUnsupported:
      return Outcome::error("java.io.IOException", ctx.file + ": unsupported in " + type + " keystore: " + status.message());
    case ErrorCode::kLimitExceeded:
      return Outcome::error("java.io.IOException", ctx.file + ": " + type + " keystore exceeds a limit: " + status.message());
    case ErrorCode::kInternal:
      return library_failure(status);
    default:
      return Outcome::error("java.io.IOException", ctx.file + ": " + status.message());
  }
}

Outcome library_failure(const kstore::Status& status) {
  switch (status.code()) {
    case ErrorCode::kBadPassword:
      return Outcome::error("java.security.UnrecoverableKeyException", status.message());
    case ErrorCode::kIo:
    case ErrorCode::kMalformed:
    case ErrorCode::kTruncated:
    case ErrorCode::kIntegrityFailure:
      return Outcome::error("java.io.IOException", status.message());
    case ErrorCode::kUnsupported:
    case ErrorCode::kAlreadyExists:
    case ErrorCode::kInvalidArgument:
      return Outcome::error("java.security.KeyStoreException", status.message());
    case ErrorCode::kInternal:
      return Outcome::error("java.lang.IllegalStateException", "kstool internal error: " + status.message());
    default:
      return Outcome::exception(status.message());
  }
}

Outcome store_password_given_up(bool strict, std::ostream& err) {
  if (strict) return Outcome::exception("Too many failures - try later");
  err << "Too many failures - try later\n";
  return Outcome::exit(0);
}

Outcome jdk_refusal(const kstore::JdkRefusal& refusal) {
  return Outcome::error(kstore::jdk_exception_class(refusal.exception), refusal.message);
}

}  // namespace kstool
