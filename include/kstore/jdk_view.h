// What a JDK KeyStore shows of a loaded store: which entries, under which
// aliases, as which types, in which order, and the JDK's rules for
// passwords. kstore keeps entries the JDK cannot see (an unencrypted PKCS#12
// key bag, a certificate without the trust attribute); a caller that must
// answer as the JDK does asks this view instead of walking the entries.
// docs/formats.md, "What the JDK sees".
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kstore/keystore.h"
#include "kstore/password.h"
#include "kstore/store_type.h"

namespace kstore {

class JdkView {
 public:
  // `store` as a KeyStore of `type` has loaded it; the store's own type()
  // is the reader that parsed its bytes (store_type.h, reader_for).
  JdkView(const Keystore& store, KeystoreType type) : store_(store), type_(type) {}

  // The alias as aliases() returns it: PKCS#12 keys its map by the
  // lower-cased alias, JKS and JCEKS by the alias as read.
  std::string alias(const Entry& e) const;

  // containsAlias()/getEntry(): JKS, JCEKS and PKCS#12 look the lower-cased
  // alias up, CaseExactJKS the exact one. Beyond the JDK, an upper-case JKS
  // alias written by another tool is found too (the JDK only looks for the
  // lower-case form and so can never reach it). nullptr when absent or not
  // visible to the JDK.
  const Entry* find(std::string_view alias) const;

  // KeyStore.entryInstanceOf as the JDK answers it: JKS and JCEKS use the
  // KeyStoreSpi default, under which a key entry without a certificate is a
  // SecretKeyEntry; PKCS#12 answers from the entry's class.
  EntryType entry_type(const Entry& e) const;

  // The entries the JDK sees, in the order aliases() enumerates them:
  // java.util.Hashtable order for JKS and JCEKS (keyed by the alias as
  // read), load order for PKCS#12.
  std::vector<const Entry*> entries() const;

  // getCertificateAlias(cert): the first entry in enumeration order whose
  // certificate (a key entry's first) is `der`; nullptr if none.
  const Entry* certificate_owner(ByteView der) const;

  // PKCS12KeyStore's password-less store: no MAC and no encrypted
  // certificates, so keytool asks for no password. Always false for the
  // other types.
  bool passwordless() const;

 private:
  const Keystore& store_;
  KeystoreType type_;
};

// getCertificateAlias answered for many certificates at once: keytool asks
// it for every certificate it prints (is this a trust anchor?), and each
// JDK answer scans the whole store, which for 10000 certificates takes
// minutes. Built once from a view; valid while its store is unchanged.
class JdkCertificateOwners {
 public:
  explicit JdkCertificateOwners(const JdkView& view);
  // JdkView::certificate_owner's answer.
  const Entry* owner(ByteView der) const;

 private:
  std::unordered_multimap<size_t, const Entry*> owners_;
};

// How a KeyStore of `type` stores an alias it is given (setEntry): lower-cased
// (JavaKeyStore's convertAlias, and keytool for the others), exact for
// CaseExactJKS.
std::string stored_alias(KeystoreType type, std::string_view alias);

// Whether a key of this type may have a password of its own. PKCS#12 (as
// the JDK writes it) protects every key with the store password: keytool
// replaces a different -keypass by the store password, with a warning.
bool key_password_may_differ(KeystoreType type);

// The password a key is sealed with when keytool's -importkeystore stores
// it in a destination of `dest_type`: -destkeypass when given; else, in
// PKCS#12, the destination store password; else the password the key was
// opened with in the source.
const Password& password_for_imported_key(KeystoreType dest_type, const Password* dest_key_password,
                                          const Password* dest_store_password, const Password& opened_with);

// Whether the entry's sealed key is a secret key (JCEKS SealedObject, or a
// PKCS#12 secret bag); otherwise it is a private key.
bool holds_secret_key(const Entry& e);

}  // namespace kstore
