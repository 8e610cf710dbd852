// Public face of the Java String helpers in base/utf.
#include "kstore/java_string.h"

#include "base/utf.h"

namespace kstore {

std::string java_lower_case(std::string_view utf8) { return utf::java_to_lower_utf8(utf8); }

int java_compare(std::string_view a, std::string_view b) { return utf::java_compare(a, b); }

}  // namespace kstore
