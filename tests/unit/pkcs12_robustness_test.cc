// Hostile and damaged PKCS#12 input: a flipped bit anywhere under the MAC is
// kIntegrityFailure, iteration counts above the cap are refused before any
// derivation, truncations and corruptions fail cleanly, and failures that
// kstore can attribute say which password is at fault.
#include <gtest/gtest.h>

#include "crypto/crypto.h"
#include "der/reader.h"
#include "der/writer.h"
#include "kstore/keystore.h"
#include "kstore/pkcs12.h"
#include "kstore/sealing.h"
#include "pbe/pbe_oids.h"
#include "pkcs12/mac.h"
#include "support/fixtures.h"
#include "support/truncation.h"

namespace kstore {
namespace {

Bytes fixture(const std::string& name) { return testing::testdata_bytes("pkcs12/" + name); }

const Password kChangeit = Password::from_utf8("changeit");

// The parts of a PFX, as views into the file.
struct PfxParts {
  ByteView version, auth_safe_content_info, auth_safe, mac_data, mac_value;
};

PfxParts split(ByteView file) {
  PfxParts p;
  der::Reader top(file);
  auto pfx = top.read_sequence();
  EXPECT_TRUE(pfx.ok());
  p.version = pfx->read_element(der::kInteger)->encoding;
  auto ci = pfx->read_element(der::kSequence);
  p.auth_safe_content_info = ci->encoding;
  der::Reader ci_reader(ci->contents);
  (void)ci_reader.read_oid();
  auto explicit0 = ci_reader.read_explicit(0);
  p.auth_safe = *explicit0->read_octet_string();
  if (!pfx->empty()) {
    auto mac_data = pfx->read_element(der::kSequence);
    p.mac_data = mac_data->encoding;
    der::Reader md(mac_data->contents);
    auto digest_info = md.read_sequence();
    (void)digest_info->read_element(der::kSequence);
    p.mac_value = *digest_info->read_octet_string();
  }
  return p;
}

size_t offset_of(ByteView file, ByteView part) { return static_cast<size_t>(part.data() - file.data()); }

TEST(Pkcs12Integrity, FlippedMacBitsAreIntegrityFailures) {
  for (const char* name : {"jdk17_modern.p12", "ossl_legacy.p12", "ossl_sha512mac.p12"}) {
    SCOPED_TRACE(name);
    const Bytes good = fixture(name);
    const PfxParts parts = split(good);
    ASSERT_FALSE(parts.mac_value.empty());
    const size_t start = offset_of(good, parts.mac_value);
    for (size_t i = 0; i < parts.mac_value.size(); ++i) {
      SCOPED_TRACE(i);
      Bytes bad = good;
      bad[start + i] ^= static_cast<uint8_t>(1u << (i % 8));  // one bit of every byte, each bit position in turn
      auto store = load_keystore(bad, &kChangeit);
      ASSERT_FALSE(store.ok());
      EXPECT_EQ(store.status().code(), ErrorCode::kIntegrityFailure) << store.status().to_string();
    }
  }
}

// The MAC is checked before any SafeContents is parsed or decrypted, so
// damage anywhere under it is reported as what it is.
TEST(Pkcs12Integrity, FlipsUnderTheMacAreIntegrityFailures) {
  const Bytes good = fixture("jdk17_modern.p12");
  const PfxParts parts = split(good);
  const size_t start = offset_of(good, parts.auth_safe);
  for (size_t i = 0; i < parts.auth_safe.size(); i += 97) {
    SCOPED_TRACE(i);
    Bytes bad = good;
    bad[start + i] ^= 0x10;
    auto store = load_keystore(bad, &kChangeit);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), ErrorCode::kIntegrityFailure) << store.status().to_string();
  }
}

TEST(Pkcs12Integrity, WrongStorePasswordIsAnIntegrityFailure) {
  const Password wrong = Password::from_utf8("wrong-password");
  for (const char* name : {"jdk17_modern.p12", "ossl_legacy.p12", "ossl_empty.p12"}) {
    SCOPED_TRACE(name);
    auto store = load_keystore(fixture(name), &wrong);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), ErrorCode::kIntegrityFailure);
    EXPECT_EQ(store.status().message().find("wrong-password"), std::string::npos);
  }
}

// A file without a MAC: a wrong password shows when the certificates do not
// decrypt, and that too reads as "keystore password was incorrect".
TEST(Pkcs12Integrity, WrongPasswordWithoutMac) {
  auto store = load_keystore(fixture("ossl_modern.p12"), &kChangeit);
  ASSERT_TRUE(store.ok());
  store->pkcs12_protection()->mac.reset();
  auto saved = save_keystore(*store, kChangeit);
  ASSERT_TRUE(saved.ok()) << saved.status().to_string();
  const Password wrong = Password::from_utf8("wrong-password");
  auto reloaded = load_keystore(*saved, &wrong);
  ASSERT_FALSE(reloaded.ok());
  EXPECT_EQ(reloaded.status().code(), ErrorCode::kIntegrityFailure) << reloaded.status().to_string();
  EXPECT_NE(reloaded.status().message().find("keystore password was incorrect"), std::string::npos);
}

// The MAC verifies, yet no password encoding opens the certificates: the
// password is right, so kstore says the encoding is the problem.
TEST(Pkcs12Integrity, MacVerifiesButCipherDoesNotSaysEncoding) {
  const Bytes good = fixture("ossl_modern.p12");
  const PfxParts parts = split(good);
  const Password other = Password::from_utf8("another-password");
  Pkcs12Protection protection = pkcs12_profile_protection(Pkcs12Profile::kModern);
  protection.mac_iterations = 1000;
  der::Writer pfx;
  pfx.sequence([&](der::Writer& w) {
    w.raw(parts.version);
    w.raw(parts.auth_safe_content_info);
    ASSERT_TRUE(pkcs12::write_mac_data(w, crypto::default_backend(), protection, parts.auth_safe, other).ok());
  });
  const Bytes remac = *std::move(pfx).finish();
  auto store = load_keystore(remac, &other);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), ErrorCode::kBadPassword) << store.status().to_string();
  EXPECT_NE(store.status().message().find("MAC verified"), std::string::npos) << store.status().to_string();
}

Bytes pfx_with(ByteView version, ByteView auth_safe_ci, const der::Writer::Body& mac_data) {
  der::Writer w;
  w.sequence([&](der::Writer& p) {
    p.raw(version);
    p.raw(auth_safe_ci);
    if (mac_data) mac_data(p);
  });
  return *std::move(w).finish();
}

// MacData with a huge iteration count and a MAC of zeros: if anything were
// derived before the check, this test would not finish.
TEST(Pkcs12Limits, MacIterationsAboveTheCapAreRefusedFirst) {
  const Bytes good = fixture("jdk17_modern.p12");
  const PfxParts parts = split(good);
  for (uint64_t iterations : {uint64_t{5'000'001}, uint64_t{1} << 40}) {
    SCOPED_TRACE(iterations);
    const Bytes bad = pfx_with(parts.version, parts.auth_safe_content_info, [&](der::Writer& p) {
      p.sequence([&](der::Writer& md) {
        md.sequence([&](der::Writer& di) {
          di.sequence([&](der::Writer& ai) {
            ai.oid(pbe::oid::kSha256);
            ai.null();
          });
          di.octet_string(Bytes(32, 0));
        });
        md.octet_string(Bytes(20, 7));
        md.uint64(iterations);
      });
    });
    auto store = load_keystore(bad, &kChangeit);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), ErrorCode::kLimitExceeded) << store.status().to_string();
    // Without a password nothing is derived and, as KeyStore.load(stream,
    // null), the load does not fail for what it does not check.
    auto unverified = load_keystore(bad, nullptr);
    EXPECT_TRUE(unverified.ok()) << unverified.status().to_string();
  }
  Limits strict;
  strict.max_kdf_iterations = 2047;
  LoadOptions options;
  options.limits = strict;
  auto store = load_keystore(fixture("ossl_modern.p12"), &kChangeit, options);
  EXPECT_EQ(store.status().code(), ErrorCode::kLimitExceeded);
}

// An encryptedData whose PBES2 parameters ask for 2^40 iterations, in a
// MAC-less file: refused as "cert PBE" before decrypting.
TEST(Pkcs12Limits, CertificateAndKeyIterationsAboveTheCapAreRefusedFirst) {
  auto pbes2 = [](der::Writer& w, uint64_t iterations) {
    w.sequence([&](der::Writer& ai) {
      ai.oid(pbe::oid::kPbes2);
      ai.sequence([&](der::Writer& p) {
        p.sequence([&](der::Writer& kdf) {
          kdf.oid(pbe::oid::kPbkdf2);
          kdf.sequence([&](der::Writer& k) {
            k.octet_string(Bytes(20, 1));
            k.uint64(iterations);
            k.uint64(32);
            k.sequence([](der::Writer& prf) {
              prf.oid(pbe::oid::kHmacWithSha256);
              prf.null();
            });
          });
        });
        p.sequence([](der::Writer& s) {
          s.oid(pbe::oid::kAes256Cbc);
          s.octet_string(Bytes(16, 2));
        });
      });
    });
  };
  const uint64_t huge = uint64_t{1} << 40;
  der::Writer auth_safe;
  auth_safe.sequence([&](der::Writer& infos) {
    infos.sequence([&](der::Writer& ci) {
      ci.oid(der::oid_from_string("1.2.840.113549.1.7.6"));
      ci.explicit_tag(0, [&](der::Writer& c) {
        c.sequence([&](der::Writer& ed) {
          ed.uint64(0);
          ed.sequence([&](der::Writer& eci) {
            eci.oid(der::oid_from_string("1.2.840.113549.1.7.1"));
            pbes2(eci, huge);
            eci.primitive(0x80, Bytes(48, 3));
          });
        });
      });
    });
  });
  const Bytes auth = *std::move(auth_safe).finish();
  der::Writer ci;
  ci.sequence([&](der::Writer& w) {
    w.oid(der::oid_from_string("1.2.840.113549.1.7.1"));
    w.explicit_tag(0, [&](der::Writer& c) { c.octet_string(auth); });
  });
  const Bytes version = {0x02, 0x01, 0x03};
  const Bytes file = pfx_with(version, *std::move(ci).finish(), nullptr);
  auto store = load_keystore(file, &kChangeit);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), ErrorCode::kLimitExceeded) << store.status().to_string();
  EXPECT_NE(store.status().message().find("cert PBE"), std::string::npos);

  der::Writer epki;
  epki.sequence([&](der::Writer& w) {
    pbes2(w, huge);
    w.octet_string(Bytes(48, 3));
  });
  auto key = unseal_private_key(SealedKey{KeyProtection::kPkcs12Shrouded, *std::move(epki).finish()}, kChangeit);
  ASSERT_FALSE(key.ok());
  EXPECT_EQ(key.status().code(), ErrorCode::kLimitExceeded) << key.status().to_string();
  EXPECT_NE(key.status().message().find("key PBE"), std::string::npos);
}

void expect_clean_failure(const Result<Keystore>& r) {
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().code(), ErrorCode::kInternal) << r.status().to_string();
  EXPECT_FALSE(r.status().message().empty());
}

TEST(Pkcs12Robustness, EveryTruncationFailsCleanly) {
  for (const char* name : {"jdk17_legacy.p12", "ossl_nokeys.p12", "jdk17_passwordless.p12"}) {
    SCOPED_TRACE(name);
    const Bytes good = fixture(name);
    testing::for_each_truncation(good, [](ByteView prefix, size_t) {
      expect_clean_failure(load_keystore(prefix, &kChangeit));
      expect_clean_failure(load_keystore(prefix, nullptr));
    });
  }
}

// Without a MAC nothing stops damage from reaching the parsers: every byte
// of a password-less store, changed, either still loads or fails cleanly.
TEST(Pkcs12Robustness, CorruptedUnauthenticatedStoresFailCleanly) {
  const Bytes good = fixture("jdk17_passwordless.p12");
  for (size_t i = 0; i < good.size(); i += 4) {
    for (uint8_t x : {uint8_t{0x01}, uint8_t{0xff}}) {
      Bytes bad = good;
      bad[i] ^= x;
      auto store = load_keystore(bad, nullptr);
      if (!store.ok()) {
        SCOPED_TRACE(i);
        EXPECT_NE(store.status().code(), ErrorCode::kInternal) << store.status().to_string();
      }
    }
  }
}

// Windows and Bouncy Castle write BER: indefinite lengths and the authSafe
// as a constructed OCTET STRING. The MAC covers the octets, not their framing.
TEST(Pkcs12Robustness, BerFramingLoadsLikeDer) {
  const Bytes good = fixture("jdk17_modern.p12");
  const PfxParts parts = split(good);
  Bytes ber = {0x30, 0x80};
  ber.insert(ber.end(), parts.version.begin(), parts.version.end());
  const Bytes data_oid = {0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01};
  ber.insert(ber.end(), {0x30, 0x80});
  ber.insert(ber.end(), data_oid.begin(), data_oid.end());
  ber.insert(ber.end(), {0xa0, 0x80, 0x24, 0x80});
  for (size_t off = 0; off < parts.auth_safe.size(); off += 1000) {
    const ByteView chunk = parts.auth_safe.subspan(off, std::min<size_t>(1000, parts.auth_safe.size() - off));
    ber.push_back(0x04);
    der::append_length(ber, chunk.size());
    ber.insert(ber.end(), chunk.begin(), chunk.end());
  }
  ber.insert(ber.end(), {0x00, 0x00, 0x00, 0x00, 0x00, 0x00});
  ber.insert(ber.end(), parts.mac_data.begin(), parts.mac_data.end());
  ber.insert(ber.end(), {0x00, 0x00});
  auto from_ber = load_keystore(ber, &kChangeit);
  ASSERT_TRUE(from_ber.ok()) << from_ber.status().to_string();
  auto from_der = load_keystore(good, &kChangeit);
  ASSERT_TRUE(from_der.ok());
  ASSERT_EQ(from_ber->size(), from_der->size());
  for (size_t i = 0; i < from_der->size(); ++i) {
    EXPECT_EQ(from_ber->entries()[i].alias, from_der->entries()[i].alias);
    EXPECT_EQ(from_ber->entries()[i].chain.size(), from_der->entries()[i].chain.size());
  }
}

TEST(Pkcs12Robustness, TrailingBytesAreNotedAndIgnored) {
  Bytes file = fixture("ossl_modern.p12");
  file.insert(file.end(), {0, 0, 0, 0});
  auto store = load_keystore(file, &kChangeit);
  ASSERT_TRUE(store.ok()) << store.status().to_string();
  bool noted = false;
  for (const std::string& n : store->load_info().notes) noted |= n.find("after the PFX") != std::string::npos;
  EXPECT_TRUE(noted);
}

}  // namespace
}  // namespace kstore
