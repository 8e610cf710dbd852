// Java String semantics for certificate text: names and extension values are
// decoded into UTF-16 code units exactly as sun.security.util.DerValue does
// (including its replacement of malformed input by U+FFFD), so that the
// character-by-character rules of AVA/GeneralName toString() can be applied
// verbatim, and only then encoded to UTF-8 for output.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "kstore/bytes.h"

namespace kstore::x509 {

// new String(bytes, US_ASCII): bytes >= 0x80 become U+FFFD.
std::u16string decode_ascii(ByteView b);
// new String(bytes, ISO_8859_1).
std::u16string decode_latin1(ByteView b);
// new String(bytes, UTF_8) is utf::decode_utf8_lenient_utf16 (base/utf.h).
// new String(bytes, UTF_16BE): unpaired surrogates and a trailing odd byte become U+FFFD.
std::u16string decode_utf16be(ByteView b);
// new String(bytes, UTF_32BE): code points above U+10FFFF become U+FFFD.
std::u16string decode_utf32be(ByteView b);

// DerValue.getAsString(): the Java string of a universal string type
// (UTF8, Printable, T61, IA5, Universal, BMP, General); false for other tags.
bool der_string_as_java(uint8_t tag, ByteView contents, std::u16string* out);

// String to UTF-8 as PrintStream writes it (lone surrogates become '?').
std::string to_utf8(std::u16string_view s);
std::u16string from_ascii(std::string_view s);

// Lower/upper-case hex without separators (java.util.HexFormat.of()).
std::string hex_lower(ByteView b);
std::string hex_upper(ByteView b);

}  // namespace kstore::x509
