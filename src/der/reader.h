// Bounded DER/BER reader. X.690 §8 (BER) and §10 (DER).
//
// A Reader is a view over the bytes it was given; every child element is a
// child Reader over exactly its contents, so nothing can read past its parent.
// Definite lengths are checked against what remains before anything is
// returned. Indefinite lengths (BER) are accepted only by readers created with
// Mode::kBer, which PKCS#12 needs for Windows and Bouncy Castle files.
#pragma once

#include <cstdint>
#include <string>

#include "kstore/bytes.h"
#include "kstore/status.h"

namespace kstore::der {

// Universal tags and the class/constructed bits, as single identifier octets.
inline constexpr uint8_t kBoolean = 0x01;
inline constexpr uint8_t kInteger = 0x02;
inline constexpr uint8_t kBitString = 0x03;
inline constexpr uint8_t kOctetString = 0x04;
inline constexpr uint8_t kNull = 0x05;
inline constexpr uint8_t kOid = 0x06;
inline constexpr uint8_t kEnumerated = 0x0a;
inline constexpr uint8_t kUtf8String = 0x0c;
inline constexpr uint8_t kPrintableString = 0x13;
inline constexpr uint8_t kT61String = 0x14;
inline constexpr uint8_t kIa5String = 0x16;
inline constexpr uint8_t kUtcTime = 0x17;
inline constexpr uint8_t kGeneralizedTime = 0x18;
inline constexpr uint8_t kUniversalString = 0x1c;
inline constexpr uint8_t kBmpString = 0x1e;
inline constexpr uint8_t kConstructed = 0x20;
inline constexpr uint8_t kSequence = 0x30;
inline constexpr uint8_t kSet = 0x31;
inline constexpr uint8_t kContextSpecific = 0x80;

inline constexpr uint8_t context_tag(unsigned n, bool constructed) {
  return static_cast<uint8_t>(kContextSpecific | (constructed ? kConstructed : 0) | n);
}

// Nesting depth beyond which input is refused (X.509 and PKCS#12 need < 20).
inline constexpr int kMaxDepth = 32;

enum class Mode { kDer, kBer };

struct Element {
  uint8_t tag = 0;       // identifier octet; high-tag-number forms are refused
  ByteView contents;     // content octets (for BER indefinite: up to, not including, the end-of-contents)
  ByteView encoding;     // identifier, length and contents: the whole TLV
  bool indefinite = false;
};

class Reader {
 public:
  explicit Reader(ByteView data, Mode mode = Mode::kDer, int depth = 0, const char* what = nullptr)
      : data_(data), mode_(mode), depth_(depth), what_(what) {}
  // A reader over a whole file: an element that runs past its end means the
  // file ends early (kTruncated), where inside an element it means a length
  // is wrong. Readers of its elements' contents are ordinary readers.
  static Reader whole_file(ByteView data, Mode mode, const char* what) {
    Reader r(data, mode, 0, what);
    r.whole_file_ = true;
    return r;
  }

  bool empty() const { return data_.empty(); }
  size_t remaining() const { return data_.size(); }
  ByteView rest() const { return data_; }
  Mode mode() const { return mode_; }

  // Tag of the next element without consuming it; 0 if empty.
  uint8_t peek_tag() const { return data_.empty() ? 0 : data_[0]; }
  bool next_is(uint8_t tag) const { return !data_.empty() && data_[0] == tag; }

  Result<Element> read_element();
  Result<Element> read_element(uint8_t expected_tag);
  // A child reader over the contents of the next element with the given tag.
  Result<Reader> read_constructed(uint8_t expected_tag);
  Result<Reader> read_sequence() { return read_constructed(kSequence); }
  Result<Reader> read_set() { return read_constructed(kSet); }
  // [n] EXPLICIT: the child reader holds the wrapped element(s).
  Result<Reader> read_explicit(unsigned n) { return read_constructed(context_tag(n, true)); }

  Result<ByteView> read_oid();  // contents of an OBJECT IDENTIFIER
  // OCTET STRING contents. In BER mode a constructed OCTET STRING is
  // reassembled from its segments into `storage`, and the view points there.
  Result<ByteView> read_octet_string(Bytes* storage = nullptr);
  // Same for an IMPLICIT-tagged octet string with the given primitive tag.
  Result<ByteView> read_implicit_octet_string(uint8_t primitive_tag, Bytes* storage = nullptr);
  Result<bool> read_boolean();
  Status read_null();
  // A non-negative INTEGER that fits in 64 bits.
  Result<uint64_t> read_uint64();
  Result<int64_t> read_int64();
  // Raw INTEGER contents (two's complement, minimal).
  Result<ByteView> read_integer_bytes();
  Result<uint64_t> read_optional_uint64(uint64_t default_value);

  Status expect_end() const;

  // An error naming the structure being read.
  template <typename... Parts>
  Status malformed(Parts&&... parts) const {
    if (what_) return Status::Malformed(what_, ": ", parts...);
    return Status::Malformed(parts...);
  }
  // The data ends inside the `needed` bytes being read: kTruncated over a
  // whole file, unless no file could hold them (then the length is wrong).
  template <typename... Parts>
  Status shortfall(uint64_t needed, Parts&&... parts) const {
    Status s = malformed(parts...);
    return whole_file_ && needed <= kLargestPlausibleLength ? Status(ErrorCode::kTruncated, s.message()) : s;
  }

  // Sets the structure name used in this reader's errors.
  Reader& named(const char* what) {
    what_ = what;
    return *this;
  }

 private:
  Result<Element> read_element_impl();
  Status reassemble_octets(ByteView contents, bool indefinite, Bytes* out, int depth) const;

  ByteView data_;
  Mode mode_;
  int depth_;
  const char* what_;
  bool whole_file_ = false;
};

// Dotted-decimal text of OID contents ("1.2.840.113549.1.12.10.1.2").
std::string oid_to_string(ByteView oid_contents);
// Contents octets of an OID from dotted text; empty on bad input.
Bytes oid_from_string(std::string_view dotted);

}  // namespace kstore::der
