// Reader for the known-answer files in testdata/kat/*.vec.
//
// Format (after randombit/botan's src/tests/data/*.vec): `#` starts a comment
// line, `[Name]` starts a section, `Key = value` lines form a record, and a
// blank line ends it. Every record carries the section it appeared in.
#pragma once

#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "crypto/crypto.h"
#include "kstore/bytes.h"
#include "support/fixtures.h"

namespace kstore::kat {

struct KatRecord {
  std::string section;
  int line = 0;  // where the record starts, for SCOPED_TRACE
  std::map<std::string, std::string> fields;

  const std::string& text(const std::string& key) const {
    static const std::string kMissing;
    auto it = fields.find(key);
    EXPECT_NE(it, fields.end()) << "line " << line << ": no field " << key;
    return it == fields.end() ? kMissing : it->second;
  }
  bool has(const std::string& key) const { return fields.count(key) != 0; }
  Bytes hex(const std::string& key) const;
  uint64_t number(const std::string& key) const { return std::stoull(text(key)); }
  std::string where() const { return "[" + section + "] record at line " + std::to_string(line); }
};

inline Bytes parse_hex(const std::string& hex) {
  Bytes out;
  EXPECT_EQ(hex.size() % 2, 0u) << "odd-length hex " << hex;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<uint8_t>(std::stoul(hex.substr(i, 2), nullptr, 16)));
  return out;
}

inline Bytes KatRecord::hex(const std::string& key) const { return parse_hex(text(key)); }

inline std::string trim(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

// Reads testdata/kat/<name>; fails the current test if the file is missing or empty.
inline std::vector<KatRecord> read_kat_file(const std::string& name) {
  std::vector<KatRecord> records;
  std::istringstream in(kstore::testing::testdata_text("kat/" + name));
  std::string section, line;
  KatRecord current;
  int line_no = 0;
  auto flush = [&] {
    if (!current.fields.empty()) records.push_back(std::move(current));
    current = KatRecord{};
  };
  while (std::getline(in, line)) {
    ++line_no;
    const std::string t = trim(line);
    if (t.empty()) {
      flush();
    } else if (t[0] == '#') {
      continue;
    } else if (t[0] == '[') {
      flush();
      section = t.substr(1, t.find(']') - 1);
    } else {
      const size_t eq = t.find('=');
      EXPECT_NE(eq, std::string::npos) << name << ":" << line_no << ": not Key = value";
      if (eq == std::string::npos) continue;
      if (current.fields.empty()) {
        current.section = section;
        current.line = line_no;
      }
      current.fields[trim(t.substr(0, eq))] = trim(t.substr(eq + 1));
    }
  }
  flush();
  EXPECT_FALSE(records.empty()) << "no records in testdata/kat/" << name;
  return records;
}

inline constexpr crypto::HashAlg kAllHashes[] = {
    crypto::HashAlg::kMd5,    crypto::HashAlg::kSha1,   crypto::HashAlg::kSha224,     crypto::HashAlg::kSha256,
    crypto::HashAlg::kSha384, crypto::HashAlg::kSha512, crypto::HashAlg::kSha512_224, crypto::HashAlg::kSha512_256,
};

// Section names in the .vec files are crypto::hash_name() spellings.
inline crypto::HashAlg hash_from_name(const std::string& name) {
  for (crypto::HashAlg h : kAllHashes)
    if (name == crypto::hash_name(h)) return h;
  ADD_FAILURE() << "unknown hash " << name;
  return crypto::HashAlg::kSha1;
}

inline constexpr crypto::CipherAlg kAllCiphers[] = {
    crypto::CipherAlg::kDesCbc,    crypto::CipherAlg::kDesEde3Cbc, crypto::CipherAlg::kAes128Cbc,
    crypto::CipherAlg::kAes192Cbc, crypto::CipherAlg::kAes256Cbc,  crypto::CipherAlg::kRc2Cbc,
    crypto::CipherAlg::kRc4,
};

// Section names in cipher.vec are crypto::cipher_name() spellings.
inline crypto::CipherAlg cipher_from_name(const std::string& name) {
  for (crypto::CipherAlg c : kAllCiphers)
    if (name == crypto::cipher_name(c)) return c;
  ADD_FAILURE() << "unknown cipher " << name;
  return crypto::CipherAlg::kAes128Cbc;
}

// Every backend built into this binary: OpenSSL always, Crypto++ when enabled.
inline std::vector<const crypto::Backend*> all_backends() {
  std::vector<const crypto::Backend*> out{&crypto::openssl_backend()};
  if (const crypto::Backend* cryptopp = crypto::cryptopp_backend()) out.push_back(cryptopp);
  return out;
}

}  // namespace kstore::kat
