// Java String semantics for certificate text. The decoders mirror the JDK
// charsets used by sun.security.util.DerValue.getAsString().
#include "x509/java_text.h"

#include "base/utf.h"

namespace kstore::x509 {
namespace {

constexpr char16_t kReplacement = 0xfffd;

void append_code_point(std::u16string& out, uint32_t cp) {
  if (cp < 0x10000) {
    out.push_back(static_cast<char16_t>(cp));
  } else {
    cp -= 0x10000;
    out.push_back(static_cast<char16_t>(0xd800 + (cp >> 10)));
    out.push_back(static_cast<char16_t>(0xdc00 + (cp & 0x3ff)));
  }
}

}  // namespace

std::u16string decode_ascii(ByteView b) {
  std::u16string out;
  out.reserve(b.size());
  for (uint8_t c : b) out.push_back(c < 0x80 ? char16_t(c) : kReplacement);
  return out;
}

std::u16string decode_latin1(ByteView b) {
  std::u16string out;
  out.reserve(b.size());
  for (uint8_t c : b) out.push_back(char16_t(c));
  return out;
}

std::u16string decode_utf16be(ByteView b) {
  // sun.nio.cs.UnicodeDecoder: a high surrogate and the unit after it are
  // replaced together when that unit is not a low surrogate.
  std::u16string out;
  size_t i = 0;
  while (i + 1 < b.size()) {
    const char16_t u = static_cast<char16_t>((b[i] << 8) | b[i + 1]);
    i += 2;
    if (u >= 0xd800 && u <= 0xdbff) {
      if (i + 1 >= b.size()) {
        out.push_back(kReplacement);
        break;
      }
      const char16_t v = static_cast<char16_t>((b[i] << 8) | b[i + 1]);
      i += 2;
      if (v >= 0xdc00 && v <= 0xdfff) {
        out.push_back(u);
        out.push_back(v);
      } else {
        out.push_back(kReplacement);
      }
    } else if (u >= 0xdc00 && u <= 0xdfff) {
      out.push_back(kReplacement);
    } else {
      out.push_back(u);
    }
  }
  if (i < b.size()) out.push_back(kReplacement);
  return out;
}

std::u16string decode_utf32be(ByteView b) {
  std::u16string out;
  size_t i = 0;
  for (; i + 3 < b.size(); i += 4) {
    const uint32_t cp = (uint32_t(b[i]) << 24) | (uint32_t(b[i + 1]) << 16) | (uint32_t(b[i + 2]) << 8) | b[i + 3];
    if (cp > 0x10ffff) {  // sun.nio.cs.UTF_32Coder lets surrogate code points through
      out.push_back(kReplacement);
    } else {
      append_code_point(out, cp);
    }
  }
  if (i < b.size()) out.push_back(kReplacement);
  return out;
}

bool der_string_as_java(uint8_t tag, ByteView contents, std::u16string* out) {
  switch (tag) {
    case 0x0c: *out = utf::decode_utf8_lenient_utf16(as_chars(contents)); return true;  // UTF8String
    case 0x13: *out = decode_ascii(contents); return true;          // PrintableString
    case 0x14: *out = decode_latin1(contents); return true;         // T61String, read as ISO-8859-1
    case 0x16: *out = decode_ascii(contents); return true;          // IA5String
    case 0x1c: *out = decode_utf32be(contents); return true;        // UniversalString
    case 0x1e: *out = decode_utf16be(contents); return true;        // BMPString
    case 0x1b: *out = decode_ascii(contents); return true;          // GeneralString
    default: return false;
  }
}

std::string to_utf8(std::u16string_view s) { return utf::encode_utf8(s); }

std::u16string from_ascii(std::string_view s) { return std::u16string(s.begin(), s.end()); }

std::string hex_lower(ByteView b) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(b.size() * 2);
  for (uint8_t c : b) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

std::string hex_upper(ByteView b) {
  static const char kDigits[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(b.size() * 2);
  for (uint8_t c : b) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

}  // namespace kstore::x509
