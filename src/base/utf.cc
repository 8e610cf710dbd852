// UTF-8, Java modified UTF-8 (java.io.DataInput "Modified UTF-8") and UTF-16.
#include "base/utf.h"

#include <algorithm>
#include <clocale>
#include <cwctype>
#include <locale.h>
#include <optional>

namespace kstore::utf {
namespace {

bool is_high_surrogate(char16_t u) { return u >= 0xd800 && u <= 0xdbff; }
bool is_low_surrogate(char16_t u) { return u >= 0xdc00 && u <= 0xdfff; }

void append_code_point_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xc0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xe0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else {
    out.push_back(static_cast<char>(0xf0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  }
}

void append_utf16(std::u16string& out, uint32_t cp) {
  if (cp < 0x10000) {
    out.push_back(static_cast<char16_t>(cp));
  } else {
    cp -= 0x10000;
    out.push_back(static_cast<char16_t>(0xd800 | (cp >> 10)));
    out.push_back(static_cast<char16_t>(0xdc00 | (cp & 0x3ff)));
  }
}

// Walks UTF-16 units as code points; lone surrogates come out as themselves.
template <typename F>
void for_each_code_point(std::u16string_view units, F&& f) {
  for (size_t i = 0; i < units.size(); ++i) {
    char16_t u = units[i];
    if (is_high_surrogate(u) && i + 1 < units.size() && is_low_surrogate(units[i + 1])) {
      f(0x10000 + ((uint32_t(u) - 0xd800) << 10) + (uint32_t(units[i + 1]) - 0xdc00), true);
      ++i;
    } else {
      f(uint32_t(u), false);
    }
  }
}

}  // namespace

Result<std::u16string> decode_modified_utf8(ByteView b) {
  std::u16string out;
  out.reserve(b.size());
  for (size_t i = 0; i < b.size();) {
    const uint8_t c = b[i];
    if (c < 0x80) {
      if (c == 0) return Status::Malformed("NUL byte in modified UTF-8");
      out.push_back(c);
      i += 1;
    } else if ((c & 0xe0) == 0xc0) {
      if (i + 1 >= b.size() || (b[i + 1] & 0xc0) != 0x80) return Status::Malformed("bad 2-byte sequence");
      out.push_back(static_cast<char16_t>(((c & 0x1f) << 6) | (b[i + 1] & 0x3f)));
      i += 2;
    } else if ((c & 0xf0) == 0xe0) {
      if (i + 2 >= b.size() || (b[i + 1] & 0xc0) != 0x80 || (b[i + 2] & 0xc0) != 0x80)
        return Status::Malformed("bad 3-byte sequence");
      out.push_back(static_cast<char16_t>(((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f)));
      i += 3;
    } else {
      return Status::Malformed("byte 0x", to_hex(b.subspan(i, 1)), " cannot start a modified UTF-8 sequence");
    }
  }
  return out;
}

std::string encode_modified_utf8(std::u16string_view units) {
  std::string out;
  out.reserve(units.size());
  for (char16_t u : units) {
    if (u >= 1 && u < 0x80) {
      out.push_back(static_cast<char>(u));
    } else if (u < 0x800) {
      out.push_back(static_cast<char>(0xc0 | (u >> 6)));
      out.push_back(static_cast<char>(0x80 | (u & 0x3f)));
    } else {
      out.push_back(static_cast<char>(0xe0 | (u >> 12)));
      out.push_back(static_cast<char>(0x80 | ((u >> 6) & 0x3f)));
      out.push_back(static_cast<char>(0x80 | (u & 0x3f)));
    }
  }
  return out;
}

Result<std::u16string> decode_utf8(std::string_view s) {
  std::u16string out;
  out.reserve(s.size());
  const auto* b = reinterpret_cast<const uint8_t*>(s.data());
  for (size_t i = 0; i < s.size();) {
    const uint8_t c = b[i];
    uint32_t cp;
    size_t n;
    if (c < 0x80) {
      cp = c;
      n = 1;
    } else if ((c & 0xe0) == 0xc0) {
      cp = c & 0x1f;
      n = 2;
    } else if ((c & 0xf0) == 0xe0) {
      cp = c & 0x0f;
      n = 3;
    } else if ((c & 0xf8) == 0xf0) {
      cp = c & 0x07;
      n = 4;
    } else {
      return Status::Malformed("invalid UTF-8 lead byte");
    }
    if (i + n > s.size()) return Status::Malformed("truncated UTF-8 sequence");
    for (size_t k = 1; k < n; ++k) {
      if ((b[i + k] & 0xc0) != 0x80) return Status::Malformed("invalid UTF-8 continuation byte");
      cp = (cp << 6) | (b[i + k] & 0x3f);
    }
    static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
      return Status::Malformed("overlong or out-of-range UTF-8 sequence");
    append_utf16(out, cp);
    i += n;
  }
  return out;
}

namespace {

constexpr char32_t kReplacement = 0xfffd;

// The sequence that starts at utf8[i]: its length, and its code point when
// it is well-formed (else one U+FFFD stands for all `length` bytes).
struct Decoded {
  size_t length;
  std::optional<char32_t> code_point;
};

Decoded decode_one(std::string_view utf8, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<uint8_t>(utf8[k]); };
  const uint8_t c = byte(i);
  if (c < 0x80) return {1, c};
  size_t need = 0;
  char32_t cp = 0;
  uint8_t lo = 0x80, hi = 0xbf;  // the allowed range of the second byte
  if (c >= 0xc2 && c <= 0xdf) {
    need = 1;
    cp = c & 0x1f;
  } else if (c >= 0xe0 && c <= 0xef) {
    need = 2;
    cp = c & 0x0f;
    if (c == 0xe0) lo = 0xa0;  // overlong; ED A0..BF (a surrogate) is replaced whole below
  } else if (c >= 0xf0 && c <= 0xf4) {
    need = 3;
    cp = c & 0x07;
    if (c == 0xf0) lo = 0x90;
    if (c == 0xf4) hi = 0x8f;
  } else {
    return {1, std::nullopt};
  }
  size_t j = i + 1;
  for (size_t k = 0; k < need; ++k, ++j) {
    const uint8_t lo_k = k == 0 ? lo : 0x80;
    const uint8_t hi_k = k == 0 ? hi : 0xbf;
    // The valid prefix is consumed with the replacement.
    if (j >= utf8.size() || byte(j) < lo_k || byte(j) > hi_k) return {j - i, std::nullopt};
    cp = (cp << 6) | (byte(j) & 0x3f);
  }
  if (cp >= 0xd800 && cp <= 0xdfff) return {j - i, std::nullopt};
  return {j - i, cp};
}

}  // namespace

std::u32string decode_utf8_lenient(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();) {
    const Decoded d = decode_one(utf8, i);
    out.push_back(d.code_point.value_or(kReplacement));
    i += d.length;
  }
  return out;
}

std::u16string decode_utf8_lenient_utf16(std::string_view utf8) {
  std::u16string out;
  out.reserve(utf8.size());
  for (char32_t cp : decode_utf8_lenient(utf8)) append_utf16(out, cp);
  return out;
}

std::string encode_utf8(std::u16string_view units) {
  std::string out;
  out.reserve(units.size());
  for_each_code_point(units, [&](uint32_t cp, bool) {
    append_code_point_utf8(out, (cp >= 0xd800 && cp <= 0xdfff) ? uint32_t('?') : cp);
  });
  return out;
}

Result<std::string> modified_utf8_to_utf8(ByteView bytes) {
  // Bytes 01..7F mean themselves in both encodings: most aliases and every
  // certificate type, read once per entry, take this path.
  if (std::all_of(bytes.begin(), bytes.end(), [](uint8_t b) { return b != 0 && b < 0x80; }))
    return std::string(bytes.begin(), bytes.end());
  KS_ASSIGN_OR_RETURN(std::u16string units, decode_modified_utf8(bytes));
  // Lone surrogates cannot be shown in UTF-8; keep them as their 3-byte form
  // so that the alias still round-trips through utf8_to_modified_utf8.
  std::string out;
  out.reserve(units.size());
  for_each_code_point(units, [&](uint32_t cp, bool) {
    if (cp >= 0xd800 && cp <= 0xdfff) {
      out.push_back(static_cast<char>(0xe0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    } else {
      append_code_point_utf8(out, cp);
    }
  });
  return out;
}

Result<std::string> utf8_to_modified_utf8(std::string_view utf8) {
  // Accept the lone-surrogate 3-byte forms modified_utf8_to_utf8 produces.
  auto units = decode_modified_utf8(as_bytes(utf8));
  if (!units.ok()) units = decode_utf8(utf8);
  if (!units.ok()) return std::move(units).status();
  return encode_modified_utf8(*units);
}

std::u16string java_to_lower(std::u16string_view units) {
  // Character.toLowerCase per code point, using the C library's Unicode tables
  // (glibc's C.UTF-8 follows UnicodeData simple mappings, as Java does).
  static locale_t loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
  std::u16string out;
  out.reserve(units.size());
  // Positions in code points are needed for the final-sigma rule.
  std::vector<uint32_t> cps;
  for_each_code_point(units, [&](uint32_t cp, bool) { cps.push_back(cp); });
  auto is_cased_letter = [&](uint32_t cp) {
    if (!loc) return cp < 0x80 && std::isalpha(static_cast<int>(cp));
    return towlower_l(cp, loc) != cp || towupper_l(cp, loc) != cp;
  };
  for (size_t i = 0; i < cps.size(); ++i) {
    uint32_t cp = cps[i];
    if (cp == 0x0130) {  // LATIN CAPITAL LETTER I WITH DOT ABOVE -> i + COMBINING DOT ABOVE
      out.push_back(u'i');
      out.push_back(u'\u0307');
      continue;
    }
    if (cp == 0x03a3) {  // GREEK CAPITAL SIGMA: final form after a letter and not before one
      const bool after_letter = i > 0 && is_cased_letter(cps[i - 1]);
      const bool before_letter = i + 1 < cps.size() && is_cased_letter(cps[i + 1]);
      append_utf16(out, after_letter && !before_letter ? 0x03c2 : 0x03c3);
      continue;
    }
    uint32_t lower = cp;
    if (cp < 0x80) {
      if (cp >= 'A' && cp <= 'Z') lower = cp + 32;
    } else if (loc && !(cp >= 0xd800 && cp <= 0xdfff)) {
      lower = static_cast<uint32_t>(towlower_l(static_cast<wint_t>(cp), loc));
    }
    append_utf16(out, lower);
  }
  return out;
}

std::string java_to_lower_utf8(std::string_view utf8) {
  // ASCII (nearly every alias) lower-cases byte for byte: only A-Z change.
  // Decoding to UTF-16 and back costs ten times as much, once per entry of a
  // store being indexed.
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string out(utf8);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  auto units = decode_modified_utf8(as_bytes(utf8));
  if (!units.ok()) units = decode_utf8(utf8);
  if (!units.ok()) return std::string(utf8);
  return encode_utf8(java_to_lower(*units));
}

int java_compare(std::string_view a, std::string_view b) {
  // ASCII compares the same in UTF-16 units as in bytes; sorting 10000
  // aliases would otherwise decode each one some 14 times.
  auto ascii = [](std::string_view s) {
    for (char c : s)
      if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
  };
  if (ascii(a) && ascii(b)) return a.compare(b);
  auto ua = decode_utf8(a);
  auto ub = decode_utf8(b);
  if (!ua.ok() || !ub.ok()) return a.compare(b);
  return ua->compare(*ub);
}

}  // namespace kstore::utf
