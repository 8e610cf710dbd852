// DER writer. X.690 §10.
#include "der/writer.h"

#include <algorithm>

namespace kstore::der {

void append_length(Bytes& out, size_t len) {
  if (len < 0x80) {
    out.push_back(static_cast<uint8_t>(len));
    return;
  }
  uint8_t tmp[8];
  int n = 0;
  while (len) {
    tmp[n++] = static_cast<uint8_t>(len & 0xff);
    len >>= 8;
  }
  out.push_back(static_cast<uint8_t>(0x80 | n));
  while (n) out.push_back(tmp[--n]);
}

void Writer::primitive(uint8_t tag, ByteView contents) {
  if (failed()) return;
  out_.push_back(tag);
  append_length(out_, contents.size());
  out_.insert(out_.end(), contents.begin(), contents.end());
}

void Writer::constructed(uint8_t tag, const Body& body) {
  if (failed()) return;
  // The child writes straight into this buffer, after the tag and a one-byte
  // length placeholder, and the length is patched when it closes (as
  // BoringSSL's CBB does). Copying each child's buffer into its parent
  // instead cost a copy of the whole file per nesting level: 40% of
  // rewriting a 1000-key PKCS#12 store.
  const size_t header = out_.size();
  out_.push_back(tag);
  out_.push_back(0);
  Writer child;
  child.out_ = std::move(out_);
  body(child);
  out_ = std::move(child.out_);
  if (child.failed()) {
    status_ = std::move(child.status_);
    return;
  }
  const size_t len = out_.size() - header - 2;
  if (len < 0x80) {
    out_[header + 1] = static_cast<uint8_t>(len);
    return;
  }
  Bytes length;  // 0x80 | n, then n big-endian bytes
  append_length(length, len);
  out_[header + 1] = length[0];
  out_.insert(out_.begin() + static_cast<std::ptrdiff_t>(header + 2), length.begin() + 1, length.end());
}

void Writer::set_of(const std::vector<Body>& elements) {
  if (failed()) return;
  std::vector<Bytes> encoded;
  for (const Body& body : elements) {
    Writer child;
    body(child);
    if (child.failed()) {
      status_ = std::move(child.status_);
      return;
    }
    encoded.push_back(std::move(child.out_));
  }
  std::sort(encoded.begin(), encoded.end());
  Bytes contents;
  for (const Bytes& e : encoded) contents.insert(contents.end(), e.begin(), e.end());
  primitive(0x31, contents);
}

void Writer::boolean(bool v) {
  const uint8_t b = v ? 0xff : 0x00;
  primitive(0x01, ByteView(&b, 1));
}

void Writer::uint64(uint64_t v) {
  uint8_t tmp[9];
  int n = 0;
  do {
    tmp[n++] = static_cast<uint8_t>(v & 0xff);
    v >>= 8;
  } while (v);
  if (tmp[n - 1] & 0x80) tmp[n++] = 0;
  Bytes contents;
  while (n) contents.push_back(tmp[--n]);
  primitive(0x02, contents);
}

void Writer::bmp_string(std::u16string_view units) {
  Bytes contents;
  contents.reserve(units.size() * 2);
  for (char16_t u : units) {
    contents.push_back(static_cast<uint8_t>(u >> 8));
    contents.push_back(static_cast<uint8_t>(u & 0xff));
  }
  primitive(0x1e, contents);
}

void Writer::raw(ByteView encoded) {
  if (failed()) return;
  out_.insert(out_.end(), encoded.begin(), encoded.end());
}

void Writer::fail(Status status) {
  if (!failed()) status_ = std::move(status);
}

Result<Bytes> Writer::finish() && {
  if (failed()) return std::move(status_);
  return std::move(out_);
}

}  // namespace kstore::der
