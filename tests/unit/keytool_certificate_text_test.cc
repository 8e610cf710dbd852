// keytool::certificate_text against JDK 17 keytool, byte for byte: every
// fixture in testdata/x509 (expected outputs made by testdata/x509/make.sh),
// and, when a keytool is installed, every certificate in the
// interoperability corpus compared on the fly.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "jks/jks_format.h"
#include "kstore/keytool/certificate_text.h"
#include "kstore/x509.h"
#include "support/corpus.h"
#include "support/fixtures.h"
#include "support/time_zone.h"
#include "support/truncation.h"

namespace kstore::keytool {
namespace {

using x509::parse_certificates;
using x509::PemLineEndings;
using x509::summarize;
using x509::to_pem;

namespace fs = std::filesystem;

using testing::file_text;
using testing::testdata_path;
using testing::testdata_text;

// Dates print in the local time zone, as Java's Date.toString() does; the
// fixtures were made with TZ=UTC.
struct UtcZone : testing::ScopedTimeZone {
  UtcZone() : ScopedTimeZone("UTC") {}
};

// First differing line, for a readable failure.
std::string first_difference(const std::string& want, const std::string& got) {
  std::istringstream a(want), b(got);
  std::string la, lb;
  for (int line = 1;; ++line) {
    const bool ea = !std::getline(a, la), eb = !std::getline(b, lb);
    if (ea && eb) return "texts differ only in the final newline";
    if (ea || eb || la != lb) {
      return "line " + std::to_string(line) + ":\n  keytool: " + (ea ? "<end>" : la) + "\n  kstore:  " + (eb ? "<end>" : lb);
    }
  }
}

TEST(KeytoolCertificateText, EveryFixtureMatchesJdk17) {
  UtcZone utc;
  const fs::path dir = fs::path(testdata_path("x509"));
  int compared = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".pem") continue;
    const fs::path expected_path = fs::path(entry.path()).replace_extension(".printcert.txt");
    SCOPED_TRACE(entry.path().filename().string());
    ASSERT_TRUE(fs::exists(expected_path));
    const std::string pem = file_text(entry.path());
    auto certs = parse_certificates(as_bytes(pem));
    ASSERT_TRUE(certs.ok()) << certs.status().to_string();
    ASSERT_EQ(certs->size(), 1u);
    auto text = certificate_text((*certs)[0]);
    ASSERT_TRUE(text.ok()) << text.status().to_string();
    const std::string expected = file_text(expected_path);
    EXPECT_EQ(*text, expected) << first_difference(expected, *text);
    ++compared;
  }
  EXPECT_GE(compared, 70);
}

TEST(KeytoolCertificateText, TrustedCertificatesHaveNoSignatureMarker) {
  UtcZone utc;
  const std::string pem = testdata_text("x509/rsa1024_sha1.pem");
  auto certs = parse_certificates(as_bytes(pem));
  ASSERT_TRUE(certs.ok());
  auto untrusted = certificate_text((*certs)[0]);
  auto trusted = certificate_text((*certs)[0], CertificateTextOptions{.trusted = true});
  ASSERT_TRUE(untrusted.ok());
  ASSERT_TRUE(trusted.ok());
  EXPECT_NE(untrusted->find("Signature algorithm name: SHA1withRSA (weak)\n"), std::string::npos);
  EXPECT_NE(trusted->find("Signature algorithm name: SHA1withRSA\n"), std::string::npos);
  // The key is judged either way.
  EXPECT_NE(trusted->find("Subject Public Key Algorithm: 1024-bit RSA key (weak)\n"), std::string::npos);
}

TEST(KeytoolCertificateText, EveryTruncationFailsCleanly) {
  const std::string pem = testdata_text("x509/ext_mixed.pem");
  auto certs = parse_certificates(as_bytes(pem));
  ASSERT_TRUE(certs.ok());
  const Bytes& der = (*certs)[0];
  testing::for_each_truncation(der, [](ByteView prefix, size_t) {
    auto text = certificate_text(prefix);
    ASSERT_FALSE(text.ok());
    EXPECT_EQ(text.status().code(), ErrorCode::kMalformed);
  });
}

TEST(KeytoolCertificateText, CorruptedBytesNeverCrash) {
  // Flip bytes of every fixture; each result is text or a clean error, never
  // a crash (the sanitizer build runs this too).
  const fs::path dir = fs::path(testdata_path("x509"));
  size_t runs = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".pem") continue;
    auto certs = parse_certificates(as_bytes(file_text(entry.path())));
    ASSERT_TRUE(certs.ok());
    Bytes der = (*certs)[0];
    for (size_t i = 0; i < der.size(); ++i) {
      for (uint8_t flip : {0x81}) {
        der[i] ^= flip;
        auto text = certificate_text(der);
        if (!text.ok()) {
          EXPECT_NE(text.status().code(), ErrorCode::kInternal) << entry.path().filename() << " byte " << i;
        }
        auto summary = summarize(der);
        if (!summary.ok()) {
          EXPECT_NE(summary.status().code(), ErrorCode::kInternal);
        }
        der[i] ^= flip;
        ++runs;
      }
    }
  }
  EXPECT_GT(runs, 50000u);
}

// ---- the interoperability corpus, against the installed keytool -----------

std::string keytool_path() {
  for (const char* p : {"/usr/lib/jvm/java-17-openjdk-amd64/bin/keytool", "/usr/bin/keytool"}) {
    if (fs::exists(p)) return p;
  }
  return {};
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out.push_back(c);
  }
  return out + "'";
}

std::string run(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

// The certificates of a JKS or JCEKS file (sun.security.provider.JavaKeyStore
// layout: magic, version, count, then tagged entries), read without checking
// the store's digest. Stops at a JCEKS secret-key entry (a serialized Java
// object) or anything unexpected; the test then falls back to keytool.
std::vector<Bytes> java_keystore_certificates(ByteView b) {
  std::vector<Bytes> out;
  size_t pos = 0;
  auto u32 = [&](uint32_t* v) {
    if (b.size() - pos < 4) return false;
    *v = (uint32_t(b[pos]) << 24) | (uint32_t(b[pos + 1]) << 16) | (uint32_t(b[pos + 2]) << 8) | b[pos + 3];
    pos += 4;
    return true;
  };
  auto skip = [&](size_t n) {
    if (b.size() - pos < n) return false;
    pos += n;
    return true;
  };
  auto utf = [&]() {
    if (b.size() - pos < 2) return false;
    const size_t n = (size_t(b[pos]) << 8) | b[pos + 1];
    pos += 2;
    return skip(n);
  };
  auto cert = [&](uint32_t version) {
    uint32_t len;
    if ((version == jks::kVersion2 && !utf()) || !u32(&len) || b.size() - pos < len) return false;
    out.emplace_back(b.begin() + pos, b.begin() + pos + len);
    pos += len;
    return true;
  };
  uint32_t magic, version, count;
  if (!u32(&magic) || (magic != jks::kJksMagic && magic != jks::kJceksMagic) || !u32(&version) || !u32(&count))
    return out;
  for (uint32_t e = 0; e < count; ++e) {
    uint32_t tag, n;
    if (!u32(&tag) || !utf() || !skip(8)) return out;
    if (tag == jks::kPrivateKeyTag) {
      if (!u32(&n) || !skip(n) || !u32(&n)) return out;
      for (uint32_t i = 0; i < n; ++i) {
        if (!cert(version)) return out;
      }
    } else if (tag == jks::kTrustedCertTag) {
      if (!cert(version)) return out;
    } else {
      return out;
    }
  }
  return out;
}

struct CorpusStore {
  std::string file;
  std::string type;
  std::string password;
};

// MANIFEST.tsv rows keytool can open with a plain store password.
std::vector<CorpusStore> corpus_stores(const fs::path& corpus) {
  std::vector<CorpusStore> out;
  std::istringstream in(file_text(corpus / "MANIFEST.tsv"));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> cols;
    std::string col;
    std::istringstream row(line);
    while (std::getline(row, col, '\t')) cols.push_back(col);
    if (cols.size() < 7 || cols[6] != "ok") continue;
    const std::string& format = cols[2];
    std::string type = format == "jks" ? "JKS" : format == "jceks" ? "JCEKS" : format == "pkcs12" ? "PKCS12" : "";
    const std::string& pw = cols[3];
    if (type.empty() || pw.size() < 2 || pw.front() != '"' || pw.back() != '"') continue;
    const std::string password = pw.substr(1, pw.size() - 2);
    if (password.find('\\') != std::string::npos) continue;  // JSON escapes: not worth decoding here
    out.push_back({cols[0], type, password});
  }
  return out;
}

// Prints every certificate with one keytool run ("Certificate[i]:" before
// each, an empty line between) and compares each block with
// certificate_text. Returns how many matched byte for byte.
int compare_with_keytool(const std::string& keytool, const std::vector<Bytes>& certs) {
  const std::string env = "TZ=UTC LC_ALL=C.UTF-8 ";
  // One keytool run prints them all: "Certificate[i]:" before each, an empty line between.
  const fs::path tmp = fs::temp_directory_path() / ("kstore-x509-corpus-" + std::to_string(getpid()) + ".pem");
  {
    std::ofstream out(tmp, std::ios::binary);
    for (const Bytes& c : certs) out << to_pem(c, PemLineEndings::kUnix);
  }
  const std::string printed = run(env + shell_quote(keytool) + " -printcert -file " + shell_quote(tmp.string()) +
                                  " 2>/dev/null </dev/null");
  fs::remove(tmp);

  size_t pos = 0;
  int matched = 0;
  for (size_t i = 0; i < certs.size(); ++i) {
    SCOPED_TRACE("corpus certificate " + std::to_string(i + 1));
    const std::string head = "Certificate[" + std::to_string(i + 1) + "]:\n";
    if (printed.compare(pos, head.size(), head) != 0) {
      ADD_FAILURE() << "keytool output out of step";
      return matched;
    }
    pos += head.size();
    const std::string next = "\nCertificate[" + std::to_string(i + 2) + "]:\n";
    size_t end = i + 1 < certs.size() ? printed.find(next, pos) : printed.size();
    if (end == std::string::npos) {
      ADD_FAILURE() << "keytool output out of step";
      return matched;
    }
    const std::string expected = printed.substr(pos, end - pos);
    pos = i + 1 < certs.size() ? end + 1 : end;
    auto text = certificate_text(certs[i]);
    if (!text.ok()) {
      ADD_FAILURE() << text.status().to_string();
      continue;
    }
    EXPECT_EQ(*text, expected) << first_difference(expected, *text) << "\n" << to_pem(certs[i], PemLineEndings::kUnix);
    if (*text == expected) ++matched;
  }
  return matched;
}

TEST(KeytoolCertificateText, EveryCorpusCertificateMatchesInstalledKeytool) {
  const std::string keytool = keytool_path();
  if (keytool.empty()) GTEST_SKIP() << "keytool is not installed";
  const fs::path corpus = kstore::testing::corpus::corpus_dir();
  if (!fs::exists(corpus / "MANIFEST.tsv")) GTEST_SKIP() << "no corpus at " << corpus;
  UtcZone utc;
  const std::string env = "TZ=UTC LC_ALL=C.UTF-8 ";

  // Every distinct certificate of every store. A JVM start costs about a
  // second, so JKS/JCEKS certificates are read directly and PKCS#12 ones
  // through openssl; keytool lists only what neither could read.
  const std::vector<CorpusStore> stores = corpus_stores(corpus);
  std::vector<std::string> listings(stores.size());
  int listed_by_keytool = 0;
  for (size_t i = 0; i < stores.size(); ++i) {
    const CorpusStore& s = stores[i];
    const fs::path file = corpus / s.file;
    if (s.type != "PKCS12") {
      const std::string bytes = file_text(file);
      for (const Bytes& c : java_keystore_certificates(as_bytes(bytes))) listings[i] += to_pem(c, PemLineEndings::kUnix);
    } else {
      for (const char* legacy : {"", " -legacy", " -legacy -nomacver"}) {
        listings[i] = run("openssl pkcs12 -nokeys" + std::string(legacy) + " -in " + shell_quote(file.string()) +
                          " -passin " + shell_quote("pass:" + s.password) + " 2>/dev/null </dev/null");
        if (listings[i].find("-----BEGIN CERTIFICATE-----") != std::string::npos) break;
      }
    }
    if (listings[i].find("-----BEGIN CERTIFICATE-----") == std::string::npos) {
      ++listed_by_keytool;
      listings[i] = run(env + shell_quote(keytool) + " -list -rfc -keystore " + shell_quote(file.string()) +
                        " -storetype " + s.type + " -storepass " + shell_quote(s.password) + " 2>/dev/null </dev/null");
    }
  }
  std::vector<Bytes> certs;
  std::set<Bytes> seen;
  for (size_t i = 0; i < stores.size(); ++i) {
    if (listings[i].find("-----BEGIN CERTIFICATE-----") == std::string::npos) continue;
    auto found = parse_certificates(as_bytes(listings[i]));
    ASSERT_TRUE(found.ok()) << stores[i].file << ": " << found.status().to_string();
    for (Bytes& c : *found) {
      if (seen.insert(c).second) certs.push_back(std::move(c));
    }
  }
  ASSERT_GE(certs.size(), 75u) << "the JDK 10 cacerts alone has 75 certificates";

  const int matched = compare_with_keytool(keytool, certs);
  std::printf("[ corpus   ] %d of %zu certificates from %zu stores (%d listed by keytool) byte-identical to keytool -printcert\n",
              matched, certs.size(), stores.size(), listed_by_keytool);
}

// The system's trust store: over a hundred current root certificates.
TEST(KeytoolCertificateText, EverySystemTrustAnchorMatchesInstalledKeytool) {
  const std::string keytool = keytool_path();
  if (keytool.empty()) GTEST_SKIP() << "keytool is not installed";
  const fs::path bundle = "/etc/ssl/certs/ca-certificates.crt";
  if (!fs::exists(bundle)) GTEST_SKIP() << "no " << bundle;
  UtcZone utc;
  auto certs = parse_certificates(as_bytes(file_text(bundle)));
  ASSERT_TRUE(certs.ok()) << certs.status().to_string();
  const int matched = compare_with_keytool(keytool, *certs);
  std::printf("[ roots    ] %d of %zu certificates byte-identical to keytool -printcert\n", matched, certs->size());
}

}  // namespace
}  // namespace kstore::keytool
