// Java text behaviour keytool's output depends on, in the fixed en-US locale
// kstool always uses: collation of command words, String.compareTo, number
// and date formats.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kstool {

// Code points to UTF-8 (kstore::decode_utf8_lenient goes the other way).
std::string encode_utf8(std::u32string_view cps);

// Simple case mapping for ASCII, Latin-1 and Latin Extended-A (command words only).
char32_t simple_lower(char32_t c);
char32_t simple_upper(char32_t c);

// A key such that two words compare equal under a java.text.Collator of
// PRIMARY strength (en-US) iff their keys are equal, for the characters that
// can appear in an option: case folded, Latin accents and ligatures reduced
// to their base letters, combining marks and ignorable controls dropped.
std::u32string primary_collation_key(std::string_view s);

// MessageFormat {n,number,integer} in en-US: "1,234".
std::string format_integer(int64_t value);

// MessageFormat {n,date} = DateFormat.MEDIUM in en-US ("Nov 28, 2026"), in
// the process's local time zone, on Java's calendar (Julian before 15 Oct 1582).
std::string format_medium_date(int64_t epoch_ms);

// The text Java appends to FileNotFoundException for an errno: "No such file or directory".
std::string java_errno_text(int err);

// True when both paths name the same existing file (File.getCanonicalPath equality).
bool same_file(const std::string& a, const std::string& b);

}  // namespace kstool
