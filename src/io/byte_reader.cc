// Java DataInput/DataOutput codec.
#include "io/byte_reader.h"

#include "base/utf.h"

namespace kstore::io {

Result<uint8_t> ByteReader::read_u8() {
  if (remaining() < 1) return shortfall(1, "truncated (needed 1 byte)");
  return data_[pos_++];
}

Result<uint16_t> ByteReader::read_u16() {
  if (remaining() < 2) return shortfall(2, "truncated (needed 2 bytes, ", remaining(), " left)");
  uint16_t v = static_cast<uint16_t>((data_[pos_] << 8) | data_[pos_ + 1]);
  pos_ += 2;
  return v;
}

Result<uint32_t> ByteReader::read_u32() {
  if (remaining() < 4) return shortfall(4, "truncated (needed 4 bytes, ", remaining(), " left)");
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = (v << 8) | data_[pos_ + i];
  pos_ += 4;
  return v;
}

Result<int64_t> ByteReader::read_s64() {
  if (remaining() < 8) return shortfall(8, "truncated (needed 8 bytes, ", remaining(), " left)");
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | data_[pos_ + i];
  pos_ += 8;
  return static_cast<int64_t>(v);
}

Result<ByteView> ByteReader::read_bytes(size_t n) {
  if (n > remaining()) return shortfall(n, "length ", n, " exceeds the ", remaining(), " bytes left");
  ByteView v = data_.subspan(pos_, n);
  pos_ += n;
  return v;
}

Result<ByteView> ByteReader::read_java_utf_raw() {
  KS_ASSIGN_OR_RETURN(uint16_t len, read_u16());
  return read_bytes(len);
}

Result<std::string> ByteReader::read_java_utf() {
  const size_t start = pos_;
  KS_ASSIGN_OR_RETURN(ByteView raw, read_java_utf_raw());
  auto text = utf::modified_utf8_to_utf8(raw);
  if (!text.ok()) {
    pos_ = start;
    return malformed("bad modified UTF-8 string: ", text.status().message());
  }
  return std::move(text).value();
}

void ByteWriter::write_u16(uint16_t v) {
  out_.push_back(static_cast<uint8_t>(v >> 8));
  out_.push_back(static_cast<uint8_t>(v));
}

void ByteWriter::write_u32(uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out_.push_back(static_cast<uint8_t>(v >> shift));
}

void ByteWriter::write_s64(int64_t v) {
  const uint64_t u = static_cast<uint64_t>(v);
  for (int shift = 56; shift >= 0; shift -= 8) out_.push_back(static_cast<uint8_t>(u >> shift));
}

Status ByteWriter::write_java_utf(std::string_view utf8) {
  KS_ASSIGN_OR_RETURN(std::string encoded, utf::utf8_to_modified_utf8(utf8));
  if (encoded.size() > 0xffff) return Status::InvalidArgument("string encodes to ", encoded.size(), " bytes; Java's limit is 65535");
  write_u16(static_cast<uint16_t>(encoded.size()));
  write_bytes(as_bytes(encoded));
  return Status::Ok();
}

}  // namespace kstore::io
