// Public face of the Java String helpers in base/utf, and the ASCII case rule.
#include "kstore/java_string.h"

#include "base/utf.h"

namespace kstore {

std::string java_lower_case(std::string_view utf8) { return utf::java_to_lower_utf8(utf8); }

int java_compare(std::string_view a, std::string_view b) { return utf::java_compare(a, b); }

std::u32string decode_utf8_lenient(std::string_view utf8) { return utf::decode_utf8_lenient(utf8); }

bool equals_ignore_ascii_case(std::string_view a, std::string_view b) {
  auto fold = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (fold(a[i]) != fold(b[i])) return false;
  return true;
}

}  // namespace kstore
