// PKCS#12 PFX writer, in the JDK's layout: PKCS12KeyStore.engineStore,
// createSafeContent, getCertificateData and getBagAttributes
// (docs/formats.md, "PKCS#12: what the writer produces").
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "base/utf.h"
#include "der/writer.h"
#include "kstore/clock.h"
#include "kstore/pkcs12.h"
#include "kstore/x509.h"
#include "pbe/algorithm_identifier.h"
#include "pbe/iterations.h"
#include "pbe/pbe.h"
#include "pbe/pbe_encryption.h"
#include "pkcs12/bag_details.h"
#include "pkcs12/mac.h"
#include "pkcs12/oids.h"
#include "pkcs12/pkcs12.h"
#include "pkcs12/safe_contents.h"
#include "x509/certificate.h"

namespace kstore::pkcs12 {
namespace {

constexpr size_t kSaltLength = 20;  // the JDK's SALT_LEN

const std::vector<Bytes> kAnyUsage = {to_bytes(oid::kAnyExtendedKeyUsage)};

bool is_key_entry(const Entry& e) { return e.type == EntryType::kPrivateKey || e.type == EntryType::kSecretKey; }

Status check_entry(const Entry& e) {
  if (is_key_entry(e)) {
    if (!e.key) return Status::InvalidArgument("entry '", e.alias, "' has no key");
    const KeyProtection p = e.key->protection;
    const bool ok = p == KeyProtection::kPkcs12Shrouded ||
                    (p == KeyProtection::kPkcs12Plain && e.type == EntryType::kPrivateKey);
    // The format cannot hold the key as it is sealed: kUnsupported, in every writer.
    if (!ok) {
      return Status::Unsupported("entry '", e.alias,
                                 "': the key is sealed for another keystore type; unseal it and seal it for "
                                 "PKCS12 before saving");
    }
  } else if (e.chain.size() != 1) {
    return Status::InvalidArgument("trusted certificate entry '", e.alias, "' must hold exactly one certificate");
  }
  return Status::Ok();
}

// The key bag and its end-entity certificate share this localKeyId: the
// loaded bytes when there are some, else the JDK's "Time <ms>" (the creation
// date). A key the JDK would not see gets none, so that it stays unseen.
Bytes key_id_for(const Entry& e, int64_t now) {
  const ByteView loaded = e.format_details.local_key_id();
  if (!loaded.empty() || !e.visible_to_jdk) return to_bytes(loaded);
  const std::string id = "Time " + std::to_string(e.creation_time_ms.value_or(now));
  return to_bytes(as_bytes(id));
}

// The bag attributes kstore keeps without interpreting them; nullptr when none.
const std::vector<Bytes>* other_attributes(const Entry& e) {
  const detail::Pkcs12BagDetails* details = detail::FormatDetailsAccess::pkcs12(e.format_details);
  return details ? &details->other_attributes : nullptr;
}

void write_content_info_data(der::Writer& out, ByteView content) {
  out.sequence([&](der::Writer& ci) {
    ci.oid(oid::kData);
    ci.explicit_tag(0, [&](der::Writer& c) { c.octet_string(content); });
  });
}

// Assigns from a Result inside a der::Writer body, failing the writer (and
// leaving the body) on error.
#define KS_ASSIGN_OR_FAIL(lhs, expr, writer)                            \
  auto KS_CONCAT(ks_fail_, __LINE__) = (expr);                          \
  if (!KS_CONCAT(ks_fail_, __LINE__).ok()) {                            \
    (writer).fail(std::move(KS_CONCAT(ks_fail_, __LINE__)).status());   \
    return;                                                             \
  }                                                                     \
  lhs = std::move(KS_CONCAT(ks_fail_, __LINE__)).value()

class PfxWriter {
 public:
  PfxWriter(const crypto::Backend& backend, const Keystore& store, const Password& password, const Limits& limits)
      : backend_(backend),
        store_(store),
        password_(password),
        limits_(limits),
        protection_(store.pkcs12_protection().value_or(pkcs12_profile_protection(Pkcs12Profile::kModern))),
        now_(current_time_ms()) {}

  Result<Bytes> write() {
    if (store_.size() > limits_.max_entries)
      return Status::LimitExceeded(store_.size(), " entries exceed the limit of ", limits_.max_entries);
    for (const Entry& e : store_.entries()) KS_TRY(check_entry(e));
    KS_TRY(check_protection());
    for (const Entry& e : store_.entries())
      key_ids_.push_back(is_key_entry(e) ? key_id_for(e, now_) : to_bytes(e.format_details.local_key_id()));

    der::Writer auth_safe;
    auth_safe.sequence([&](der::Writer& infos) {
      if (has_keys()) {
        KS_ASSIGN_OR_FAIL(Bytes keys, key_safe_contents(), infos);
        write_content_info_data(infos, keys);
      }
      if (has_certs()) {
        KS_ASSIGN_OR_FAIL(Bytes certs, cert_safe_contents(), infos);
        if (!protection_.cert_encryption) {
          write_content_info_data(infos, certs);
        } else {
          KS_ASSIGN_OR_FAIL(Bytes encrypted, encrypted_data(certs), infos);
          infos.raw(encrypted);
        }
      }
    });
    KS_ASSIGN_OR_RETURN(Bytes auth_safe_der, std::move(auth_safe).finish());

    der::Writer pfx;
    pfx.sequence([&](der::Writer& p) {
      p.uint64(3);
      write_content_info_data(p, auth_safe_der);
      Status mac = write_mac_data(p, backend_, protection_, auth_safe_der, password_);
      if (!mac.ok()) p.fail(std::move(mac));
    });
    return std::move(pfx).finish();
  }

 private:
  Status check_protection() const {
    if (protection_.cert_encryption)
      KS_TRY(pbe::check_iterations_to_write(protection_.cert_iterations, limits_, "cert PBE"));
    if (protection_.mac) KS_TRY(pbe::check_iterations_to_write(protection_.mac_iterations, limits_, "MAC"));
    return Status::Ok();
  }

  bool has_keys() const {
    for (const Entry& e : store_.entries())
      if (is_key_entry(e)) return true;
    return false;
  }

  bool has_certs() const {
    for (const Entry& e : store_.entries())
      if (!e.chain.empty() && e.type != EntryType::kSecretKey) return true;
    return false;
  }

  // All key bags, in entry order, each shrouded on its own (createSafeContent).
  Result<Bytes> key_safe_contents() const {
    der::Writer out;
    out.sequence([&](der::Writer& bags) {
      const auto& entries = store_.entries();
      for (size_t i = 0; i < entries.size(); ++i) {
        const Entry& e = entries[i];
        if (!is_key_entry(e)) continue;
        // The key bag carries the lower-cased alias (the JDK's map key); one
        // the JDK does not see is not the JDK's to rename, and keeps its own.
        BagAttributesToWrite attrs;
        attrs.friendly_name = e.visible_to_jdk ? utf::java_to_lower_utf8(e.alias) : e.alias;
        attrs.local_key_id = key_ids_[i];
        attrs.others = other_attributes(e);
        if (e.type == EntryType::kSecretKey) {
          write_secret_bag(bags, e.key->encoded, attrs);
        } else if (e.key->protection == KeyProtection::kPkcs12Plain) {
          write_plain_key_bag(bags, e.key->encoded, attrs);
        } else {
          write_shrouded_key_bag(bags, e.key->encoded, attrs);
        }
      }
    });
    return std::move(out).finish();
  }

  // Whether a key's own certificate names itself as its issuer. The JDK's
  // issuer walk takes the first certificate in file order whose subject is
  // the issuer's name (docs/formats.md, "PKCS#12: chain building"), so such
  // a certificate, when its signature does not verify, competes with the CA
  // of the same name; written after every other certificate it can no longer
  // win that race, and the chains read back are the chains written.
  static bool has_self_issued_certificate(const Entry& e) {
    if (e.type != EntryType::kPrivateKey || e.chain.empty()) return false;
    // The parser's borrowed views suffice: no names rendered on the save path.
    const Result<x509::Certificate> cert = x509::parse_certificate(e.chain[0].encoded);
    return cert.ok() && std::ranges::equal(cert->subject, cert->issuer);
  }

  // Certificates per entry in entry order: a key's whole chain, or the
  // trusted certificate (getCertificateData); the self-issued certificates
  // of keys last.
  Result<Bytes> cert_safe_contents() const {
    const auto& entries = store_.entries();
    std::vector<bool> last(entries.size());
    for (size_t i = 0; i < entries.size(); ++i) last[i] = has_self_issued_certificate(entries[i]);
    der::Writer out;
    out.sequence([&](der::Writer& bags) {
      for (size_t i = 0; i < entries.size(); ++i) write_cert_bags(bags, i, last[i] ? 1 : 0);
      for (size_t i = 0; i < entries.size(); ++i)
        if (last[i]) write_cert_bags(bags, i, 0, 1);
    });
    return std::move(out).finish();
  }

  // The certificate bags of entry i's chain from `first` (up to `end`).
  void write_cert_bags(der::Writer& bags, size_t i, size_t first, size_t end = SIZE_MAX) const {
    const Entry& e = store_.entries()[i];
    if (e.type == EntryType::kSecretKey) return;
    for (size_t c = first; c < e.chain.size() && c < end; ++c) {
      BagAttributesToWrite attrs;
      attrs.others = other_attributes(e);
      if (c == 0) {
        attrs.friendly_name = e.alias;  // the entry's alias with its case
        attrs.local_key_id = key_ids_[i];
        if (e.type == EntryType::kTrustedCert) {
          if (!e.format_details.trusted_key_usages().empty()) {
            attrs.trusted_key_usages = &e.format_details.trusted_key_usages();
          } else if (e.visible_to_jdk) {
            attrs.trusted_key_usages = &kAnyUsage;  // setCertificateEntry's AnyUsage
          }
        }
      } else if (auto summary = x509::summarize(e.chain[c].encoded); summary.ok()) {
        // CA certificates are named by their subject, RFC 2253 (X500Principal.getName()).
        attrs.friendly_name = summary->subject_rfc2253;
      }
      write_cert_bag(bags, e.chain[c].encoded, attrs);
    }
  }

  // ContentInfo { encryptedData, EncryptedData { 0, EncryptedContentInfo {
  //   data, algorithm, [0] IMPLICIT ciphertext } } } (encryptContent).
  Result<Bytes> encrypted_data(ByteView safe_contents) const {
    KS_ASSIGN_OR_RETURN(pbe::PbeAlgorithm alg, pbe::new_pbe_algorithm(backend_, *protection_.cert_encryption,
                                                                      protection_.cert_iterations, kSaltLength));
    KS_ASSIGN_OR_RETURN(Bytes ciphertext, pbe::encrypt_with_password(backend_, alg, password_, safe_contents));
    der::Writer out;
    out.sequence([&](der::Writer& ci) {
      ci.oid(oid::kEncryptedData);
      ci.explicit_tag(0, [&](der::Writer& c) {
        c.sequence([&](der::Writer& ed) {
          ed.uint64(0);
          ed.sequence([&](der::Writer& eci) {
            eci.oid(oid::kData);
            pbe::write_pbe_algorithm(eci, alg);
            eci.primitive(der::context_tag(0, false), ciphertext);
          });
        });
      });
    });
    return std::move(out).finish();
  }
#undef KS_ASSIGN_OR_FAIL

  const crypto::Backend& backend_;
  const Keystore& store_;
  const Password& password_;
  const Limits& limits_;
  const Pkcs12Protection protection_;
  const int64_t now_;
  std::vector<Bytes> key_ids_;
};

}  // namespace

Result<Bytes> save(const crypto::Backend& backend, const Keystore& store, const Password& store_password,
                   const Limits& limits) {
  PfxWriter writer(backend, store, store_password, limits);
  return writer.write();
}

}  // namespace kstore::pkcs12
