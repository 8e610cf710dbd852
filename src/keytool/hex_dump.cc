// HexDumpEncoder.encodeBuffer: a 16-bit offset, 16 upper-case hex bytes per
// line with two extra spaces after the eighth, padding on a short last line,
// then the bytes as ASCII where ' ' <= b <= 'z' (Java bytes are signed, so
// everything above 0x7f, and '{' to DEL, shows as '.').
#include "keytool/hex_dump.h"

namespace kstore::keytool {

std::string hex_dump(ByteView bytes) {
  static const char kDigits[] = "0123456789ABCDEF";
  std::string out;
  for (size_t offset = 0; offset < bytes.size(); offset += 16) {
    const size_t n = std::min<size_t>(16, bytes.size() - offset);
    const unsigned short_offset = static_cast<unsigned>(offset & 0xffff);  // the JDK prints two bytes
    out.push_back(kDigits[(short_offset >> 12) & 15]);
    out.push_back(kDigits[(short_offset >> 8) & 15]);
    out.push_back(kDigits[(short_offset >> 4) & 15]);
    out.push_back(kDigits[short_offset & 15]);
    out += ": ";
    for (size_t i = 0; i < n; ++i) {
      const uint8_t b = bytes[offset + i];
      out.push_back(kDigits[b >> 4]);
      out.push_back(kDigits[b & 15]);
      out.push_back(' ');
      if (i == 7) out += "  ";
    }
    for (size_t i = n; i < 16; ++i) {
      out += "   ";
      if (i == 7) out += "  ";
    }
    out.push_back(' ');
    for (size_t i = 0; i < n; ++i) {
      const uint8_t b = bytes[offset + i];
      out.push_back(b < ' ' || b > 'z' ? '.' : static_cast<char>(b));
    }
    out.push_back('\n');
  }
  return out;
}

}  // namespace kstore::keytool
