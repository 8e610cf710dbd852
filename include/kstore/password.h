// A password as Java sees it: a sequence of UTF-16 code units (Java chars),
// turned into bytes differently by each format. All encodings live here.
#pragma once

#include <string_view>

#include "kstore/bytes.h"
#include "kstore/status.h"

namespace kstore {

enum class PasswordEncoding {
  kUtf16Be,           // JKS/JCEKS store digest and JKS key protector: 2 bytes per char, no terminator
  kBmpString,         // PKCS#12 KDF (RFC 7292 B.1): UTF-16BE plus 00 00; JDK special cases below
  kUtf8,              // PBKDF2 inside PBES2/PBMAC1 (JDK PBKDF2KeyImpl, OpenSSL): UTF-8, no terminator
  kAscii,             // JCEKS PBEWithMD5AndTripleDES in JDK <= 17: chars 0x20..0x7E only
  kLatin1,            // RSA JSafe fed PBKDF2 the ISO-8859-1 bytes; chars above U+00FF fail
  kUtf8Masked7Bmp,    // JDK 25 PKCS#12 PBES1 ciphers: UTF-8 bytes masked to 7 bits, then BMPString
};

const char* password_encoding_name(PasswordEncoding encoding);

class Password {
 public:
  Password() = default;  // the empty password (not "no password": use a null pointer for that)

  // Text given on the command line, in a file or an environment variable: UTF-8.
  // Bytes that are not valid UTF-8 are taken one char per byte, as Java's
  // decoder would not be able to do better and Latin-1 keeps them distinct.
  static Password from_utf8(std::string_view utf8);
  // keytool reads a prompted password byte by byte, each byte becoming one char.
  static Password from_prompt_bytes(ByteView bytes);
  // From UTF-16 code units, big-endian.
  static Password from_utf16be(ByteView units);

  Password clone() const;

  size_t length() const { return units_be_.size() / 2; }  // in Java chars
  bool empty() const { return units_be_.empty(); }
  char16_t char_at(size_t i) const {
    return static_cast<char16_t>((units_be_[2 * i] << 8) | units_be_[2 * i + 1]);
  }
  bool is_ascii() const;

  Result<SecretBytes> encode(PasswordEncoding encoding) const;

  // The same chars (Arrays.equals on the two char[]), compared in constant
  // time for a given length.
  friend bool operator==(const Password& a, const Password& b);
  friend bool operator!=(const Password& a, const Password& b) { return !(a == b); }

 private:
  SecretBytes units_be_;
};

}  // namespace kstore
