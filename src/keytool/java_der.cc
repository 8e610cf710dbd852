// DerValue / DerInputStream behaviour of OpenJDK 17, including the exception
// texts keytool shows for an extension it cannot decode.
#include "keytool/java_der.h"

#include <vector>

#include "der/reader.h"

namespace kstore::keytool {
namespace {

// Java prints tags as signed bytes.
int java_tag(uint8_t tag) { return static_cast<int8_t>(tag); }

// DerValue(byte[] buf, int offset, int len, boolean allowBER = true, boolean allowMore).
Result<JavaDer> parse_one(ByteView in, bool allow_more, ByteView* rest) {
  if (in.size() < 2) return java_io_error("Too short");
  const uint8_t tag = in[0];
  if ((tag & 0x1f) == 0x1f) return java_io_error("Tag number over 30 at 0 is not supported");
  size_t pos = 1;
  uint8_t len_byte = in[pos++];
  size_t length;
  if (len_byte == 0x80) {
    // Indefinite lengths are converted by the JDK; no certificate needs them.
    return java_io_error("Indefinite length encoding not supported");
  }
  if ((len_byte & 0x80) == 0) {
    length = len_byte;
  } else {
    const size_t n = len_byte & 0x7f;
    if (n > 4) return java_io_error("Invalid lenByte");
    if (in.size() < 2 + n) return java_io_error("Not enough length bytes");
    uint64_t l = 0;
    for (size_t i = 0; i < n; ++i) l = (l << 8) | in[pos++];
    if (l > 0x7fffffff) return java_io_error("Invalid length bytes");
    length = static_cast<size_t>(l);
  }
  if (in.size() - pos < length) return Status::Malformed("java.io.EOFException: not enough content");
  if (in.size() - pos > length && !allow_more) return java_io_error("extra data at the end");
  JavaDer v;
  v.tag = tag;
  v.data = in.subspan(pos, length);
  v.encoding = in.first(pos + length);
  if (rest) *rest = in.subspan(pos + length);
  return v;
}

}  // namespace

Status java_io_error(const std::string& message) { return Status::Malformed("java.io.IOException: " + message); }

Result<JavaDer> java_der_value(ByteView bytes) { return parse_one(bytes, false, nullptr); }

Result<JavaDer> JavaDerStream::get_der_value() { return parse_one(rest_, true, &rest_); }

Result<std::string> java_get_oid(const JavaDer& v) {
  if (v.tag != 0x06) return java_io_error("DerValue.getOID, not an OID " + std::to_string(java_tag(v.tag)));
  // ObjectIdentifier(byte[]): the last octet must end an arc, no arc may start with 0x80.
  if (v.data.empty() || (v.data.back() & 0x80)) return java_io_error("ObjectIdentifier() -- Invalid DER encoding, not ended");
  for (size_t i = 0; i < v.data.size(); ++i) {
    if (v.data[i] == 0x80 && (i == 0 || !(v.data[i - 1] & 0x80))) {
      return java_io_error("ObjectIdentifier() -- Invalid DER encoding, useless extra octet detected");
    }
  }
  return der::oid_to_string(v.data);
}

Result<int32_t> java_get_integer(const JavaDer& v, uint8_t as_tag) {
  if (v.tag != as_tag && as_tag == 0x02) {
    return java_io_error("DerValue.getBigIntegerInternal, not expected " + std::to_string(java_tag(v.tag)));
  }
  if (v.data.empty()) return java_io_error("Invalid encoding: zero length Int value");
  ByteView d = v.data;
  const bool negative = d[0] & 0x80;
  // Strip redundant sign octets before checking the range.
  while (d.size() > 1 && ((d[0] == 0 && !(d[1] & 0x80)) || (d[0] == 0xff && (d[1] & 0x80)))) d = d.subspan(1);
  if (d.size() > 4) return java_io_error(negative ? "Integer below minimum valid value" : "Integer exceeds maximum valid value");
  uint32_t u = negative ? ~uint32_t{0} : 0;
  for (uint8_t b : d) u = (u << 8) | b;
  return static_cast<int32_t>(u);
}

Result<bool> java_get_boolean(const JavaDer& v) {
  if (v.tag != 0x01) return java_io_error("DerValue.getBoolean, not a BOOLEAN " + std::to_string(java_tag(v.tag)));
  if (v.data.size() != 1) return java_io_error("DerValue.getBoolean, invalid length " + std::to_string(v.data.size()));
  return v.data[0] != 0;
}

Result<std::vector<bool>> java_get_bit_string(const JavaDer& v, uint8_t as_tag) {
  if (v.tag != as_tag && as_tag == 0x03) {
    return java_io_error("DerValue.getBitString, not a bit string " + std::to_string(java_tag(v.tag)));
  }
  if (v.data.empty()) return java_io_error("Invalid encoding: zero length bit string");
  const unsigned pad = v.data[0];
  if (pad > 7) return java_io_error("Invalid number of padding bits");
  const size_t bits = (v.data.size() - 1) * 8 >= pad ? (v.data.size() - 1) * 8 - pad : 0;
  std::vector<bool> out(bits);
  for (size_t i = 0; i < bits; ++i) out[i] = (v.data[1 + i / 8] >> (7 - i % 8)) & 1;
  return out;
}

Result<Bytes> java_get_octet_string(const JavaDer& v, uint8_t as_tag) {
  if (v.tag != as_tag && v.tag != (as_tag | 0x20)) {
    return java_io_error("DerValue.getOctetString, not an Octet String: " + std::to_string(java_tag(v.tag)));
  }
  if (!v.constructed()) return to_bytes(v.data);
  Bytes out;
  JavaDerStream s(v.data);
  while (s.available() > 0) {
    KS_ASSIGN_OR_RETURN(JavaDer part, s.get_der_value());
    // One level of segments is all a certificate could need; deeper nesting is refused.
    if (part.tag != as_tag) return java_io_error("DerValue.getOctetString, not an Octet String: " + std::to_string(java_tag(part.tag)));
    out.insert(out.end(), part.data.begin(), part.data.end());
  }
  return out;
}

Bytes big_integer_bytes(ByteView v) {
  ByteView d = v;
  while (d.size() > 1 && ((d[0] == 0 && !(d[1] & 0x80)) || (d[0] == 0xff && (d[1] & 0x80)))) d = d.subspan(1);
  return to_bytes(d);
}

}  // namespace kstore::keytool
