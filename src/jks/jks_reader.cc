// JKS and JCEKS reader. sun.security.provider.JavaKeyStore.engineLoad,
// com.sun.crypto.provider.JceKeyStore.engineLoad; docs/formats.md,
// "JKS/JCEKS: file layout".
#include <string_view>
#include <unordered_map>

#include "base/utf.h"
#include "io/byte_reader.h"
#include "jks/jks.h"
#include "jks/jks_format.h"
#include "jks/private_key_protection.h"
#include "jks/sealed_object.h"

namespace kstore::jks {
namespace {

// Smallest possible entry: tag, empty alias, date, and a version-1 trusted
// certificate of length 0. Used to bound the entry count by what remains.
constexpr size_t kMinEntrySize = 4 + 2 + 8 + 4;

struct ParsedBody {
  std::vector<Entry> entries;
  uint32_t version = kVersion2;
  size_t duplicates_dropped = 0;
  std::vector<std::string> notes;
  size_t end = 0;  // offset just past the last entry: where the digest starts
};

class BodyReader {
 public:
  BodyReader(ByteView data, StoreType as_type, const Limits& limits)
      : in_(io::ByteReader::whole_file(data, as_type == StoreType::kJks ? "JKS" : "JCEKS")),
        as_type_(as_type),
        limits_(limits) {}

  Result<ParsedBody> read() && {
    KS_TRY(read_header());
    KS_ASSIGN_OR_RETURN(uint32_t count, in_.read_u32());
    if (count > limits_.max_entries)
      return Status::LimitExceeded("keystore declares ", count, " entries; the limit is ", limits_.max_entries);
    if (count > in_.remaining() / kMinEntrySize) return in_.shortfall(uint64_t{count} * kMinEntrySize, "entry count ", count, " exceeds what the file holds");
    std::unordered_map<std::string, size_t> index_of_alias;
    index_of_alias.reserve(count);
    body_.entries.reserve(count);
    for (uint32_t i = 0; i < count; ++i) {
      Result<Entry> entry = read_entry();
      if (!entry.ok()) return std::move(entry).status().with_context("entry ", i);
      // JavaKeyStore/JceKeyStore put entries into a Hashtable keyed by the
      // exact alias, so a later entry with the same alias replaces the
      // earlier one (docs/formats.md, "JKS/JCEKS: duplicate aliases").
      auto [it, inserted] = index_of_alias.emplace(entry->alias, body_.entries.size());
      if (inserted) {
        body_.entries.push_back(std::move(entry).value());
      } else {
        body_.notes.push_back("alias <" + entry->alias + "> occurs more than once; the last entry is kept, as the JDK does");
        body_.entries[it->second] = std::move(entry).value();
        ++body_.duplicates_dropped;
      }
    }
    body_.end = in_.position();
    return std::move(body_);
  }

 private:
  Status read_header() {
    KS_ASSIGN_OR_RETURN(uint32_t magic, in_.read_u32());
    const bool magic_ok = magic == kJksMagic || (as_type_ == StoreType::kJceks && magic == kJceksMagic);
    // The JDK's own words for a wrong magic or version.
    if (!magic_ok) return Status::Malformed("Invalid keystore format");
    KS_ASSIGN_OR_RETURN(body_.version, in_.read_u32());
    if (body_.version != kVersion1 && body_.version != kVersion2)
      return Status::Malformed("Invalid keystore format (version ", body_.version, ")");
    return Status::Ok();
  }

  Result<Certificate> read_certificate() {
    Certificate cert;
    if (body_.version == kVersion2) {
      KS_ASSIGN_OR_RETURN(cert.type, in_.read_java_utf());
      // The JDK asks CertificateFactory.getInstance(type), whose lookup
      // ignores case; X.509 is the only type it provides.
      if (cert.type != "X.509" && utf::java_to_lower_utf8(cert.type) != "x.509")
        return Status::Unsupported("certificate type ", cert.type, " (only X.509 is supported)");
    }
    KS_ASSIGN_OR_RETURN(uint32_t len, in_.read_u32());
    KS_ASSIGN_OR_RETURN(ByteView der, in_.read_bytes(len));
    cert.encoded = to_bytes(der);
    return cert;
  }

  Status read_chain(Entry& entry) {
    KS_ASSIGN_OR_RETURN(uint32_t n, in_.read_u32());
    if (n > limits_.max_chain_length)
      return Status::LimitExceeded("certificate chain of ", n, " certificates; the limit is ", limits_.max_chain_length);
    const size_t min_cert = body_.version == kVersion2 ? 2 + 4 : 4;
    if (n > in_.remaining() / min_cert) return in_.shortfall(uint64_t{n} * min_cert, "certificate count ", n, " exceeds what the file holds");
    entry.chain.reserve(n);
    for (uint32_t i = 0; i < n; ++i) {
      Result<Certificate> cert = read_certificate();
      if (!cert.ok()) return std::move(cert).status().with_context("certificate ", i);
      entry.chain.push_back(std::move(cert).value());
    }
    return Status::Ok();
  }

  Result<Entry> read_entry() {
    KS_ASSIGN_OR_RETURN(uint32_t tag, in_.read_u32());
    Entry entry;
    KS_ASSIGN_OR_RETURN(entry.alias, in_.read_java_utf());
    KS_ASSIGN_OR_RETURN(entry.creation_time_ms, in_.read_s64());
    switch (tag) {
      case kPrivateKeyTag: {
        entry.type = EntryType::kPrivateKey;
        KS_ASSIGN_OR_RETURN(uint32_t len, in_.read_u32());
        KS_ASSIGN_OR_RETURN(ByteView key, in_.read_bytes(len));
        // Kept as stored; nothing in it is read until a caller unseals it.
        entry.key = SealedKey{protection_of_loaded_key(as_type_, key), to_bytes(key)};
        KS_TRY(read_chain(entry));
        return entry;
      }
      case kTrustedCertTag: {
        entry.type = EntryType::kTrustedCert;
        KS_ASSIGN_OR_RETURN(Certificate cert, read_certificate());
        entry.chain.push_back(std::move(cert));
        return entry;
      }
      case kSecretKeyTag:
        if (as_type_ != StoreType::kJceks) break;
        {
          entry.type = EntryType::kSecretKey;
          // The stream is not length-prefixed: its grammar says where it ends.
          KS_ASSIGN_OR_RETURN(SealedObjectFields sealed, read_sealed_object(in_.rest(), limits_, /*to_end_of_file=*/true));
          KS_ASSIGN_OR_RETURN(ByteView stream, in_.read_bytes(sealed.stream_size));
          entry.key = SealedKey{KeyProtection::kJceSealedObject, to_bytes(stream)};
          return entry;
        }
      default:
        break;
    }
    return in_.malformed("Unrecognized keystore entry: ", tag);
  }

  io::ByteReader in_;
  StoreType as_type_;
  const Limits& limits_;
  ParsedBody body_;
};

Keystore make_keystore(StoreType as_type, ParsedBody body, bool integrity_checked) {
  Keystore store(as_type);
  store.reserve(store.size() + body.entries.size());
  for (Entry& e : body.entries) store.append(std::move(e));
  LoadInfo& info = store.load_info();
  info.integrity_checked = integrity_checked;
  info.had_integrity_data = true;
  info.file_version = body.version;
  info.duplicate_aliases_dropped = body.duplicates_dropped;
  info.notes = std::move(body.notes);
  return store;
}

}  // namespace

Result<Keystore> load(const crypto::Backend& backend, ByteView file, StoreType as_type, const Password* store_password,
                      const Limits& limits) {
  if (as_type != StoreType::kJks && as_type != StoreType::kJceks)
    return Status::InvalidArgument("not a JKS or JCEKS load");
  if (file.size() > limits.max_file_size)
    return Status::LimitExceeded("keystore of ", file.size(), " bytes exceeds the limit of ", limits.max_file_size);

  if (store_password != nullptr && file.size() >= kHeaderSize + kDigestSize) {
    // Authenticate before parsing: in the usual file the digest is the last
    // 20 bytes. The body is parsed only once it is proven intact.
    const ByteView body = file.first(file.size() - kDigestSize);
    KS_ASSIGN_OR_RETURN(Bytes digest, store_digest(backend, *store_password, body));
    if (constant_time_equal(digest, file.last(kDigestSize))) {
      Result<ParsedBody> parsed = BodyReader(body, as_type, limits).read();
      if (parsed.ok() && parsed->end == body.size()) return make_keystore(as_type, std::move(parsed).value(), true);
    }
  }

  // Otherwise the digest sits wherever the entries end: the JDK reads it
  // there and ignores whatever follows, and without a password it reads no
  // digest at all (docs/formats.md, "JKS/JCEKS: the store digest"). A parse
  // error is reported before an integrity failure, in the JDK's order.
  KS_ASSIGN_OR_RETURN(ParsedBody parsed, BodyReader(file, as_type, limits).read());
  if (store_password == nullptr) return make_keystore(as_type, std::move(parsed), false);
  if (file.size() - parsed.end < kDigestSize)
    return Status::Truncated("keystore ends before its 20-byte integrity digest (offset ", parsed.end, ")");
  KS_ASSIGN_OR_RETURN(Bytes digest, store_digest(backend, *store_password, file.first(parsed.end)));
  if (!constant_time_equal(digest, file.subspan(parsed.end, kDigestSize)))
    return Status::IntegrityFailure("Keystore was tampered with, or password was incorrect");
  return make_keystore(as_type, std::move(parsed), true);
}

}  // namespace kstore::jks
