// Java String rules for aliases, for tools that show and order them as the
// JDK does (keytool lower-cases PKCS#12 aliases and sorts with compareTo),
// the ASCII-only case rule of the JDK's lookups by name, and Java's decoding
// of UTF-8 text that may be malformed.
#pragma once

#include <string>
#include <string_view>

namespace kstore {

// String.toLowerCase(Locale.ENGLISH) of UTF-8 text (full Unicode simple
// lower-casing plus Java's context rules). Text that is not valid UTF-8 is
// returned unchanged.
std::string java_lower_case(std::string_view utf8);

// String.compareTo of two UTF-8 texts: the order of their UTF-16 code units.
int java_compare(std::string_view a, std::string_view b);

// True when a and b are equal once ASCII letters are folded to one case;
// every other byte matches only itself. The JDK's lookups of keystore types,
// providers and algorithms by name compare this way (String.equalsIgnoreCase
// over ASCII names, as the provider tables hold only ASCII).
bool equals_ignore_ascii_case(std::string_view a, std::string_view b);

// The code points of new String(bytes, UTF_8): nothing fails; each
// ill-formed sequence becomes one U+FFFD where Java puts one, so that text
// from a command line reads as the JVM decodes it.
std::u32string decode_utf8_lenient(std::string_view utf8);

}  // namespace kstore
