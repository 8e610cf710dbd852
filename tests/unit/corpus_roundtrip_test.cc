// Interoperability corpus, written back: every file kstore loads with a
// password is saved with the same password and loaded again; the entries must
// come back unchanged, and a JDK-written JKS/JCEKS file must come back
// byte-identical (kstore keeps the entry order and copies sealed keys as they are).
#include <gtest/gtest.h>

#include <string>

#include "base/utf.h"
#include "kstore/keystore.h"
#include "support/corpus.h"
#include "support/json.h"

namespace kstore::testing::corpus {
namespace {

constexpr const char* kGapsFile = "known-gaps-roundtrip.txt";

std::string describe(const Entry& e) {
  return "\"" + printable(e.alias) + "\" (" + entry_type_name(e.type) + ")";
}

const char* protection_name(KeyProtection p) {
  switch (p) {
    case KeyProtection::kJksKeyProtector: return "JKS KeyProtector";
    case KeyProtection::kJcePbe: return "JCE PBE";
    case KeyProtection::kJceSealedObject: return "JCE SealedObject";
    case KeyProtection::kPkcs12Shrouded: return "PKCS#12 shrouded";
    case KeyProtection::kPkcs12Plain: return "PKCS#12 plain";
  }
  return "?";
}

void compare_entry(const Entry& before, const Entry& after, bool jks_family, Findings& f) {
  const std::string who = "entry " + describe(before);
  if (after.type != before.type) f.fail(who, ": type came back as ", entry_type_name(after.type));
  if (after.visible_to_jdk != before.visible_to_jdk)
    f.fail(who, ": visible_to_jdk ", before.visible_to_jdk, " came back as ", after.visible_to_jdk);
  if (after.chain.size() != before.chain.size()) {
    f.fail(who, ": chain of ", before.chain.size(), " came back with ", after.chain.size(), " certificates");
  } else {
    for (size_t i = 0; i < before.chain.size(); ++i) {
      if (after.chain[i].encoded != before.chain[i].encoded)
        f.fail(who, ": certificate ", i, " came back different");
      if (after.chain[i].type != before.chain[i].type)
        f.fail(who, ": certificate ", i, " type \"", before.chain[i].type, "\" came back as \"", after.chain[i].type, "\"");
    }
  }
  if (before.key.has_value() != after.key.has_value()) {
    f.fail(who, ": sealed key ", before.key ? "lost" : "appeared");
  } else if (before.key) {
    if (before.key->protection != after.key->protection)
      f.fail(who, ": key protection ", protection_name(before.key->protection), " came back as ",
             protection_name(after.key->protection));
    if (before.key->encoded != after.key->encoded) f.fail(who, ": sealed key bytes came back different");
  }
  if (before.creation_time_ms != after.creation_time_ms) {
    const auto show = [](const std::optional<int64_t>& t) { return t ? std::to_string(*t) : std::string("none"); };
    // JKS/JCEKS store the time in the entry; PKCS#12 has no such field (only
    // the JDK's "Time <ms>" localKeyId), so a writer may set a new one there.
    if (jks_family) f.fail(who, ": creation time ", show(before.creation_time_ms), " came back as ", show(after.creation_time_ms));
    else f.note(who, ": creation time ", show(before.creation_time_ms), " came back as ", show(after.creation_time_ms));
  }
  const FormatDetails& was = before.format_details;
  const FormatDetails& is = after.format_details;
  if (!equal_bytes(is.local_key_id(), was.local_key_id())) f.note(who, ": localKeyId changed");
  if (is.trusted_key_usages() != was.trusted_key_usages()) f.fail(who, ": trusted key usages changed");
  if (is.other_attribute_count() != was.other_attribute_count())
    f.fail(who, ": ", was.other_attribute_count(), " other bag attributes came back as ", is.other_attribute_count());
}

// Pairs each entry with the one that came back under the same alias (as the
// JDK compares aliases) and type. JKS/JCEKS must keep the order and the exact
// alias. PKCS#12 order carries no meaning (the JDK keeps a hash map), and the
// JDK writes friendlyNames lower-cased, so there a changed case or order is a note.
void compare_entries(const Keystore& before, const Keystore& after, bool jks_family, Findings& f) {
  const auto& b = before.entries();
  const auto& a = after.entries();
  if (a.size() != b.size()) f.fail(b.size(), " entries came back as ", a.size());
  std::vector<bool> used(a.size(), false);
  for (size_t i = 0; i < b.size(); ++i) {
    const std::string want = utf::java_to_lower_utf8(b[i].alias);
    size_t match = a.size();
    for (size_t j = 0; j < a.size(); ++j) {
      if (used[j] || a[j].type != b[i].type || utf::java_to_lower_utf8(a[j].alias) != want) continue;
      if (match == a.size() || a[j].chain.size() == b[i].chain.size()) match = j;
      if (j == i) break;
    }
    if (match == a.size()) {
      f.fail("entry ", describe(b[i]), " did not come back");
      continue;
    }
    used[match] = true;
    if (match != i) {
      if (jks_family) f.fail("entry ", describe(b[i]), " moved from position ", i, " to ", match);
      else f.note("entry ", describe(b[i]), " moved from position ", i, " to ", match);
    }
    if (a[match].alias != b[i].alias) {
      if (jks_family) f.fail("entry ", describe(b[i]), ": alias came back as \"", printable(a[match].alias), "\"");
      else f.note("entry ", describe(b[i]), ": alias written as \"", printable(a[match].alias), "\"");
    }
    compare_entry(b[i], a[match], jks_family, f);
  }
  for (size_t j = 0; j < a.size(); ++j)
    if (!used[j]) f.fail("entry ", describe(a[j]), " appeared");
}

// The files whose bytes a JDK writer produced: everything JKS/JCEKS except the
// ones pyjks assembled by hand (duplicate aliases, odd sealed objects).
bool jdk_written(const json::Value& spec) {
  const std::string& format = spec["format"].as_string();
  if (format != "jks" && format != "jceks") return false;
  const std::string producer = spec["producer"].is_string() ? spec["producer"].as_string() : "";
  return producer.find("hand-assembled") == std::string::npos;
}

class CorpusRoundTrip : public ::testing::TestWithParam<Case> {};

TEST_P(CorpusRoundTrip, SaveAndReloadKeepsEntries) {
  const Case& c = GetParam();
  if (c.corpus_missing) GTEST_SKIP() << c.setup_error;
  ASSERT_TRUE(c.setup_error.empty()) << c.setup_error;
  auto gaps = read_known_gaps(kGapsFile);
  ASSERT_TRUE(gaps.ok()) << gaps.status().to_string();

  const json::Value& s = spec(c);
  const std::string& format = s["format"].as_string();
  const std::optional<Password> password = password_from(s["storePassword"]);
  if (!password) GTEST_SKIP() << "no store password: nothing to save with";
  if (format != "jks" && format != "jceks" && format != "pkcs12") GTEST_SKIP() << format << " is not supported";
  auto bytes = read_corpus_file(c.file);
  ASSERT_TRUE(bytes.ok()) << bytes.status().to_string();
  auto before = load_keystore(*bytes, &*password);
  // Files that do not load are CorpusLoad's business (a gap or a rejection there).
  if (!before.ok()) GTEST_SKIP() << "does not load: " << before.status().to_string();

  Findings f;
  const bool jks_family = format == "jks" || format == "jceks";
  auto saved = save_keystore(*before, *password);
  if (!saved.ok()) {
    f.fail("save failed: ", saved.status().to_string());
    if (saved.status().code() == ErrorCode::kInternal) f.fail("save failed with kInternal");
  } else {
    if (jdk_written(s) && *saved != *bytes) {
      size_t at = 0;
      while (at < saved->size() && at < bytes->size() && (*saved)[at] == (*bytes)[at]) ++at;
      f.fail("saved bytes differ from the JDK-written original: ", saved->size(), " bytes vs ", bytes->size(),
             ", first difference at offset ", at);
    }
    auto after = load_keystore(*saved, &*password);
    if (!after.ok()) {
      f.fail("reload of the saved store failed: ", after.status().to_string());
    } else {
      if (after->type() != before->type())
        f.fail("type ", store_type_name(before->type()), " came back as ", store_type_name(after->type()));
      if (before->load_info().integrity_checked && !after->load_info().integrity_checked) f.fail("the saved store's integrity was not checked on reload");
      compare_entries(*before, *after, jks_family, f);
    }
  }
  report(f, gaps->find(c.file, format), gaps->source);
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusRoundTrip, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<Case>& info) { return case_name(info.param); });

}  // namespace
}  // namespace kstore::testing::corpus
