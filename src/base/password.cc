// Password encodings, one per consumer (docs/formats.md, "Passwords: how each
// use encodes them"). Sources: JDK JavaKeyStore (UTF-16BE),
// PKCS12PBECipherCore / PBEKey (BMPString, ASCII), PBKDF2KeyImpl (UTF-8);
// RFC 7292 Appendix B.1.
#include "kstore/password.h"

#include "base/utf.h"

namespace kstore {
namespace {

// UTF-16BE units of the chars in `bytes`, one char per byte (ISO-8859-1).
SecretBytes latin1_units(ByteView bytes) {
  SecretBytes out(bytes.size() * 2);
  for (size_t i = 0; i < bytes.size(); ++i) {
    out[2 * i] = 0;
    out[2 * i + 1] = bytes[i];
  }
  return out;
}

// Encodes the chars as UTF-8 the way Java's String.getBytes(UTF_8) does
// (a lone surrogate becomes '?'), without leaving unwiped copies behind.
SecretBytes utf8_of(const Password& pw) {
  SecretBytes out;
  auto put = [&out](uint8_t b) { out.push_back(b); };
  for (size_t i = 0; i < pw.length(); ++i) {
    uint32_t cp = pw.char_at(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < pw.length() && pw.char_at(i + 1) >= 0xdc00 &&
        pw.char_at(i + 1) <= 0xdfff) {
      cp = 0x10000 + ((cp - 0xd800) << 10) + (pw.char_at(i + 1) - 0xdc00);
      ++i;
    } else if (cp >= 0xd800 && cp <= 0xdfff) {
      cp = '?';
    }
    if (cp < 0x80) {
      put(static_cast<uint8_t>(cp));
    } else if (cp < 0x800) {
      put(static_cast<uint8_t>(0xc0 | (cp >> 6)));
      put(static_cast<uint8_t>(0x80 | (cp & 0x3f)));
    } else if (cp < 0x10000) {
      put(static_cast<uint8_t>(0xe0 | (cp >> 12)));
      put(static_cast<uint8_t>(0x80 | ((cp >> 6) & 0x3f)));
      put(static_cast<uint8_t>(0x80 | (cp & 0x3f)));
    } else {
      put(static_cast<uint8_t>(0xf0 | (cp >> 18)));
      put(static_cast<uint8_t>(0x80 | ((cp >> 12) & 0x3f)));
      put(static_cast<uint8_t>(0x80 | ((cp >> 6) & 0x3f)));
      put(static_cast<uint8_t>(0x80 | (cp & 0x3f)));
    }
  }
  return out;
}

// RFC 7292 B.1 BMPString with the two-byte terminator. The JDK's
// PKCS12PBECipherCore special-cases: an empty char[] gives just 00 00; the
// one-char password "\0" gives no bytes at all (used for its retry-with-zero).
SecretBytes bmp_string(ByteView units_be) {
  if (units_be.size() == 2 && units_be[0] == 0 && units_be[1] == 0) return SecretBytes();
  SecretBytes out(units_be.size() + 2);
  std::copy(units_be.begin(), units_be.end(), out.data());
  return out;
}

}  // namespace

const char* password_encoding_name(PasswordEncoding encoding) {
  switch (encoding) {
    case PasswordEncoding::kUtf16Be: return "UTF-16BE";
    case PasswordEncoding::kBmpString: return "BMPString";
    case PasswordEncoding::kUtf8: return "UTF-8";
    case PasswordEncoding::kAscii: return "ASCII";
    case PasswordEncoding::kLatin1: return "ISO-8859-1";
    case PasswordEncoding::kUtf8Masked7Bmp: return "UTF-8 masked to 7 bits (JDK PBES1)";
  }
  return "?";
}

bool operator==(const Password& a, const Password& b) { return constant_time_equal(a.units_be_, b.units_be_); }

Password Password::from_utf8(std::string_view utf8) {
  Password pw;
  auto units = utf::decode_utf8(utf8);
  if (!units.ok()) {
    pw.units_be_ = latin1_units(as_bytes(utf8));
    return pw;
  }
  pw.units_be_ = SecretBytes(units->size() * 2);
  for (size_t i = 0; i < units->size(); ++i) {
    pw.units_be_[2 * i] = static_cast<uint8_t>((*units)[i] >> 8);
    pw.units_be_[2 * i + 1] = static_cast<uint8_t>((*units)[i] & 0xff);
  }
  secure_wipe(units->data(), units->size() * sizeof(char16_t));
  return pw;
}

Password Password::from_prompt_bytes(ByteView bytes) {
  Password pw;
  pw.units_be_ = latin1_units(bytes);
  return pw;
}

Password Password::from_utf16be(ByteView units) {
  Password pw;
  pw.units_be_ = SecretBytes(units.first(units.size() & ~size_t{1}));
  return pw;
}

Password Password::clone() const { return from_utf16be(units_be_.view()); }

bool Password::is_ascii() const {
  for (size_t i = 0; i < length(); ++i)
    if (char_at(i) >= 0x80) return false;
  return true;
}

Result<SecretBytes> Password::encode(PasswordEncoding encoding) const {
  switch (encoding) {
    case PasswordEncoding::kUtf16Be:
      return units_be_.clone();
    case PasswordEncoding::kBmpString:
      return bmp_string(units_be_.view());
    case PasswordEncoding::kUtf8:
      return utf8_of(*this);
    case PasswordEncoding::kAscii: {
      // com.sun.crypto.provider.PBEKey (JDK <= 17) accepts only printable ASCII.
      SecretBytes out(length());
      for (size_t i = 0; i < length(); ++i) {
        const char16_t c = char_at(i);
        if (c < 0x20 || c > 0x7e) return Status::InvalidArgument("Password is not ASCII");
        out[i] = static_cast<uint8_t>(c);
      }
      return out;
    }
    case PasswordEncoding::kLatin1: {
      SecretBytes out(length());
      for (size_t i = 0; i < length(); ++i) {
        const char16_t c = char_at(i);
        if (c > 0xff) return Status::InvalidArgument("password has characters outside ISO-8859-1");
        out[i] = static_cast<uint8_t>(c);
      }
      return out;
    }
    case PasswordEncoding::kUtf8Masked7Bmp: {
      // JDK 25 PKCS12PBECipherCore: chars = (UTF-8 byte & 0x7f), then BMPString.
      SecretBytes utf8 = utf8_of(*this);
      SecretBytes units(utf8.size() * 2);
      for (size_t i = 0; i < utf8.size(); ++i) {
        units[2 * i] = 0;
        units[2 * i + 1] = utf8[i] & 0x7f;
      }
      return bmp_string(units.view());
    }
  }
  return Status::Internal("unknown password encoding");
}

}  // namespace kstore
