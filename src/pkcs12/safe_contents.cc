// SafeContents and SafeBags. RFC 7292 §4.2; what the JDK takes from each bag
// type: docs/formats.md, "PKCS#12: SafeContents and SafeBags".
#include "pkcs12/safe_contents.h"

#include "der/reader.h"
#include "pkcs12/oids.h"

namespace kstore::pkcs12 {
namespace {

BagType bag_type(ByteView id) {
  if (equal_bytes(id, oid::kKeyBag)) return BagType::kKey;
  if (equal_bytes(id, oid::kPkcs8ShroudedKeyBag)) return BagType::kShroudedKey;
  if (equal_bytes(id, oid::kCertBag)) return BagType::kCert;
  if (equal_bytes(id, oid::kCrlBag)) return BagType::kCrl;
  if (equal_bytes(id, oid::kSecretBag)) return BagType::kSecret;
  if (equal_bytes(id, oid::kSafeContentsBag)) return BagType::kSafeContents;
  return BagType::kOther;
}

// CertBag ::= SEQUENCE { certId OID, certValue [0] EXPLICIT OCTET STRING }
Status read_cert_bag(der::Reader& value, SafeBag& bag) {
  KS_ASSIGN_OR_RETURN(der::Reader cert_bag, value.read_sequence());
  KS_TRY(value.expect_end());
  KS_ASSIGN_OR_RETURN(ByteView cert_id, cert_bag.read_oid());
  bag.cert_type = to_bytes(cert_id);
  KS_ASSIGN_OR_RETURN(der::Reader cert_value, cert_bag.read_explicit(0));
  KS_TRY(cert_bag.expect_end());
  Bytes storage;
  KS_ASSIGN_OR_RETURN(ByteView cert, cert_value.read_octet_string(&storage));
  KS_TRY(cert_value.expect_end());
  bag.value = to_bytes(cert);
  return Status::Ok();
}

// SecretBag ::= SEQUENCE { secretTypeId OID, secretValue [0] EXPLICIT ANY }.
// The JDK reads secretValue as an OCTET STRING holding an
// EncryptedPrivateKeyInfo, whatever secretTypeId says (docs/formats.md,
// "PKCS#12: secret keys").
Status read_secret_bag(der::Reader& value, SafeBag& bag) {
  KS_ASSIGN_OR_RETURN(der::Reader secret_bag, value.read_sequence());
  KS_TRY(value.expect_end());
  KS_ASSIGN_OR_RETURN(ByteView type_id, secret_bag.read_oid());
  (void)type_id;
  KS_ASSIGN_OR_RETURN(der::Reader secret_value, secret_bag.read_explicit(0));
  KS_TRY(secret_bag.expect_end());
  Bytes storage;
  KS_ASSIGN_OR_RETURN(ByteView secret, secret_value.read_octet_string(&storage));
  KS_TRY(secret_value.expect_end());
  bag.value = to_bytes(secret);
  return Status::Ok();
}

Result<SafeBag> read_safe_bag(der::Reader& bag_reader, size_t index) {
  SafeBag bag;
  bag.index = index;
  KS_ASSIGN_OR_RETURN(ByteView id, bag_reader.read_oid());
  bag.bag_id = to_bytes(id);
  bag.type = bag_type(id);
  KS_ASSIGN_OR_RETURN(der::Element value_element, bag_reader.read_element(der::context_tag(0, true)));
  der::Reader value(value_element.contents, bag_reader.mode(), 0, "bagValue");
  switch (bag.type) {
    case BagType::kKey:
    case BagType::kShroudedKey: {
      KS_ASSIGN_OR_RETURN(der::Element key, value.read_element(der::kSequence));
      KS_TRY(value.expect_end());
      bag.value = to_bytes(key.encoding);
      break;
    }
    case BagType::kCert:
      KS_TRY(read_cert_bag(value, bag).with_context("certBag"));
      break;
    case BagType::kSecret:
      KS_TRY(read_secret_bag(value, bag).with_context("secretBag"));
      break;
    default:
      bag.value = to_bytes(value_element.contents);
      break;
  }
  KS_ASSIGN_OR_RETURN(bag.attributes, read_bag_attributes(bag_reader));
  return bag;
}

void write_bag(der::Writer& out, ByteView bag_id, const der::Writer::Body& value, const BagAttributesToWrite& attrs) {
  out.sequence([&](der::Writer& bag) {
    bag.oid(bag_id);
    bag.explicit_tag(0, value);
    write_bag_attributes(bag, attrs);
  });
}

}  // namespace

Result<std::vector<SafeBag>> read_safe_contents(ByteView der) {
  der::Reader outer(der, der::Mode::kBer, 0, "SafeContents");
  KS_ASSIGN_OR_RETURN(der::Reader bags, outer.read_sequence());
  KS_TRY(outer.expect_end());
  std::vector<SafeBag> out;
  while (!bags.empty()) {
    const size_t index = out.size();
    KS_ASSIGN_OR_RETURN(der::Reader bag_reader, bags.read_sequence());
    bag_reader.named("SafeBag");
    KS_ASSIGN_OR_RETURN(SafeBag bag, read_safe_bag(bag_reader, index).with_context("SafeBag ", index));
    out.push_back(std::move(bag));
  }
  return out;
}

void write_shrouded_key_bag(der::Writer& out, ByteView epki, const BagAttributesToWrite& attrs) {
  write_bag(out, oid::kPkcs8ShroudedKeyBag, [&](der::Writer& v) { v.raw(epki); }, attrs);
}

void write_plain_key_bag(der::Writer& out, ByteView pki, const BagAttributesToWrite& attrs) {
  write_bag(out, oid::kKeyBag, [&](der::Writer& v) { v.raw(pki); }, attrs);
}

void write_secret_bag(der::Writer& out, ByteView epki, const BagAttributesToWrite& attrs) {
  write_bag(
      out, oid::kSecretBag,
      [&](der::Writer& v) {
        v.sequence([&](der::Writer& secret_bag) {
          // The JDK names the pkcs8ShroudedKeyBag OID as secretTypeId
          // (docs/formats.md, "PKCS#12: secret keys").
          secret_bag.oid(oid::kPkcs8ShroudedKeyBag);
          secret_bag.explicit_tag(0, [&](der::Writer& s) { s.octet_string(epki); });
        });
      },
      attrs);
}

void write_cert_bag(der::Writer& out, ByteView certificate, const BagAttributesToWrite& attrs) {
  write_bag(
      out, oid::kCertBag,
      [&](der::Writer& v) {
        v.sequence([&](der::Writer& cert_bag) {
          cert_bag.oid(oid::kX509Certificate);
          cert_bag.explicit_tag(0, [&](der::Writer& c) { c.octet_string(certificate); });
        });
      },
      attrs);
}

}  // namespace kstore::pkcs12
