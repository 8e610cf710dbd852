// Password candidates per use. Evidence for each alternative is cited inline.
#include "pbe/password_candidates.h"

#include <algorithm>

namespace kstore::pbe {
namespace {

// The password's UTF-8 octets, each taken as one char: what keytool builds
// from a password typed at its prompt (it reads bytes one char each;
// docs/formats.md, "Passwords: where the chars come from"), and what
// OpenSSL 1.x fed the PKCS#12 KDF (OPENSSL_asc2uni widens bytes, it does not
// decode them).
Result<Password> utf8_bytes_as_chars(const Password& pw) {
  KS_ASSIGN_OR_RETURN(SecretBytes utf8, pw.encode(PasswordEncoding::kUtf8));
  return Password::from_prompt_bytes(utf8);
}

// The reverse: chars that are all <= U+00FF and spell valid multi-byte UTF-8
// are probably a prompt-typed password; decode them as UTF-8. Empty when not.
std::optional<Password> chars_read_as_utf8(const Password& pw) {
  auto latin1 = pw.encode(PasswordEncoding::kLatin1);
  if (!latin1.ok()) return std::nullopt;
  Password decoded = Password::from_utf8(as_chars(latin1->view()));
  auto a = decoded.encode(PasswordEncoding::kUtf16Be);
  auto b = pw.encode(PasswordEncoding::kUtf16Be);
  if (!a.ok() || !b.ok() || equal_bytes(a->view(), b->view())) return std::nullopt;
  return decoded;
}

class Builder {
 public:
  void add(std::string label, Result<SecretBytes> bytes, bool standard = false) {
    if (!bytes.ok()) return;  // an encoding that cannot represent this password is simply not a candidate
    for (const PasswordCandidate& c : out_)
      if (equal_bytes(c.bytes.view(), bytes->view())) return;
    out_.push_back(PasswordCandidate{std::move(label), std::move(bytes).value(), standard});
  }
  std::vector<PasswordCandidate> take() { return std::move(out_); }

 private:
  std::vector<PasswordCandidate> out_;
};

void add_bmp_candidates(Builder& b, const Password& pw, bool cipher) {
  b.add("BMPString", pw.encode(PasswordEncoding::kBmpString), true);
  if (pw.empty()) {
    // The JDK retries every empty-password PKCS#12 operation with the
    // one-char password "\0", whose BMPString form is no bytes at all: how
    // producers that pass a NULL password (Windows "null password" exports)
    // keyed their MAC and ciphers (PKCS12KeyStore RetryWithZero;
    // docs/formats.md, "Passwords: how each use encodes them").
    b.add("no password bytes (empty password as NULL)", Result<SecretBytes>(SecretBytes()));
    return;
  }
  if (pw.is_ascii()) return;
  // JDK 25 writes PKCS#12 PBE ciphers keyed with the UTF-8 bytes masked to 7
  // bits (PKCS12PBECipherCore; fixture jdk25_nonascii_legacy), while its MAC
  // is correct.
  if (cipher) b.add(password_encoding_name(PasswordEncoding::kUtf8Masked7Bmp), pw.encode(PasswordEncoding::kUtf8Masked7Bmp));
  if (auto widened = utf8_bytes_as_chars(pw); widened.ok())
    b.add("BMPString of the UTF-8 bytes (OpenSSL 1.x, keytool prompt)", widened->encode(PasswordEncoding::kBmpString));
  if (auto decoded = chars_read_as_utf8(pw))
    b.add("BMPString of the password read as UTF-8", decoded->encode(PasswordEncoding::kBmpString));
}

void add_pbkdf_candidates(Builder& b, const Password& pw) {
  // JDK PBKDF2KeyImpl and OpenSSL 3 (from a UTF-8 terminal) use UTF-8
  // (docs/formats.md, "Passwords: how each use encodes them").
  b.add("UTF-8", pw.encode(PasswordEncoding::kUtf8), true);
  if (pw.is_ascii()) return;
  // RSA JSafe fed PBKDF2 the ISO-8859-1 bytes (bc-java jsafe-*.p12, whose MAC
  // verifies with the BMPString); the same bytes are what a prompt-typed
  // password's chars stand for.
  b.add(password_encoding_name(PasswordEncoding::kLatin1), pw.encode(PasswordEncoding::kLatin1));
  if (auto widened = utf8_bytes_as_chars(pw); widened.ok())
    b.add("UTF-8 of the UTF-8 bytes taken as chars (keytool prompt)", widened->encode(PasswordEncoding::kUtf8));
}

}  // namespace

PasswordUse password_use_for(SchemeFamily family) {
  return family == SchemeFamily::kPkcs12 ? PasswordUse::kPkcs12Cipher : PasswordUse::kPbkdf;
}

Result<std::vector<PasswordCandidate>> password_candidates(PasswordUse use, const Password& pw) {
  Builder b;
  switch (use) {
    case PasswordUse::kPkcs12Mac: add_bmp_candidates(b, pw, false); break;
    case PasswordUse::kPkcs12Cipher: add_bmp_candidates(b, pw, true); break;
    case PasswordUse::kPbkdf: add_pbkdf_candidates(b, pw); break;
    case PasswordUse::kPbmac1:
      add_pbkdf_candidates(b, pw);
      // RFC 9579 as published said BMPString; its erratum and implementations
      // use UTF-8 (docs/formats.md, "PKCS#12: the MAC").
      b.add("BMPString (RFC 9579 as first published)", pw.encode(PasswordEncoding::kBmpString));
      break;
  }
  std::vector<PasswordCandidate> out = b.take();
  if (out.empty()) return Status::InvalidArgument("the password cannot be encoded");
  return out;
}

Result<SecretBytes> password_for_writing(PasswordUse use, const Password& pw) {
  switch (use) {
    case PasswordUse::kPkcs12Mac: return pw.encode(PasswordEncoding::kBmpString);
    case PasswordUse::kPkcs12Cipher:
      // JDK 25, the newest JDK, decrypts the PKCS#12 PBE ciphers with the
      // 7-bit-masked UTF-8 form, so a non-ASCII password is written that way
      // (as JDK 25 itself writes it); for ASCII both forms are identical.
      return pw.encode(pw.is_ascii() ? PasswordEncoding::kBmpString : PasswordEncoding::kUtf8Masked7Bmp);
    case PasswordUse::kPbkdf:
    case PasswordUse::kPbmac1: return pw.encode(PasswordEncoding::kUtf8);
  }
  return Status::Internal("unknown password use");
}

}  // namespace kstore::pbe
