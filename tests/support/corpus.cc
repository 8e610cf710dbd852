// The interoperability corpus: expected.json, test cases, known gaps, findings.
#include "support/corpus.h"

#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <set>
#include <sstream>

#include "crypto/crypto.h"
#include "support/fixtures.h"

namespace kstore::testing::corpus {

std::string corpus_dir() {
  const char* overridden = std::getenv("KSTORE_CORPUS_DIR");
  return overridden != nullptr ? overridden : KSTORE_CORPUS_DIR;
}

bool available() { return std::filesystem::exists(corpus_dir() + "/expected.json"); }

std::string unavailable_message() {
  return "interop corpus not found at " + corpus_dir() + "; the tests that read it are skipped";
}

namespace {

struct Loaded {
  json::Value doc;
  std::string error;  // why the document is unusable
  bool missing = false;
};

const Loaded& loaded() {
  static const Loaded instance = [] {
    Loaded l;
    const std::string path = corpus_dir() + "/expected.json";
    if (!std::filesystem::exists(path)) {
      l.missing = true;
      l.error = "interop corpus not found at " + corpus_dir() +
                " (KSTORE_CORPUS_DIR); the corpus tests need /work/shared/interop-corpus";
      return l;
    }
    auto text = try_file_text(path);
    if (!text.ok()) {
      l.error = text.status().to_string();
      return l;
    }
    auto doc = json::parse(*text);
    if (!doc.ok()) {
      l.error = path + ": " + doc.status().to_string();
      return l;
    }
    if (!doc->find("files") || !(*doc)["files"].is_array()) {
      l.error = path + ": no \"files\" array";
      return l;
    }
    l.doc = std::move(doc).value();
    return l;
  }();
  return instance;
}

std::string sanitise(std::string_view file) {
  std::string out;
  for (char c : file) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return out;
}

}  // namespace

void PrintTo(const Case& c, std::ostream* os) { *os << (c.file.empty() ? c.setup_error : c.file); }

std::vector<Case> cases() {
  const Loaded& l = loaded();
  if (!l.error.empty()) {
    Case placeholder;
    placeholder.test_name = l.missing ? "corpus_missing" : "corpus_unreadable";
    placeholder.setup_error = l.error;
    placeholder.corpus_missing = l.missing;
    return {placeholder};
  }
  std::vector<Case> out;
  std::set<std::string> names;
  const auto& files = l.doc["files"].as_array();
  for (size_t i = 0; i < files.size(); ++i) {
    Case c;
    c.index = i;
    c.file = files[i]["file"].is_string() ? files[i]["file"].as_string() : "files[" + std::to_string(i) + "]";
    std::string name = sanitise(c.file);
    // Sanitising can merge names ("a.b" and "a_b"); keep them apart.
    for (int n = 2; names.count(name); ++n) name = sanitise(c.file) + "_" + std::to_string(n);
    names.insert(name);
    c.test_name = name;
    out.push_back(std::move(c));
  }
  return out;
}

std::string case_name(const Case& c) { return c.test_name; }

const json::Value& document() { return loaded().doc; }

const json::Value& spec(const Case& c) { return loaded().doc["files"][c.index]; }

Result<Bytes> read_corpus_file(const std::string& relative_path) {
  KS_ASSIGN_OR_RETURN(std::string text, try_file_text(corpus_dir() + "/" + relative_path));
  return Bytes(text.begin(), text.end());
}

std::optional<Password> password_from(const json::Value& v) {
  if (!v.is_string()) return std::nullopt;
  return Password::from_utf8(v.as_string());
}

std::string sha256_hex(ByteView bytes) { return to_hex(crypto::digest(crypto::HashAlg::kSha256, bytes)); }

std::optional<std::string> KnownGaps::find(const std::string& file, const std::string& format) const {
  if (auto it = by_file.find(file); it != by_file.end()) return it->second;
  if (auto it = by_format.find(format); it != by_format.end()) return it->second;
  return std::nullopt;
}

Result<KnownGaps> read_known_gaps(const std::string& name) {
  KnownGaps gaps;
  gaps.source = testdata_path("corpus/" + name);
  if (!std::filesystem::exists(gaps.source)) return gaps;  // no gaps at all
  KS_ASSIGN_OR_RETURN(std::string text, try_file_text(gaps.source));
  std::istringstream lines(text);
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0 || tab + 1 >= line.size())
      return Status::Malformed(gaps.source, ":", number, ": expected \"file<TAB>reason\"");
    const std::string key = line.substr(0, tab);
    const std::string reason = line.substr(tab + 1);
    auto& map = key.rfind("format:", 0) == 0 ? gaps.by_format : gaps.by_file;
    const std::string id = key.rfind("format:", 0) == 0 ? key.substr(7) : key;
    if (!map.emplace(id, reason).second) return Status::Malformed(gaps.source, ":", number, ": ", key, " listed twice");
  }
  return gaps;
}

void report(const Findings& findings, const std::optional<std::string>& gap_reason, const std::string& gaps_file) {
  for (const std::string& n : findings.notes()) std::cout << "  [note] " << n << "\n";
  if (gap_reason) {
    if (findings.failures().empty()) {
      ADD_FAILURE() << "listed as a known gap in " << gaps_file << " (\"" << *gap_reason
                    << "\"), but every check now passes: remove its line";
      return;
    }
    std::cout << "  [known gap] " << *gap_reason << "\n";
    for (const std::string& f : findings.failures()) std::cout << "  [still failing] " << f << "\n";
    return;
  }
  for (const std::string& f : findings.failures()) ADD_FAILURE() << f;
}

std::string printable(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace kstore::testing::corpus
