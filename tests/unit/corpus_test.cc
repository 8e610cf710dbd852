// Interoperability corpus: every keystore another project made loads (or is
// refused) as the reference tools say. The corpus is kept outside the
// repository (support/corpus.h); its expected.json records what the reference
// tools saw in each file. This test reads them in place.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "base/utf.h"
#include "der/reader.h"
#include "der/writer.h"
#include "kstore/keystore.h"
#include "kstore/sealing.h"
#include "support/corpus.h"
#include "support/json.h"

namespace kstore::testing::corpus {
namespace {

constexpr const char* kGapsFile = "known-gaps.txt";

bool is_unsupported_format(const std::string& format) {
  return format == "bks" || format == "bks-v1" || format == "uber" || format == "bcfks";
}

std::optional<StoreType> store_type_of(const std::string& format) {
  if (format == "jks") return StoreType::kJks;
  if (format == "jceks") return StoreType::kJceks;
  if (format == "pkcs12") return StoreType::kPkcs12;
  return std::nullopt;
}

std::string describe(const Entry& e) {
  return "\"" + printable(e.alias) + "\" (" + entry_type_name(e.type) + ")";
}

std::vector<std::string> chain_hashes(const Entry& e) {
  std::vector<std::string> out;
  for (const Certificate& c : e.chain) out.push_back(sha256_hex(c.encoded));
  return out;
}

std::vector<std::string> string_list(const json::Value& v) {
  std::vector<std::string> out;
  if (!v.is_array()) return out;
  for (const json::Value& s : v.as_array()) out.push_back(s.as_string());
  return out;
}

std::string join(const std::vector<std::string>& v) {
  std::string out = "[";
  for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + v[i].substr(0, 16);
  return out + "]";
}

// The JDK lower-cases aliases (toLowerCase(Locale.ENGLISH)) in every KeyStore
// it implements, so a PKCS#12 friendlyName "Friendly name for cert" shows as
// "friendly name for cert". expected.json holds the JDK's view (BouncyCastle
// keeps the case; where it is the reference, compare case-insensitively too);
// kstore's model keeps the alias as stored. Compare the JDK's view of both.
bool alias_matches(const Entry& actual, const std::string& expected) {
  return utf::java_to_lower_utf8(actual.alias) == utf::java_to_lower_utf8(expected);
}

// What the test does with a file whose expected outcome is "reject". The
// corpus README's "Files expected to be rejected" table and its notes decide.
enum class RejectPolicy {
  // pyjks/duplicate_aliases.*: pyjks rejects them, but the JDK (keytool and
  // the KeyStore API, 17 and 25) loads them and keeps the last entry. kstore
  // follows the JDK, so these are checked like "ok" files against the JDK
  // view in `entries`, plus LoadInfo::duplicate_aliases_dropped.
  kJdkView,
  // The JCEKS sealed-object files: the JDK refuses them at load ("Invalid
  // secret key format"); pyjks only when the key is decrypted. Either is
  // fine: load fails, or every secret key fails to unseal, cleanly.
  kLoadOrUnseal,
  // The RFC 9579 negative vectors and the PBMAC1 short-key file: a MAC that
  // does not verify must stop the load, with one of the listed codes.
  kLoad,
  // bc-java/jsafe-*: the MAC verifies, but the bags were encrypted with the
  // ISO-8859-1 bytes of the password. Standard readers fail; kstore has a
  // Latin-1 password encoding for exactly this producer (password.h,
  // PasswordEncoding::kLatin1). Either refuse cleanly, or open it and agree
  // with the OpenSSL view obtained with the Latin-1 bytes
  // (otherViews.openssl_3.0.withLatin1PasswordBytes).
  kRejectOrLatin1View,
};

struct RejectRule {
  RejectPolicy policy;
  std::vector<ErrorCode> codes;  // accepted codes for kLoad; empty = any clean error
};

RejectRule reject_rule(const std::string& file) {
  if (file.find("duplicate_aliases.") != std::string::npos) return {RejectPolicy::kJdkView, {}};
  if (file.find("sealed_object") != std::string::npos) return {RejectPolicy::kLoadOrUnseal, {}};
  // A4 (wrong iteration count) and A5 (wrong salt) are intact, well-formed
  // files whose MAC simply does not verify.
  if (file.find("rfc9579-a4") != std::string::npos || file.find("rfc9579-a5") != std::string::npos)
    return {RejectPolicy::kLoad, {ErrorCode::kIntegrityFailure}};
  // A6: RFC 9579 §3 makes keyLength mandatory in PBMAC1's PBKDF2 parameters.
  if (file.find("rfc9579-a6") != std::string::npos) return {RejectPolicy::kLoad, {ErrorCode::kMalformed}};
  // A 1-octet PBMAC1 key: refusing the parameters or the MAC is fine.
  if (file.find("pbmac1-short-key") != std::string::npos)
    return {RejectPolicy::kLoad, {ErrorCode::kMalformed, ErrorCode::kIntegrityFailure, ErrorCode::kUnsupported}};
  if (file.find("jsafe-") != std::string::npos) return {RejectPolicy::kRejectOrLatin1View, {}};
  return {RejectPolicy::kLoadOrUnseal, {}};
}

// A failed status must be specific: a real code, a message, never kInternal.
void check_clean_error(const Status& s, const std::string& what, Findings& f) {
  if (s.ok()) return;
  if (s.code() == ErrorCode::kInternal) f.fail(what, " failed with kInternal: ", s.to_string());
  if (s.message().empty()) f.fail(what, " failed with an empty message (", error_code_name(s.code()), ")");
}

// PrivateKeyInfo without its optional [0] attributes (RFC 5208 §5). Windows
// writes a key-usage attribute there; the JDK's Key.getEncoded() (and OpenSSL's
// re-encoding) drop it, so the reference hash is of the key without them while
// kstore returns the PKCS#8 exactly as stored.
Result<Bytes> without_attributes(ByteView pkcs8) {
  der::Reader outer(pkcs8);
  KS_ASSIGN_OR_RETURN(der::Reader info, outer.read_sequence());
  KS_TRY(outer.expect_end());
  std::vector<Bytes> kept;
  while (!info.empty()) {
    KS_ASSIGN_OR_RETURN(der::Element e, info.read_element());
    if (e.tag != der::context_tag(0, true)) kept.push_back(to_bytes(e.encoding));
  }
  der::Writer w;
  w.sequence([&](der::Writer& seq) {
    for (const Bytes& k : kept) seq.raw(k);
  });
  return std::move(w).finish();
}

// Unseals a key entry and compares it with the reference, or, for entries the
// JDK cannot recover, only requires that kstore fails cleanly if it fails.
void check_key(const json::Value& exp, const Entry& actual, const std::optional<Password>& store_password,
               bool recoverable, Findings& f) {
  const std::string who = "entry " + describe(actual);
  if (!actual.key) {
    f.fail(who, ": key entry without sealed key bytes");
    return;
  }
  std::optional<Password> password = password_from(exp["keyPassword"]);
  if (!password && store_password) password = store_password->clone();
  if (!password) {
    f.note(who, ": no password to unseal the key with (store opened without one); key not checked");
    return;
  }
  if (actual.type == EntryType::kPrivateKey) {
    auto pkcs8 = unseal_private_key(*actual.key, *password);
    if (!pkcs8.ok()) {
      if (recoverable) {
        f.fail(who, ": unseal_private_key failed: ", pkcs8.status().to_string());
      } else {
        f.note(who, ": not recoverable by the JDK either; kstore says ", pkcs8.status().to_string());
        check_clean_error(pkcs8.status(), who + " unseal", f);
      }
      return;
    }
    if (!recoverable) {
      f.note(who, ": the JDK cannot recover this key; kstore unsealed ", pkcs8->size(), " bytes");
      return;
    }
    if (const json::Value* want = exp.find("keyPkcs8Sha256"); want && want->is_string()) {
      const std::string got = sha256_hex(pkcs8->view());
      auto bare = without_attributes(pkcs8->view());
      if (got != want->as_string() && bare.ok() && sha256_hex(*bare) == want->as_string())
        f.note(who, ": the stored PKCS#8 carries [0] attributes, which the reference's re-encoding drops; "
               "it matches without them");
      else if (got != want->as_string())
        f.fail(who, ": PKCS#8 SHA-256 ", got, ", reference ", want->as_string(), " (from ",
               exp["keyPkcs8Sha256From"].is_string() ? exp["keyPkcs8Sha256From"].as_string() : "?", ")");
    }
    return;
  }
  auto secret = unseal_secret_key(*actual.key, *password);
  if (!secret.ok()) {
    if (recoverable) f.fail(who, ": unseal_secret_key failed: ", secret.status().to_string());
    else check_clean_error(secret.status(), who + " unseal", f);
    return;
  }
  if (!recoverable) return;
  if (const json::Value* alg = exp.find("secretKeyAlgorithm"); alg && alg->is_string() && secret->algorithm != alg->as_string())
    f.fail(who, ": secret key algorithm \"", secret->algorithm, "\", reference \"", alg->as_string(), "\"");
  if (const json::Value* bits = exp.find("secretKeyBits"); bits && bits->is_int() &&
                                                            int64_t(secret->key.size() * 8) != bits->as_int())
    f.fail(who, ": secret key of ", secret->key.size() * 8, " bits, reference ", bits->as_int());
  if (const json::Value* want = exp.find("secretKeySha256"); want && want->is_string()) {
    const std::string got = sha256_hex(secret->key.view());
    if (got != want->as_string()) f.fail(who, ": secret key SHA-256 ", got, ", reference ", want->as_string());
  }
}

// The reference's entries against kstore's visible entries, both ways.
void check_entries(const json::Value& spec, const Keystore& store, const std::optional<Password>& store_password,
                   Findings& f) {
  const std::string& format = spec["format"].as_string();
  const bool jks_family = format == "jks" || format == "jceks";
  std::vector<const Entry*> visible;
  for (const Entry& e : store.entries()) {
    if (e.visible_to_jdk) {
      visible.push_back(&e);
    } else {
      f.note("extra entry not visible to the JDK: ", describe(e), ": ",
             e.jdk_invisible_reason.empty() ? "(no reason given)" : e.jdk_invisible_reason);
    }
  }
  std::vector<bool> used(visible.size(), false);
  const json::Value& expected = spec["entries"];
  const size_t n_expected = expected.is_array() ? expected.size() : 0;
  for (size_t i = 0; i < n_expected; ++i) {
    const json::Value& exp = expected[i];
    const std::string type = exp["type"].as_string();
    const std::vector<std::string> want_chain = string_list(exp["chainSha256"]);
    // "KeyEntry (key not recoverable by …)": the JDK lists a key entry but cannot
    // turn it into a key (a secret key in a JKS key entry; a GOST key).
    const bool unrecoverable = type.rfind("KeyEntry", 0) == 0;
    size_t found = visible.size();
    for (size_t j = 0; j < visible.size() && found == visible.size(); ++j) {
      if (used[j]) continue;
      if (exp["alias"].is_string()) {
        if (alias_matches(*visible[j], exp["alias"].as_string())) found = j;
      } else if (chain_hashes(*visible[j]) == want_chain) {
        // No alias in the reference (OpenSSL's view of a bag without friendlyName): match by chain.
        found = j;
      }
    }
    const std::string label =
        exp["alias"].is_string() ? "\"" + printable(exp["alias"].as_string()) + "\"" : "(no alias, chain " + join(want_chain) + ")";
    if (found == visible.size()) {
      f.fail("reference entry ", label, " (", type, ") not found among kstore's visible entries");
      continue;
    }
    used[found] = true;
    const Entry& actual = *visible[found];
    const std::string who = "entry " + describe(actual);
    if (unrecoverable) {
      if (actual.type == EntryType::kTrustedCert) f.fail(who, ": reference has a key entry (", type, ")");
    } else if (type != entry_type_name(actual.type)) {
      f.fail(who, ": type ", entry_type_name(actual.type), ", reference ", type);
      continue;
    }
    const std::vector<std::string> got_chain = chain_hashes(actual);
    if (got_chain != want_chain)
      f.fail(who, ": chain SHA-256 ", join(got_chain), ", reference ", join(want_chain));
    if (const json::Value* ts = exp.find("timestampMs"); ts && ts->is_int() && jks_family) {
      if (!actual.creation_time_ms) f.fail(who, ": no creation time, reference ", ts->as_int());
      else if (*actual.creation_time_ms != ts->as_int())
        f.fail(who, ": creation time ", *actual.creation_time_ms, ", reference ", ts->as_int());
    }
    if (actual.type != EntryType::kTrustedCert) check_key(exp, actual, store_password, !unrecoverable, f);
  }
  for (size_t j = 0; j < visible.size(); ++j)
    if (!used[j]) f.fail("kstore shows ", describe(*visible[j]), " which the reference does not list");
  size_t keys = 0;
  for (size_t j = 0; j < visible.size(); ++j) keys += used[j] && visible[j]->key ? 1 : 0;
  f.note("compared ", n_expected, " reference entries with ", visible.size(), " visible entries (", keys,
         " with keys) and ", store.size() - visible.size(), " JDK-invisible ones");
}

// An "ok" file (or one the JDK accepts): loads, and shows what the JDK shows.
void check_loads_like_reference(const json::Value& spec, ByteView bytes, Findings& f) {
  const std::string& format = spec["format"].as_string();
  const std::optional<Password> password = password_from(spec["storePassword"]);
  auto store = load_keystore(bytes, password ? &*password : nullptr);
  if (!store.ok()) {
    f.fail("load failed: ", store.status().to_string());
    check_clean_error(store.status(), "load", f);
    return;
  }
  const LoadInfo& info = store->load_info();
  for (const std::string& n : info.notes) f.note("load note: ", n);
  if (!info.password_encoding.empty()) f.note("password encoding: ", info.password_encoding);
  if (store->type() != store_type_of(format))
    f.fail("loaded as ", store_type_name(store->type()), ", but the file is ", format);
  if (password && info.had_integrity_data && !info.integrity_checked)
    f.fail("a store password was given and the file has integrity data, but integrity_checked is false");
  if (!password && info.integrity_checked) f.fail("no password was given, yet integrity_checked is true");
  if (password && !info.had_integrity_data) f.note("no integrity data in the file (MAC-less PKCS#12)");
  check_entries(spec, *store, password, f);
}

void check_duplicate_aliases(const json::Value& spec, ByteView bytes, Findings& f) {
  check_loads_like_reference(spec, bytes, f);
  const std::optional<Password> password = password_from(spec["storePassword"]);
  auto store = load_keystore(bytes, password ? &*password : nullptr);
  if (store.ok() && store->load_info().duplicate_aliases_dropped != 1)
    f.fail("duplicate_aliases_dropped is ", store->load_info().duplicate_aliases_dropped, ", expected 1");
}

void check_rejected(const json::Value& spec, ByteView bytes, const RejectRule& rule, Findings& f) {
  const std::optional<Password> password = password_from(spec["storePassword"]);
  auto store = load_keystore(bytes, password ? &*password : nullptr);
  if (!store.ok()) {
    f.note("rejected at load: ", store.status().to_string());
    check_clean_error(store.status(), "load", f);
    if (!rule.codes.empty() &&
        std::find(rule.codes.begin(), rule.codes.end(), store.status().code()) == rule.codes.end()) {
      std::string names;
      for (ErrorCode c : rule.codes) names += std::string(names.empty() ? "" : " or ") + error_code_name(c);
      f.fail("rejected with ", error_code_name(store.status().code()), ", expected ", names, ": ",
             store.status().to_string());
    }
    return;
  }
  if (rule.policy == RejectPolicy::kLoad) {
    f.fail("loaded a file that must be refused (", spec["rejectReason"].is_string() ? spec["rejectReason"].as_string() : "",
           "); ", store->size(), " entries");
    return;
  }
  if (!password) {
    f.fail("loaded without a password; nothing left that could refuse it");
    return;
  }
  if (rule.policy == RejectPolicy::kLoadOrUnseal) {
    size_t keys = 0, refused = 0;
    for (const Entry& e : store->entries()) {
      if (!e.key) continue;
      ++keys;
      Status s = e.type == EntryType::kSecretKey ? unseal_secret_key(*e.key, *password).status()
                                                   : unseal_private_key(*e.key, *password).status();
      if (s.ok()) {
        f.fail("entry ", describe(e), ": unsealed, but the reference refuses it (",
               spec["rejectReason"].is_string() ? spec["rejectReason"].as_string() : "", ")");
      } else {
        ++refused;
        f.note("entry ", describe(e), ": rejected at unseal: ", s.to_string());
        check_clean_error(s, "unseal of " + describe(e), f);
      }
    }
    if (keys == 0) f.fail("loaded, and there is no key whose unsealing could fail (", store->size(), " entries)");
    return;
  }
  // kRejectOrLatin1View: kstore opened it; it must agree with the Latin-1 view.
  f.note("opened (the reference expects a refusal); password encoding: ",
         store->load_info().password_encoding.empty() ? "(not reported)" : store->load_info().password_encoding);
  const json::Value& view = spec["otherViews"]["openssl_3.0"]["withLatin1PasswordBytes"];
  std::set<std::string> certs, keys;
  for (const json::Value& c : view["certs"].is_array() ? view["certs"].as_array() : std::vector<json::Value>{})
    certs.insert(c.is_string() ? c.as_string() : c["sha256"].as_string());
  for (const json::Value& k : view["keys"].is_array() ? view["keys"].as_array() : std::vector<json::Value>{})
    keys.insert(k.is_string() ? k.as_string() : k["pkcs8Sha256"].as_string());
  for (const Entry& e : store->entries()) {
    for (const std::string& h : chain_hashes(e))
      if (!certs.count(h)) f.fail("entry ", describe(e), ": certificate ", h, " is not in the Latin-1 view");
    if (e.type != EntryType::kPrivateKey || !e.key) continue;
    auto pkcs8 = unseal_private_key(*e.key, *password);
    if (!pkcs8.ok()) {
      f.note("entry ", describe(e), ": key refused at unseal: ", pkcs8.status().to_string());
      check_clean_error(pkcs8.status(), "unseal of " + describe(e), f);
    } else if (!keys.count(sha256_hex(pkcs8->view()))) {
      f.fail("entry ", describe(e), ": unsealed key ", sha256_hex(pkcs8->view()), " is not the Latin-1 view's key");
    }
  }
}

// BKS, UBER and BCFKS are BouncyCastle formats kstore does not read.
void check_unsupported_format(const json::Value& spec, ByteView bytes, Findings& f) {
  const std::optional<Password> password = password_from(spec["storePassword"]);
  auto store = load_keystore(bytes, password ? &*password : nullptr);
  if (store.ok()) {
    f.fail("loaded a ", spec["format"].as_string(), " file, a format kstore does not support (", store->size(),
           " entries)");
    return;
  }
  f.note("refused: ", store.status().to_string());
  if (store.status().code() != ErrorCode::kUnknownFormat)
    f.fail("expected kUnknownFormat, got ", store.status().to_string());
  std::string lower = store.status().message();
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.find("format") == std::string::npos)
    f.fail("the message should say the format is not recognised: \"", store.status().message(), "\"");
}

class CorpusLoad : public ::testing::TestWithParam<Case> {};

TEST_P(CorpusLoad, MatchesReference) {
  const Case& c = GetParam();
  if (c.corpus_missing) GTEST_SKIP() << c.setup_error;
  ASSERT_TRUE(c.setup_error.empty()) << c.setup_error;
  auto gaps = read_known_gaps(kGapsFile);
  ASSERT_TRUE(gaps.ok()) << gaps.status().to_string();

  const json::Value& s = spec(c);
  const std::string& format = s["format"].as_string();
  auto bytes = read_corpus_file(c.file);
  ASSERT_TRUE(bytes.ok()) << bytes.status().to_string();
  ASSERT_EQ(sha256_hex(*bytes), s["sha256"].as_string()) << c.file << " differs from the corpus manifest";

  Findings f;
  if (is_unsupported_format(format)) {
    check_unsupported_format(s, *bytes, f);
  } else if (s["expected"].as_string() == "ok") {
    check_loads_like_reference(s, *bytes, f);
  } else {
    const RejectRule rule = reject_rule(c.file);
    if (rule.policy == RejectPolicy::kJdkView) check_duplicate_aliases(s, *bytes, f);
    else check_rejected(s, *bytes, rule, f);
  }
  report(f, gaps->find(c.file, format), gaps->source);
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusLoad, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<Case>& info) { return case_name(info.param); });

// The gaps list may only name corpus files (a typo would hide nothing and
// ratchet nothing).
TEST(CorpusKnownGaps, NameOnlyCorpusFiles) {
  if (document().is_null()) GTEST_SKIP() << "interop corpus not available at " << corpus_dir();
  for (const char* name : {"known-gaps.txt", "known-gaps-roundtrip.txt"}) {
    SCOPED_TRACE(name);
    auto gaps = read_known_gaps(name);
    ASSERT_TRUE(gaps.ok()) << gaps.status().to_string();
    std::set<std::string> files, formats;
    for (const json::Value& item : document()["files"].as_array()) {
      files.insert(item["file"].as_string());
      formats.insert(item["format"].as_string());
    }
    for (const auto& [file, reason] : gaps->by_file) EXPECT_TRUE(files.count(file)) << file << " is not in expected.json";
    for (const auto& [format, reason] : gaps->by_format) EXPECT_TRUE(formats.count(format)) << "format:" << format;
  }
}

}  // namespace
}  // namespace kstore::testing::corpus
