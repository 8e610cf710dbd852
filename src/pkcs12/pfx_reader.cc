// PKCS#12 PFX reader. RFC 7292 §4 and §5.2; the JDK's load order and
// messages from PKCS12KeyStore.engineLoad (docs/formats.md, "PKCS#12: PFX
// and AuthenticatedSafe"), except that the MAC is verified before any
// SafeContents is opened.
#include <string>

#include "der/reader.h"
#include "kstore/pkcs12.h"
#include "pbe/algorithm_identifier.h"
#include "pbe/iterations.h"
#include "pbe/pbe.h"
#include "pbe/pbe_encryption.h"
#include "pbe/pbe_oids.h"
#include "pbe/pkcs8.h"
#include "pkcs12/entry_builder.h"
#include "pkcs12/key_sealing.h"
#include "pkcs12/mac.h"
#include "pkcs12/oids.h"
#include "pkcs12/pkcs12.h"
#include "pkcs12/safe_contents.h"

namespace kstore::pkcs12 {
namespace {

struct Pfx {
  Bytes auth_safe_storage;  // used when the authSafe OCTET STRING is constructed (BER)
  ByteView auth_safe;       // the AuthenticatedSafe's DER: what the MAC covers
  std::optional<MacData> mac;
  size_t trailing_bytes = 0;
};

// ContentInfo ::= SEQUENCE { contentType OID, content [0] EXPLICIT ANY OPTIONAL }
struct ContentInfo {
  ByteView content_type;
  der::Reader content{ByteView()};  // inside [0]
  bool has_content = false;
};

Result<ContentInfo> read_content_info(der::Reader& in) {
  ContentInfo ci;
  KS_ASSIGN_OR_RETURN(der::Reader seq, in.read_sequence());
  seq.named("ContentInfo");
  KS_ASSIGN_OR_RETURN(ci.content_type, seq.read_oid());
  if (!seq.empty()) {
    KS_ASSIGN_OR_RETURN(ci.content, seq.read_explicit(0));
    ci.has_content = true;
  }
  KS_TRY(seq.expect_end());
  return ci;
}

// The content of a data ContentInfo: one OCTET STRING (constructed in BER).
Result<ByteView> read_data_content(ContentInfo& ci, Bytes& storage) {
  if (!ci.has_content) return ci.content.malformed("data ContentInfo without content");
  KS_ASSIGN_OR_RETURN(ByteView data, ci.content.read_octet_string(&storage));
  KS_TRY(ci.content.expect_end());
  return data;
}

Status unsupported_content_type(ByteView type) {
  if (equal_bytes(type, oid::kSignedData))
    return Status::Unsupported("public key protected PKCS12 not supported (signedData 1.2.840.113549.1.7.2)");
  return Status::Unsupported("PKCS12 content type ", der::oid_to_string(type),
                             " not supported (only data and encryptedData)");
}

Result<Pfx> read_pfx(ByteView file) {
  Pfx pfx;
  der::Reader top = der::Reader::whole_file(file, der::Mode::kBer, "PFX");
  KS_ASSIGN_OR_RETURN(der::Reader body, top.read_sequence());
  // The JDK reads one DER value from the stream and never looks further.
  pfx.trailing_bytes = top.remaining();
  KS_ASSIGN_OR_RETURN(uint64_t version, body.read_uint64());
  if (version != 3) return Status::Malformed("PKCS12 keystore not in version 3 format (version ", version, ")");
  KS_ASSIGN_OR_RETURN(ContentInfo auth_safe, read_content_info(body));
  if (!equal_bytes(auth_safe.content_type, oid::kData)) return unsupported_content_type(auth_safe.content_type);
  KS_ASSIGN_OR_RETURN(pfx.auth_safe, read_data_content(auth_safe, pfx.auth_safe_storage).with_context("authSafe"));
  if (!body.empty()) {
    KS_ASSIGN_OR_RETURN(MacData mac, read_mac_data(body));
    pfx.mac = std::move(mac);
  }
  KS_TRY(body.expect_end());
  return pfx;
}

// EncryptedData ::= SEQUENCE { version INTEGER, EncryptedContentInfo, [1] unprotectedAttrs OPTIONAL }
// EncryptedContentInfo ::= SEQUENCE { contentType, contentEncryptionAlgorithm,
//                                     encryptedContent [0] IMPLICIT OCTET STRING OPTIONAL }
struct EncryptedData {
  Bytes algorithm;  // the AlgorithmIdentifier TLV, parsed by the caller
  Bytes ciphertext;
};

Result<EncryptedData> read_encrypted_data(ContentInfo& ci) {
  if (!ci.has_content) return ci.content.malformed("encryptedData ContentInfo without content");
  KS_ASSIGN_OR_RETURN(der::Reader ed, ci.content.read_sequence());
  ed.named("EncryptedData");
  KS_TRY(ci.content.expect_end());
  KS_ASSIGN_OR_RETURN(uint64_t version, ed.read_uint64());
  (void)version;
  KS_ASSIGN_OR_RETURN(der::Reader eci, ed.read_sequence());
  KS_ASSIGN_OR_RETURN(ByteView content_type, eci.read_oid());
  if (!equal_bytes(content_type, oid::kData))
    return Status::Unsupported("encrypted content of type ", der::oid_to_string(content_type));
  KS_ASSIGN_OR_RETURN(der::Element ai, eci.read_element(der::kSequence));
  EncryptedData out;
  out.algorithm = to_bytes(ai.encoding);
  // The JDK requires encryptedContent although it is OPTIONAL.
  if (eci.empty()) return eci.malformed("Invalid length for EncryptedContentInfo (no encryptedContent)");
  Bytes storage;
  KS_ASSIGN_OR_RETURN(ByteView ct, eci.read_implicit_octet_string(der::context_tag(0, false), &storage));
  out.ciphertext = to_bytes(ct);
  KS_TRY(eci.expect_end());
  return out;  // unprotectedAttrs, if any, are not needed
}

class Loader {
 public:
  Loader(const crypto::Backend& backend, const Password* password, const Limits& limits)
      : backend_(backend), password_(password), limits_(limits) {}

  Result<Keystore> load(ByteView file) {
    KS_ASSIGN_OR_RETURN(Pfx pfx, read_pfx(file));
    LoadInfo& info = store_.load_info();
    if (pfx.trailing_bytes) info.notes.push_back(std::to_string(pfx.trailing_bytes) + " bytes after the PFX ignored");
    KS_TRY(check_integrity(pfx));

    der::Reader outer(pfx.auth_safe, der::Mode::kBer, 0, "AuthenticatedSafe");
    KS_ASSIGN_OR_RETURN(der::Reader contents, outer.read_sequence());
    KS_TRY(outer.expect_end());
    for (size_t i = 0; !contents.empty(); ++i)
      KS_TRY(read_safe_contents_info(contents).with_context("ContentInfo ", i));
    info.encrypted_contents_skipped = skipped_encrypted_;
    if (skipped_encrypted_) {
      info.notes.push_back(std::to_string(skipped_encrypted_) +
                           " encrypted SafeContents not opened: no password was given, so the certificates "
                           "in them are not loaded (the JDK skips them the same way)" +
                           (empty_password_opens_ == skipped_encrypted_
                                ? std::string("; they open with the empty password")
                                : std::string()));
    }

    KS_ASSIGN_OR_RETURN(BuiltEntries built, build_entries(bags_, limits_));
    for (std::string& note : built.notes) info.notes.push_back(std::move(note));
    // Aliases are unique ignoring case by construction (entry_builder), so no put() matching is needed.
    store_.reserve(store_.size() + built.entries.size());
    for (Entry& e : built.entries) store_.append(std::move(e));
    record_protection(pfx);
    info.password_encoding = encodings_used();
    return std::move(store_);
  }

 private:
  Status check_integrity(const Pfx& pfx) {
    LoadInfo& info = store_.load_info();
    info.had_integrity_data = pfx.mac.has_value();
    info.integrity_checked = false;
    if (!pfx.mac) {
      if (password_) info.notes.push_back("the file has no MAC: its integrity cannot be checked");
      return Status::Ok();
    }
    if (!password_) {
      info.notes.push_back("integrity not verified: no password was given (" + mac_algorithm_name(*pfx.mac) + ")");
      return Status::Ok();
    }
    KS_TRY(check_mac_limits(*pfx.mac, limits_));
    KS_ASSIGN_OR_RETURN(MacMatch match, verify_mac(backend_, *pfx.mac, pfx.auth_safe, *password_));
    info.integrity_checked = true;
    if (!match.standard) mac_encoding_ = match.encoding;
    return Status::Ok();
  }

  Status read_safe_contents_info(der::Reader& contents) {
    KS_ASSIGN_OR_RETURN(ContentInfo ci, read_content_info(contents));
    if (equal_bytes(ci.content_type, oid::kData)) {
      Bytes storage;
      KS_ASSIGN_OR_RETURN(ByteView data, read_data_content(ci, storage));
      return add_bags(data);
    }
    if (!equal_bytes(ci.content_type, oid::kEncryptedData)) return unsupported_content_type(ci.content_type);
    KS_ASSIGN_OR_RETURN(EncryptedData ed, read_encrypted_data(ci));
    Result<pbe::PbeAlgorithm> alg = pbe::parse_pbe_algorithm(ed.algorithm);
    if (!password_) {
      // KeyStore.load(stream, null) never fails for what it does not open.
      ++skipped_encrypted_;
      if (alg.ok()) {
        last_cert_algorithm_ = *alg;
        probe_empty_password(*alg, ed.ciphertext);
      }
      return Status::Ok();
    }
    if (!alg.ok()) return std::move(alg).status();
    KS_TRY(pbe::check_iterations(alg->iterations, limits_, "cert PBE"));
    last_cert_algorithm_ = *alg;
    Result<pbe::Decryption> plain = pbe::decrypt_with_password(backend_, *alg, *password_,
                                                               ed.ciphertext, pbe::is_single_sequence);
    if (!plain.ok()) return explain_decryption_failure(std::move(plain).status(), *alg);
    if (!plain->standard_encoding) cipher_encoding_ = plain->encoding;
    return add_bags(plain->plaintext);
  }

  // Without a password, kstore still finds out whether the empty password
  // opens what it skips (JDK 17's store(stream, null) encrypted with it), so
  // that the note can tell the user how to see those certificates.
  void probe_empty_password(const pbe::PbeAlgorithm& alg, ByteView ciphertext) {
    if (!pbe::check_iterations(alg.iterations, limits_, "cert PBE").ok()) return;
    const Password empty;
    if (pbe::decrypt_with_password(backend_, alg, empty, ciphertext, pbe::is_single_sequence).ok())
      ++empty_password_opens_;
  }

  // With a MAC that verified, the password is right for the MAC, so a cipher
  // that still fails points at the producer's password encoding (or a broken
  // producer), not a typo. Without one kstore cannot tell.
  Status explain_decryption_failure(Status s, const pbe::PbeAlgorithm& alg) {
    if (s.code() != ErrorCode::kIntegrityFailure) return s;
    if (store_.load_info().integrity_checked) {
      return Status::BadPassword("cannot decrypt the SafeContents encrypted with ", pbe::pbe_algorithm_name(alg),
                                 " although the MAC verified with this password: the producer encoded the "
                                 "password in a way kstore does not know");
    }
    return Status::IntegrityFailure("keystore password was incorrect (cannot decrypt the SafeContents encrypted with ",
                                    pbe::pbe_algorithm_name(alg), ")");
  }

  Status add_bags(ByteView safe_contents) {
    KS_ASSIGN_OR_RETURN(std::vector<SafeBag> bags, read_safe_contents(safe_contents));
    if (bags.size() > limits_.max_entries - std::min(limits_.max_entries, static_cast<uint32_t>(bags_.size())))
      return Status::LimitExceeded("more SafeBags than the entry limit of ", limits_.max_entries);
    for (SafeBag& bag : bags) bags_.push_back(std::move(bag));
    return Status::Ok();
  }

  // What the JDK remembers to write the store back with (docs/formats.md,
  // "PKCS#12: protection settings").
  void record_protection(const Pfx& pfx) {
    Pkcs12Protection p = pkcs12_profile_protection(Pkcs12Profile::kModern);
    bool any_cert = false;
    for (const SafeBag& bag : bags_) any_cert |= bag.type == BagType::kCert;
    if (last_cert_algorithm_) {
      p.cert_encryption = pbe::encryption_of(*last_cert_algorithm_);
      p.cert_iterations = last_cert_algorithm_->iterations;
    } else if (any_cert) {
      p.cert_encryption.reset();  // NONE: certificates in clear
    }
    // The key algorithm of the first shrouded key, for display and for
    // callers that want new keys to match; the JDK itself seals new keys
    // with its configured default.
    for (const SafeBag& bag : bags_) {
      if (bag.type != BagType::kShroudedKey) continue;
      auto epki = pbe::read_pbe_encrypted_key(bag.value);
      if (!epki.ok()) continue;
      p.key_encryption = pbe::encryption_of(epki->algorithm);
      p.key_iterations = epki->algorithm.iterations;
      break;
    }
    p.mac.reset();
    if (pfx.mac) {
      p.mac = Pkcs12Mac{pfx.mac->pbmac1 ? Pkcs12MacScheme::kPbmac1 : Pkcs12MacScheme::kHmacPbe,
                        pbe::hash_algorithm(pfx.mac->hash)};
      p.mac_iterations = pfx.mac->iterations;
    }
    store_.pkcs12_protection() = std::move(p);
  }

  std::string encodings_used() const {
    std::string out;
    if (!mac_encoding_.empty()) out = "MAC: " + mac_encoding_;
    if (!cipher_encoding_.empty()) out += (out.empty() ? "" : "; ") + std::string("encrypted SafeContents: ") + cipher_encoding_;
    return out;
  }

  const crypto::Backend& backend_;
  const Password* password_;
  const Limits& limits_;
  Keystore store_{StoreType::kPkcs12};
  std::vector<SafeBag> bags_;
  std::optional<pbe::PbeAlgorithm> last_cert_algorithm_;
  size_t skipped_encrypted_ = 0;
  size_t empty_password_opens_ = 0;
  std::string mac_encoding_;
  std::string cipher_encoding_;
};

}  // namespace

Result<Keystore> load(const crypto::Backend& backend, ByteView file, const Password* store_password,
                      const Limits& limits) {
  Loader loader(backend, store_password, limits);
  return loader.load(file);
}

}  // namespace kstore::pkcs12
