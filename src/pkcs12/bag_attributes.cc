// SafeBag attributes. RFC 7292 §4.2; what the JDK writes and reads:
// docs/formats.md, "PKCS#12: bag attributes".
#include "pkcs12/bag_attributes.h"

#include "base/utf.h"
#include "pkcs12/oids.h"

namespace kstore::pkcs12 {
namespace {

Result<std::string> read_friendly_name(der::Reader& values) {
  KS_ASSIGN_OR_RETURN(der::Element e, values.read_element());
  if (e.tag == der::kBmpString) {
    if (e.contents.size() % 2 != 0) return values.malformed("friendlyName BMPString of odd length");
    std::u16string units;
    units.reserve(e.contents.size() / 2);
    for (size_t i = 0; i < e.contents.size(); i += 2)
      units.push_back(static_cast<char16_t>((e.contents[i] << 8) | e.contents[i + 1]));
    return utf::encode_utf8(units);
  }
  // RFC 2985 allows only BMPString; accepting UTF8String costs nothing and
  // loses nothing (the JDK would refuse the file).
  if (e.tag == der::kUtf8String) {
    if (!utf::decode_utf8(as_chars(e.contents)).ok()) return values.malformed("friendlyName is not valid UTF-8");
    return std::string(as_chars(e.contents));
  }
  return values.malformed("friendlyName of tag 0x", to_hex(ByteView(&e.tag, 1)));
}

}  // namespace

Result<BagAttributes> read_bag_attributes(der::Reader& safe_bag) {
  BagAttributes out;
  if (safe_bag.empty()) return out;
  KS_ASSIGN_OR_RETURN(der::Reader set, safe_bag.read_set());
  KS_TRY(safe_bag.expect_end());
  while (!set.empty()) {
    KS_ASSIGN_OR_RETURN(der::Element attr_element, set.read_element(der::kSequence));
    der::Reader attr(attr_element.contents, set.mode(), 0, "bag attribute");
    KS_ASSIGN_OR_RETURN(ByteView id, attr.read_oid());
    KS_ASSIGN_OR_RETURN(der::Reader values, attr.read_set());
    KS_TRY(attr.expect_end());
    if (equal_bytes(id, oid::kFriendlyName)) {
      if (values.empty()) return values.malformed("friendlyName without a value");
      KS_ASSIGN_OR_RETURN(out.friendly_name, read_friendly_name(values));
    } else if (equal_bytes(id, oid::kLocalKeyId)) {
      if (values.empty()) return values.malformed("localKeyId without a value");
      Bytes storage;
      KS_ASSIGN_OR_RETURN(ByteView key_id, values.read_octet_string(&storage));
      out.local_key_id = to_bytes(key_id);
    } else if (equal_bytes(id, oid::kTrustedKeyUsage)) {
      std::vector<Bytes> usages;
      while (!values.empty()) {
        KS_ASSIGN_OR_RETURN(ByteView usage, values.read_oid());
        usages.push_back(to_bytes(usage));
      }
      out.trusted_key_usages = std::move(usages);
    } else {
      out.others.push_back(to_bytes(attr_element.encoding));
    }
  }
  return out;
}

void write_bag_attributes(der::Writer& safe_bag, const BagAttributesToWrite& attrs) {
  const bool any = attrs.friendly_name || !attrs.local_key_id.empty() || attrs.trusted_key_usages ||
                   (attrs.others && !attrs.others->empty());
  if (!any) return;
  safe_bag.set([&](der::Writer& set) {
    if (attrs.friendly_name) {
      auto units = utf::decode_utf8(*attrs.friendly_name);
      if (!units.ok()) {
        set.fail(Status::InvalidArgument("alias is not valid UTF-8"));
        return;
      }
      set.sequence([&](der::Writer& a) {
        a.oid(oid::kFriendlyName);
        a.set([&](der::Writer& v) { v.bmp_string(*units); });
      });
    }
    if (!attrs.local_key_id.empty()) {
      set.sequence([&](der::Writer& a) {
        a.oid(oid::kLocalKeyId);
        a.set([&](der::Writer& v) { v.octet_string(attrs.local_key_id); });
      });
    }
    if (attrs.trusted_key_usages) {
      set.sequence([&](der::Writer& a) {
        a.oid(oid::kTrustedKeyUsage);
        a.set([&](der::Writer& v) {
          for (const Bytes& usage : *attrs.trusted_key_usages) v.oid(usage);
        });
      });
    }
    if (attrs.others) {
      for (const Bytes& other : *attrs.others) set.raw(other);
    }
  });
}

}  // namespace kstore::pkcs12
