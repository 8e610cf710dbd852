// What an entry's file format records beyond the keystore model, kept so that
// a load/save round trip writes it back: for PKCS#12, the bag's localKeyId,
// the JDK's trusted-usage attribute and the attributes kstore does not
// interpret. Opaque: the PKCS#12 reader fills it and its writer reads it;
// callers see what they may need to look at or drop.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "kstore/bytes.h"

namespace kstore {

namespace detail {
struct Pkcs12BagDetails;
struct FormatDetailsAccess;
}  // namespace detail

// Empty for a new entry and for JKS/JCEKS entries. Copies share the details,
// which never change in place.
class FormatDetails {
 public:
  bool empty() const { return pkcs12_ == nullptr; }

  // The PKCS#12 localKeyId as stored (the JDK writes "Time <ms>"); empty
  // when absent. A key without one gets one from its date when written.
  ByteView local_key_id() const;
  // The OIDs (DER contents) of the JDK's trusted-usage attribute
  // (2.16.840.1.113894.746875.1.1); empty when absent.
  const std::vector<Bytes>& trusted_key_usages() const;
  // How many other bag attributes are kept to be written back.
  size_t other_attribute_count() const;

  // For a key that becomes a new entry (keytool's -changealias): the writer
  // then derives a new localKeyId from the entry's date.
  void clear_local_key_id();
  // For a certificate that becomes a new trusted entry: the writer then
  // writes the JDK's default usage (anyExtendedKeyUsage).
  void clear_trusted_key_usages();
  // What keytool carries over when it copies a trusted certificate into
  // another PKCS#12 store: its trusted usages, nothing else.
  FormatDetails trusted_key_usages_only() const;

 private:
  friend struct detail::FormatDetailsAccess;
  std::shared_ptr<const detail::Pkcs12BagDetails> pkcs12_;
};

}  // namespace kstore
