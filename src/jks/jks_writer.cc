// JKS and JCEKS writer. sun.security.provider.JavaKeyStore.engineStore,
// com.sun.crypto.provider.JceKeyStore.engineStore; docs/formats.md,
// "JKS/JCEKS: what the writer produces".
//
// Entries go out in the model's order, keys exactly as sealed, so a store
// loaded from a JDK-written file and saved with the same password comes out
// byte-identical.

#include "io/byte_reader.h"
#include "jks/jks.h"
#include "jks/jks_format.h"
#include "jks/sealed_object.h"
#include "kstore/clock.h"

namespace kstore::jks {
namespace {

constexpr uint32_t kMaxJavaArray = 0x7fffffff;

Status write_blob(io::ByteWriter& out, ByteView bytes, const char* what) {
  if (bytes.size() > kMaxJavaArray) return Status::InvalidArgument(what, " of ", bytes.size(), " bytes is too large");
  out.write_u32(static_cast<uint32_t>(bytes.size()));
  out.write_bytes(bytes);
  return Status::Ok();
}

Status write_certificate(io::ByteWriter& out, const Certificate& cert) {
  KS_TRY(out.write_java_utf(cert.type.empty() ? "X.509" : cert.type));
  return write_blob(out, cert.encoded, "certificate");
}

// Which sealed private keys each format's KeyProtector can recover.
Status check_private_key(StoreType type, const SealedKey& key) {
  switch (key.protection) {
    case KeyProtection::kJksKeyProtector:
      return Status::Ok();
    case KeyProtection::kJcePbe:
      if (type == StoreType::kJceks) return Status::Ok();
      return Status::Unsupported(
          "a JKS keystore cannot hold a key protected with PBEWithMD5AndTripleDES (the JKS KeyProtector "
          "cannot recover it); unseal it and seal it for JKS, or save as JCEKS");
    default:
      return Status::Unsupported("the key is protected for PKCS#12; unseal it and seal it for ",
                                 store_type_name(type), " first");
  }
}

Status write_entry(io::ByteWriter& out, StoreType type, const Entry& entry, const Limits& limits) {
  const int64_t date = entry.creation_time_ms.value_or(current_time_ms());
  switch (entry.type) {
    case EntryType::kPrivateKey: {
      if (!entry.key) return Status::InvalidArgument("private key entry without a key");
      KS_TRY(check_private_key(type, *entry.key));
      if (entry.chain.size() > limits.max_chain_length)
        return Status::LimitExceeded("certificate chain of ", entry.chain.size(), " certificates; the limit is ",
                                     limits.max_chain_length);
      out.write_u32(kPrivateKeyTag);
      KS_TRY(out.write_java_utf(entry.alias));
      out.write_s64(date);
      KS_TRY(write_blob(out, entry.key->encoded, "protected key"));
      out.write_u32(static_cast<uint32_t>(entry.chain.size()));
      for (size_t i = 0; i < entry.chain.size(); ++i)
        KS_TRY(write_certificate(out, entry.chain[i]).with_context("certificate ", i));
      return Status::Ok();
    }
    case EntryType::kTrustedCert:
      if (entry.chain.size() != 1)
        return Status::InvalidArgument("trusted certificate entry with ", entry.chain.size(), " certificates");
      out.write_u32(kTrustedCertTag);
      KS_TRY(out.write_java_utf(entry.alias));
      out.write_s64(date);
      return write_certificate(out, entry.chain[0]);
    case EntryType::kSecretKey: {
      if (type == StoreType::kJks) return Status::Unsupported("Cannot store non-PrivateKeys");
      if (!entry.key || entry.key->protection != KeyProtection::kJceSealedObject)
        return Status::Unsupported("the secret key is not sealed for JCEKS; unseal it and seal it for JCEKS first");
      // The stream is not length-prefixed in the file: anything but exactly
      // one stream would corrupt every entry after it.
      KS_ASSIGN_OR_RETURN(SealedObjectFields sealed, read_sealed_object(entry.key->encoded, limits));
      if (sealed.stream_size != entry.key->encoded.size())
        return Status::InvalidArgument("sealed secret key has ", entry.key->encoded.size() - sealed.stream_size,
                                       " bytes after its serialization stream");
      out.write_u32(kSecretKeyTag);
      KS_TRY(out.write_java_utf(entry.alias));
      out.write_s64(date);
      out.write_bytes(entry.key->encoded);
      return Status::Ok();
    }
  }
  return Status::Internal("unknown entry type");
}

// The file's size, give or take the alias encodings: growing a 2 MB buffer by
// doubling copies it several times and touches twice the memory.
size_t estimated_size(const Keystore& store) {
  size_t n = kHeaderSize + kDigestSize;
  for (const Entry& e : store.entries()) {
    n += 4 + 2 + e.alias.size() + 8 + 4;
    if (e.key) n += 4 + e.key->encoded.size();
    for (const Certificate& c : e.chain) n += 2 + 5 + 4 + c.encoded.size();
  }
  return n;
}

}  // namespace

Result<Bytes> save(const crypto::Backend& backend, const Keystore& store, const Password& store_password,
                   const Limits& limits) {
  const StoreType type = store.type();
  if (type != StoreType::kJks && type != StoreType::kJceks) return Status::InvalidArgument("not a JKS or JCEKS store");
  if (store.size() > limits.max_entries || store.size() > kMaxJavaArray)
    return Status::LimitExceeded("keystore of ", store.size(), " entries; the limit is ", limits.max_entries);
  io::ByteWriter out;
  out.reserve(estimated_size(store));
  out.write_u32(type == StoreType::kJks ? kJksMagic : kJceksMagic);
  out.write_u32(kVersion2);
  out.write_u32(static_cast<uint32_t>(store.size()));
  for (size_t i = 0; i < store.size(); ++i) {
    const Entry& entry = store.entries()[i];
    KS_TRY(write_entry(out, type, entry, limits).with_context("entry ", i, " <", entry.alias, ">"));
  }
  KS_ASSIGN_OR_RETURN(Bytes digest, store_digest(backend, store_password, out.bytes()));
  out.write_bytes(digest);
  return std::move(out).take();
}

}  // namespace kstore::jks
