// Fuzz target: the bounded DER/BER reader (src/der/reader.h), walking
// arbitrary nesting in both modes, with every typed read tried on the
// element it applies to. Checks: errors are only kMalformed or
// kLimitExceeded; every element's encoding is exactly the bytes consumed and
// its contents lie within it; an OID's dotted text converts back to the same
// contents; and in DER mode, a fully read input re-encoded through
// der::Writer gives back the same bytes (reader and writer agree on DER).
#include <optional>

#include "der/reader.h"
#include "der/writer.h"
#include "fuzz_common.h"

using namespace kstore;

namespace {

void check_error(const Status& status, const char* what) {
  if (status.ok()) return;
  const ErrorCode code = status.code();
  if (code != ErrorCode::kMalformed && code != ErrorCode::kTruncated && code != ErrorCode::kLimitExceeded)
    fuzz::fail(what, status);
}

// Minimal base-128 arcs: no arc starts with 0x80.
bool minimal_oid(ByteView oid) {
  bool at_arc_start = true;
  for (uint8_t b : oid) {
    if (at_arc_start && b == 0x80) return false;
    at_arc_start = !(b & 0x80);
  }
  return true;
}

void typed_reads(const der::Reader& at, uint8_t tag) {
  der::Reader r = at;
  switch (tag) {
    case der::kInteger: {
      der::Reader r2 = at, r3 = at;
      check_error(r.read_uint64().status(), "read_uint64");
      check_error(r2.read_int64().status(), "read_int64");
      auto bytes = r3.read_integer_bytes();
      check_error(bytes.status(), "read_integer_bytes");
      if (bytes.ok() && bytes->empty()) fuzz::fail("empty INTEGER accepted");
      break;
    }
    case der::kOid: {
      auto oid = r.read_oid();
      check_error(oid.status(), "read_oid");
      if (oid.ok() && minimal_oid(*oid)) {
        const std::string dotted = der::oid_to_string(*oid);
        if (dotted != "<oversized OID>" && der::oid_from_string(dotted) != to_bytes(*oid))
          fuzz::fail("OID " + dotted + " does not convert back to its contents");
      }
      break;
    }
    case der::kBoolean:
      check_error(r.read_boolean().status(), "read_boolean");
      break;
    case der::kNull:
      check_error(r.read_null(), "read_null");
      break;
    case der::kOctetString:
    case der::kOctetString | der::kConstructed: {
      Bytes storage;
      check_error(r.read_octet_string(&storage).status(), "read_octet_string");
      break;
    }
    default:
      if ((tag & 0xc0) == der::kContextSpecific) {
        Bytes storage;
        check_error(r.read_implicit_octet_string(tag & ~der::kConstructed, &storage).status(),
                    "read_implicit_octet_string");
      }
      break;
  }
}

// Reads every element of `r`, descending into constructed ones. Returns the
// DER re-encoding of what was read when everything was read, else nullopt.
std::optional<Bytes> walk(der::Reader r) {
  der::Writer out;
  bool complete = true;
  while (!r.empty()) {
    const ByteView before = r.rest();
    const uint8_t tag = r.peek_tag();
    typed_reads(r, tag);
    if (tag & der::kConstructed) {
      der::Reader probe = r;
      auto element = probe.read_element();
      check_error(element.status(), "read_element");
      auto child = r.read_constructed(tag);
      check_error(child.status(), "read_constructed");
      if (element.ok() != child.ok()) fuzz::fail("read_element and read_constructed disagree");
      if (!child.ok()) return std::nullopt;
      if (!equal_bytes(child->rest(), element->contents)) fuzz::fail("child reader is not over the contents");
      std::optional<Bytes> inner = walk(*child);
      if (inner) {
        out.constructed(tag, [&](der::Writer& w) { w.raw(*inner); });
      } else {
        complete = false;
      }
    } else {
      auto element = r.read_element();
      check_error(element.status(), "read_element");
      if (!element.ok()) return std::nullopt;
      if (element->indefinite) fuzz::fail("indefinite length on a primitive element accepted");
      out.primitive(tag, element->contents);
    }
    // The element is exactly what was consumed.
    const size_t consumed = before.size() - r.remaining();
    if (consumed == 0) fuzz::fail("an element consumed no bytes");
    if (r.rest().data() != before.data() + consumed) fuzz::fail("reader did not advance over the element");
  }
  if (!complete) return std::nullopt;
  auto bytes = std::move(out).finish();
  if (!bytes.ok()) return std::nullopt;
  return std::move(bytes).value();
}

void check_elements(ByteView in, der::Mode mode) {
  der::Reader r(in, mode);
  while (!r.empty()) {
    const ByteView before = r.rest();
    auto e = r.read_element();
    if (!e.ok()) return;
    if (e->encoding.data() != before.data()) fuzz::fail("element encoding does not start where the reader stood");
    if (e->encoding.size() != before.size() - r.remaining()) fuzz::fail("element encoding is not what was consumed");
    if (!fuzz::within(e->encoding, e->contents)) fuzz::fail("element contents outside its encoding");
    if (e->indefinite && mode != der::Mode::kBer) fuzz::fail("indefinite length accepted in DER");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const ByteView in(data, size);
  check_elements(in, der::Mode::kDer);
  check_elements(in, der::Mode::kBer);
  (void)walk(der::Reader(in, der::Mode::kBer));
  std::optional<Bytes> reencoded = walk(der::Reader(in, der::Mode::kDer));
  if (reencoded && !equal_bytes(*reencoded, in)) fuzz::fail("DER accepted by the reader re-encodes differently");
  return 0;
}
