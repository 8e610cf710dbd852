// Bounded DER/BER reader. X.690 §8.1 (encoding structure), §10 (DER restrictions).
#include "der/reader.h"

#include <charconv>

namespace kstore::der {

Result<Element> Reader::read_element() { return read_element_impl(); }

Result<Element> Reader::read_element(uint8_t expected_tag) {
  if (data_.empty()) return malformed("expected tag 0x", to_hex(ByteView(&expected_tag, 1)), ", found end of data");
  if (data_[0] != expected_tag) {
    return malformed("expected tag 0x", to_hex(ByteView(&expected_tag, 1)), ", found 0x",
                     to_hex(data_.first(1)));
  }
  return read_element_impl();
}

Result<Element> Reader::read_element_impl() {
  if (depth_ >= kMaxDepth) return Status::LimitExceeded("ASN.1 nesting deeper than ", kMaxDepth);
  if (data_.size() < 2) return shortfall(2, "truncated element header");
  const uint8_t tag = data_[0];
  if ((tag & 0x1f) == 0x1f) return malformed("high tag numbers are not used by keystores");
  size_t pos = 1;
  const uint8_t first = data_[pos++];
  Element e;
  e.tag = tag;
  if (first < 0x80) {
    if (first > data_.size() - pos) return shortfall(first, "length ", unsigned(first), " exceeds the ", data_.size() - pos, " bytes left");
    e.contents = data_.subspan(pos, first);
    pos += first;
  } else if (first == 0x80) {
    if (mode_ != Mode::kBer) return malformed("indefinite length is not allowed in DER");
    if (!(tag & kConstructed)) return malformed("indefinite length on a primitive element");
    // Walk the children until the end-of-contents octets 00 00.
    Reader children(data_.subspan(pos), mode_, depth_ + 1, what_);
    const size_t start = pos;
    for (;;) {
      if (children.remaining() < 2) return malformed("indefinite-length element lacks end-of-contents");
      if (children.data_[0] == 0 && children.data_[1] == 0) break;
      KS_ASSIGN_OR_RETURN(Element child, children.read_element_impl());
      (void)child;
    }
    const size_t content_len = (data_.size() - start) - children.remaining();
    e.contents = data_.subspan(start, content_len);
    e.indefinite = true;
    pos = start + content_len + 2;
  } else {
    const size_t n = first & 0x7f;
    if (n > 4) return malformed("length of ", n, " octets is larger than any keystore needs");
    if (n > data_.size() - pos) return shortfall(n, "truncated length");
    uint64_t len = 0;
    for (size_t i = 0; i < n; ++i) len = (len << 8) | data_[pos + i];
    pos += n;
    if (mode_ == Mode::kDer && (len < 0x80 || data_[pos - n] == 0)) return malformed("length is not minimally encoded");
    if (len > data_.size() - pos) return shortfall(len, "length ", len, " exceeds the ", data_.size() - pos, " bytes left");
    e.contents = data_.subspan(pos, static_cast<size_t>(len));
    pos += static_cast<size_t>(len);
  }
  e.encoding = data_.first(pos);
  data_ = data_.subspan(pos);
  return e;
}

Result<Reader> Reader::read_constructed(uint8_t expected_tag) {
  KS_ASSIGN_OR_RETURN(Element e, read_element(expected_tag));
  return Reader(e.contents, mode_, depth_ + 1, what_);
}

Result<ByteView> Reader::read_oid() {
  KS_ASSIGN_OR_RETURN(Element e, read_element(kOid));
  if (e.contents.empty() || (e.contents.back() & 0x80)) return malformed("bad OBJECT IDENTIFIER");
  return e.contents;
}

Status Reader::reassemble_octets(ByteView contents, bool indefinite, Bytes* out, int depth) const {
  (void)indefinite;
  Reader segments(contents, mode_, depth, what_);
  while (!segments.empty()) {
    KS_ASSIGN_OR_RETURN(Element seg, segments.read_element_impl());
    if (seg.tag == kOctetString) {
      out->insert(out->end(), seg.contents.begin(), seg.contents.end());
    } else if (seg.tag == (kOctetString | kConstructed)) {
      KS_TRY(reassemble_octets(seg.contents, seg.indefinite, out, depth + 1));
    } else {
      return malformed("constructed OCTET STRING holds tag 0x", to_hex(ByteView(&seg.tag, 1)));
    }
  }
  return Status::Ok();
}

Result<ByteView> Reader::read_implicit_octet_string(uint8_t primitive_tag, Bytes* storage) {
  if (data_.empty()) return malformed("expected an OCTET STRING, found end of data");
  const uint8_t tag = data_[0];
  if (tag == primitive_tag) {
    KS_ASSIGN_OR_RETURN(Element e, read_element_impl());
    return e.contents;
  }
  if (tag == (primitive_tag | kConstructed) && mode_ == Mode::kBer && storage != nullptr) {
    KS_ASSIGN_OR_RETURN(Element e, read_element_impl());
    storage->clear();
    KS_TRY(reassemble_octets(e.contents, e.indefinite, storage, depth_ + 1));
    return ByteView(*storage);
  }
  return malformed("expected OCTET STRING (tag 0x", to_hex(ByteView(&primitive_tag, 1)), "), found 0x",
                   to_hex(ByteView(&tag, 1)));
}

Result<ByteView> Reader::read_octet_string(Bytes* storage) { return read_implicit_octet_string(kOctetString, storage); }

Result<bool> Reader::read_boolean() {
  KS_ASSIGN_OR_RETURN(Element e, read_element(kBoolean));
  if (e.contents.size() != 1) return malformed("BOOLEAN of length ", e.contents.size());
  if (mode_ == Mode::kDer && e.contents[0] != 0 && e.contents[0] != 0xff) return malformed("BOOLEAN not DER");
  return e.contents[0] != 0;
}

Status Reader::read_null() {
  KS_ASSIGN_OR_RETURN(Element e, read_element(kNull));
  if (!e.contents.empty()) return malformed("NULL with contents");
  return Status::Ok();
}

Result<ByteView> Reader::read_integer_bytes() {
  KS_ASSIGN_OR_RETURN(Element e, read_element(kInteger));
  if (e.contents.empty()) return malformed("empty INTEGER");
  if (mode_ == Mode::kDer && e.contents.size() > 1 &&
      ((e.contents[0] == 0 && !(e.contents[1] & 0x80)) || (e.contents[0] == 0xff && (e.contents[1] & 0x80)))) {
    return malformed("INTEGER not minimally encoded");
  }
  return e.contents;
}

Result<uint64_t> Reader::read_uint64() {
  KS_ASSIGN_OR_RETURN(ByteView v, read_integer_bytes());
  if (v[0] & 0x80) return malformed("negative INTEGER where a count was expected");
  while (v.size() > 1 && v[0] == 0) v = v.subspan(1);
  if (v.size() > 8) return Status::LimitExceeded(what_ ? what_ : "INTEGER", ": value does not fit in 64 bits");
  uint64_t out = 0;
  for (uint8_t b : v) out = (out << 8) | b;
  return out;
}

Result<int64_t> Reader::read_int64() {
  KS_ASSIGN_OR_RETURN(ByteView v, read_integer_bytes());
  if (v.size() > 8) return Status::LimitExceeded(what_ ? what_ : "INTEGER", ": value does not fit in 64 bits");
  uint64_t out = (v[0] & 0x80) ? ~uint64_t{0} : 0;
  for (uint8_t b : v) out = (out << 8) | b;
  return static_cast<int64_t>(out);
}

Result<uint64_t> Reader::read_optional_uint64(uint64_t default_value) {
  if (!next_is(kInteger)) return default_value;
  return read_uint64();
}

Status Reader::expect_end() const {
  if (!data_.empty()) return malformed(data_.size(), " unexpected trailing bytes");
  return Status::Ok();
}

std::string oid_to_string(ByteView oid) {
  // Written arc by arc into one string: listing 10000 certificates converts
  // four OIDs each, and a temporary string per arc was a tenth of it.
  std::string out;
  out.reserve(oid.size() * 3);
  auto append = [&out](uint64_t arc) {
    char digits[24];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, arc);
    out.append(digits, static_cast<size_t>(end - digits));
  };
  uint64_t value = 0;
  bool first = true;
  for (uint8_t b : oid) {
    if (value > (UINT64_MAX >> 7)) return "<oversized OID>";
    value = (value << 7) | (b & 0x7f);
    if (b & 0x80) continue;
    if (first) {
      const uint64_t arc1 = value < 40 ? 0 : value < 80 ? 1 : 2;
      append(arc1);
      out.push_back('.');
      append(value - 40 * arc1);
      first = false;
    } else {
      out.push_back('.');
      append(value);
    }
    value = 0;
  }
  return out;
}

Bytes oid_from_string(std::string_view dotted) {
  std::vector<uint64_t> arcs;
  size_t pos = 0;
  while (pos <= dotted.size()) {
    size_t end = dotted.find('.', pos);
    if (end == std::string_view::npos) end = dotted.size();
    uint64_t arc = 0;
    auto [ptr, ec] = std::from_chars(dotted.data() + pos, dotted.data() + end, arc);
    if (ec != std::errc() || ptr != dotted.data() + end || end == pos) return {};
    arcs.push_back(arc);
    pos = end + 1;
  }
  if (arcs.size() < 2 || arcs[0] > 2 || (arcs[0] < 2 && arcs[1] >= 40)) return {};
  Bytes out;
  auto put = [&out](uint64_t v) {
    uint8_t tmp[10];
    int n = 0;
    do {
      tmp[n++] = v & 0x7f;
      v >>= 7;
    } while (v);
    while (n > 0) {
      --n;
      out.push_back(static_cast<uint8_t>(tmp[n] | (n ? 0x80 : 0)));
    }
  };
  put(arcs[0] * 40 + arcs[1]);
  for (size_t i = 2; i < arcs.size(); ++i) put(arcs[i]);
  return out;
}

}  // namespace kstore::der
