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

std::u16string decode_utf8_lenient(ByteView b) {
  // new String(bytes, UTF_8) replaces each ill-formed subsequence with one
  // U+FFFD: the maximal valid prefix, except that an encoded surrogate
  // (ED A0..BF xx) counts as one three-byte unit.
  std::u16string out;
  size_t i = 0;
  const size_t n = b.size();
  while (i < n) {
    const uint8_t c = b[i];
    if (c < 0x80) {
      out.push_back(c);
      ++i;
      continue;
    }
    int need = 0;
    uint32_t cp = 0;
    uint8_t lo = 0x80, hi = 0xbf;  // allowed range of the second byte
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      cp = c & 0x0f;
      if (c == 0xe0) lo = 0xa0;  // ED A0..BF (a surrogate) is refused as a whole below
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      cp = c & 0x07;
      if (c == 0xf0) lo = 0x90;
      if (c == 0xf4) hi = 0x8f;
    } else {
      out.push_back(kReplacement);
      ++i;
      continue;
    }
    size_t j = i + 1;
    bool ok = true;
    for (int k = 0; k < need; ++k, ++j) {
      const uint8_t lo_k = k == 0 ? lo : 0x80;
      const uint8_t hi_k = k == 0 ? hi : 0xbf;
      if (j >= n || b[j] < lo_k || b[j] > hi_k) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (b[j] & 0x3f);
    }
    if (!ok) {
      out.push_back(kReplacement);
      i = j;  // the valid prefix is consumed with the replacement
      continue;
    }
    // Java replaces an encoded surrogate with a single U+FFFD for all three bytes.
    append_code_point(out, (cp >= 0xd800 && cp <= 0xdfff) ? kReplacement : cp);
    i = j;
  }
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
    case 0x0c: *out = decode_utf8_lenient(contents); return true;   // UTF8String
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
