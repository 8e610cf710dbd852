// Java String rules for aliases and names, for callers that match, show and
// order them as the JDK does (keytool lower-cases PKCS#12 aliases, sorts with
// compareTo, and walks JKS stores in Hashtable order).
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

// String.equalsIgnoreCase for ASCII letters only, as the JDK compares
// algorithm, type and provider names: other bytes must be equal.
bool equals_ignore_ascii_case(std::string_view a, std::string_view b);

// String.hashCode of UTF-8 text (over its UTF-16 code units).
int32_t java_hash_code(std::string_view utf8);

// The order in which a java.util.Hashtable (default capacity 11, load factor
// 0.75), created empty and filled with `keys` in this order, enumerates them
// (keys(), entrySet()): indexes into `keys`. A repeated key keeps the place
// of its first insertion. JavaKeyStore and JceKeyStore keep their entries in
// such a table, so this is the order the JDK walks a JKS/JCEKS store in.
std::vector<size_t> java_hashtable_order(const std::vector<std::string>& keys);

}  // namespace kstore
