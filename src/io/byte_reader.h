// Bounded reader and writer for Java DataInput/DataOutput data (big-endian,
// writeUTF strings in modified UTF-8). java.io.DataInputStream / DataOutputStream.
#pragma once

#include <cstdint>
#include <string>

#include "kstore/bytes.h"
#include "kstore/status.h"

namespace kstore::io {

class ByteReader {
 public:
  explicit ByteReader(ByteView data, const char* what = nullptr) : data_(data), what_(what) {}
  // A reader over a whole file: running out of bytes means the file ends
  // early (kTruncated), where in a part of one it means a length is wrong.
  static ByteReader whole_file(ByteView data, const char* what) {
    ByteReader r(data, what);
    r.whole_file_ = true;
    return r;
  }

  size_t remaining() const { return data_.size() - pos_; }
  size_t position() const { return pos_; }
  bool empty() const { return remaining() == 0; }
  ByteView consumed() const { return data_.first(pos_); }
  ByteView rest() const { return data_.subspan(pos_); }

  Result<uint8_t> read_u8();
  Result<uint16_t> read_u16();
  Result<uint32_t> read_u32();
  Result<int64_t> read_s64();
  // Borrowed view of the next n bytes; n is checked against what remains first.
  Result<ByteView> read_bytes(size_t n);
  // writeUTF: u2 byte length, then modified UTF-8. Returned as standard UTF-8.
  Result<std::string> read_java_utf();
  // The same, returning the raw modified-UTF-8 bytes.
  Result<ByteView> read_java_utf_raw();

  template <typename... Parts>
  Status malformed(Parts&&... parts) const {
    if (what_) return Status::Malformed(what_, " at offset ", pos_, ": ", parts...);
    return Status::Malformed("at offset ", pos_, ": ", parts...);
  }
  // The data ends before the `needed` bytes being read: kTruncated over a
  // whole file, unless no file could hold them (then the length is wrong).
  template <typename... Parts>
  Status shortfall(uint64_t needed, Parts&&... parts) const {
    Status s = malformed(parts...);
    return whole_file_ && needed <= kLargestPlausibleLength ? Status(ErrorCode::kTruncated, s.message()) : s;
  }

 private:
  ByteView data_;
  size_t pos_ = 0;
  const char* what_;
  bool whole_file_ = false;
};

class ByteWriter {
 public:
  void write_u8(uint8_t v) { out_.push_back(v); }
  void write_u16(uint16_t v);
  void write_u32(uint32_t v);
  void write_s64(int64_t v);
  void write_bytes(ByteView b) { out_.insert(out_.end(), b.begin(), b.end()); }
  // writeUTF of a UTF-8 string; fails when the encoding exceeds 65535 bytes
  // (Java throws UTFDataFormatException there).
  Status write_java_utf(std::string_view utf8);

  // Room for n more bytes, so a writer that knows its size grows once.
  void reserve(size_t n) { out_.reserve(out_.size() + n); }
  const Bytes& bytes() const { return out_; }
  Bytes take() && { return std::move(out_); }
  size_t size() const { return out_.size(); }

 private:
  Bytes out_;
};

}  // namespace kstore::io
