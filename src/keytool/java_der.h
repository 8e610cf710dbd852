// A DER reader with the JDK's leniencies and error texts
// (sun.security.util.DerValue / DerInputStream in OpenJDK 17). keytool
// prints an extension the JDK could not decode together with the exception,
// so the extension parsers fail with the same java.io.IOException text.
#pragma once

#include <cstdint>
#include <string>

#include "kstore/bytes.h"
#include "kstore/status.h"

namespace kstore::keytool {

struct JavaDer {
  uint8_t tag = 0;
  ByteView data;      // contents
  ByteView encoding;  // the whole TLV
  bool constructed() const { return tag & 0x20; }
  bool context(unsigned n) const { return (tag & 0xc0) == 0x80 && (tag & 0x1f) == n; }
};

// A kMalformed status whose message is the Java exception's toString().
Status java_io_error(const std::string& message);

// new DerValue(byte[]): exactly one value, BER lengths allowed.
Result<JavaDer> java_der_value(ByteView bytes);

// DerInputStream over the contents of a value.
class JavaDerStream {
 public:
  explicit JavaDerStream(ByteView data) : rest_(data) {}
  size_t available() const { return rest_.size(); }
  Result<JavaDer> get_der_value();

 private:
  ByteView rest_;
};

// DerValue.getOID / getInteger / getBoolean / getUnalignedBitString / getOctetString,
// with the tag as given (callers reset implicit tags by passing `as_tag`).
Result<std::string> java_get_oid(const JavaDer& v);
Result<int32_t> java_get_integer(const JavaDer& v, uint8_t as_tag = 0x02);
Result<bool> java_get_boolean(const JavaDer& v);
// BitArray.toBooleanArray() of the bit string.
Result<std::vector<bool>> java_get_bit_string(const JavaDer& v, uint8_t as_tag = 0x03);
Result<Bytes> java_get_octet_string(const JavaDer& v, uint8_t as_tag = 0x04);

// BigInteger.toByteArray() of two's-complement contents (minimal form).
Bytes big_integer_bytes(ByteView twos_complement);

}  // namespace kstore::keytool
