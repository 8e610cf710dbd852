// DER writer through nested builders: a child's length is written when it closes.
#pragma once

#include <functional>

#include "kstore/bytes.h"
#include "kstore/status.h"

namespace kstore::der {

class Writer {
 public:
  using Body = std::function<void(Writer&)>;

  // A constructed element with the given identifier octet.
  void constructed(uint8_t tag, const Body& body);
  void sequence(const Body& body) { constructed(0x30, body); }
  void set(const Body& body) { constructed(0x31, body); }
  void explicit_tag(unsigned n, const Body& body) { constructed(static_cast<uint8_t>(0xa0 | n), body); }
  // A SET OF whose elements are sorted by their encodings, as DER requires (X.690 §11.6).
  void set_of(const std::vector<Body>& elements);

  void primitive(uint8_t tag, ByteView contents);
  void oid(ByteView contents) { primitive(0x06, contents); }
  void octet_string(ByteView contents) { primitive(0x04, contents); }
  void null() { primitive(0x05, {}); }
  void boolean(bool v);
  void uint64(uint64_t v);
  void integer_bytes(ByteView twos_complement) { primitive(0x02, twos_complement); }
  void bmp_string(std::u16string_view units);
  // Pre-encoded TLV(s), copied verbatim.
  void raw(ByteView encoded);

  // Fails the writer; the error is reported by finish().
  void fail(Status status);

  Result<Bytes> finish() &&;
  // For callers that embed the output of a secret-bearing structure.
  bool failed() const { return !status_.ok(); }

 private:
  Bytes out_;
  Status status_;
};

// Appends a DER length.
void append_length(Bytes& out, size_t len);

}  // namespace kstore::der
