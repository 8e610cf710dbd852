// Conversions between UTF-8, Java's modified UTF-8 and UTF-16 code units.
#pragma once

#include <string>
#include <string_view>

#include "kstore/bytes.h"
#include "kstore/status.h"

namespace kstore::utf {

// Java DataInput.readUTF's encoding: U+0000 as C0 80, supplementary characters
// as two 3-byte surrogates (CESU-8), lone surrogates allowed; 4-byte forms rejected.
Result<std::u16string> decode_modified_utf8(ByteView bytes);
std::string encode_modified_utf8(std::u16string_view units);

// Standard UTF-8. Decoding fails on malformed input; encoding a lone surrogate
// gives '?' as Java's String.getBytes(UTF_8) does.
Result<std::u16string> decode_utf8(std::string_view utf8);
std::string encode_utf8(std::u16string_view units);

// Java's new String(bytes, UTF_8): nothing fails; each maximal ill-formed
// subsequence becomes one U+FFFD, and so does an encoded surrogate
// (ED A0..BF xx, three bytes), as sun.nio.cs.UTF_8 replaces them. Certificate
// names and command-line words are decoded this way, as the JDK decodes them.
std::u32string decode_utf8_lenient(std::string_view utf8);   // code points
std::u16string decode_utf8_lenient_utf16(std::string_view utf8);  // the Java String's chars

// Modified UTF-8 (as stored in JKS) to standard UTF-8 for display and the API.
Result<std::string> modified_utf8_to_utf8(ByteView bytes);
Result<std::string> utf8_to_modified_utf8(std::string_view utf8);

// Lower-casing as Java's String.toLowerCase(Locale.ENGLISH) does it: per code
// point simple lower-casing, plus the context rules Java applies
// (U+0130 -> "i\u0307", final sigma -> U+03C2).
std::u16string java_to_lower(std::u16string_view units);
std::string java_to_lower_utf8(std::string_view utf8);

// Java String.compareTo: UTF-16 code-unit order.
int java_compare(std::string_view a_utf8, std::string_view b_utf8);

}  // namespace kstore::utf
