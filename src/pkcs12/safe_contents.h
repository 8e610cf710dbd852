// SafeContents and SafeBags. RFC 7292 §4.2.
#pragma once

#include <string>
#include <vector>

#include "der/writer.h"
#include "kstore/keystore.h"
#include "pkcs12/bag_attributes.h"

namespace kstore::pkcs12 {

enum class BagType : uint8_t { kKey, kShroudedKey, kCert, kCrl, kSecret, kSafeContents, kOther };

struct SafeBag {
  BagType type = BagType::kOther;
  Bytes bag_id;  // OID contents
  // kKey: PrivateKeyInfo TLV; kShroudedKey: EncryptedPrivateKeyInfo TLV;
  // kCert: the certificate's DER; kSecret: the secretValue's octets (the JDK
  // stores an EncryptedPrivateKeyInfo there); otherwise the raw bagValue.
  Bytes value;
  Bytes cert_type;  // certBag certId
  BagAttributes attributes;
  size_t index = 0;  // position in its SafeContents (the JDK's "first bag" rule uses it)
};

// SafeContents ::= SEQUENCE OF SafeBag, from a data ContentInfo or a
// decrypted encryptedData (DER or BER). Bags nested in a safeContentsBag are
// not opened (the JDK ignores them too); they come back as kSafeContents.
Result<std::vector<SafeBag>> read_safe_contents(ByteView der);

// Writers for the bags the JDK writes (PKCS12KeyStore.createSafeContent, getCertificateData).
void write_shrouded_key_bag(der::Writer& out, ByteView encrypted_private_key_info, const BagAttributesToWrite& attrs);
void write_plain_key_bag(der::Writer& out, ByteView private_key_info, const BagAttributesToWrite& attrs);
void write_secret_bag(der::Writer& out, ByteView encrypted_private_key_info, const BagAttributesToWrite& attrs);
void write_cert_bag(der::Writer& out, ByteView certificate, const BagAttributesToWrite& attrs);

}  // namespace kstore::pkcs12
