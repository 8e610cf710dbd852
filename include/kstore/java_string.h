// Java String rules for aliases and names, for callers that match, show and
// order them as the JDK does (keytool lower-cases PKCS#12 aliases, sorts with
// compareTo, and walks JKS stores in Hashtable order), the ASCII-only case
// rule of the JDK's lookups by name, and Java's decoding of UTF-8 text that
// may be malformed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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

// String.hashCode of UTF-8 text (over its UTF-16 code units).
int32_t java_hash_code(std::string_view utf8);

// The order in which a java.util.Hashtable (default capacity 11, load factor
// 0.75), created empty and filled with `keys` in this order, enumerates them
// (keys(), entrySet()): indexes into `keys`. A repeated key keeps the place
// of its first insertion. JavaKeyStore and JceKeyStore keep their entries in
// such a table, so this is the order the JDK walks a JKS/JCEKS store in.
std::vector<size_t> java_hashtable_order(const std::vector<std::string>& keys);

}  // namespace kstore
