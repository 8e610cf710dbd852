// Keystore alias lookup (the JDK's rule: exact alias first, then
// toLowerCase(Locale.ENGLISH) on both sides) through its index, across
// append, put, remove and rename.
#include <gtest/gtest.h>

#include <type_traits>
#include <utility>

#include "kstore/keystore.h"

namespace kstore {
namespace {

Entry named(const std::string& alias, EntryType type = EntryType::kTrustedCert) {
  Entry e;
  e.alias = alias;
  e.type = type;
  return e;
}

TEST(KeystoreModel, ExactAliasWinsOverCaseInsensitiveOne) {
  Keystore ks;
  ks.append(named("Mixed"));
  ks.append(named("mixed"));
  ASSERT_NE(ks.find("mixed"), nullptr);
  EXPECT_EQ(ks.find("mixed"), &ks.entries()[1]);
  EXPECT_EQ(ks.find("Mixed"), &ks.entries()[0]);
  EXPECT_EQ(ks.find("MIXED"), &ks.entries()[0]);  // the first in entry order
  EXPECT_EQ(ks.find("other"), nullptr);
}

// An entry found by alias cannot be changed behind the index's back: even a
// non-const store hands out const entries; put() and rename() change them.
static_assert(std::is_same_v<decltype(std::declval<Keystore&>().find("a")), const Entry*>);

TEST(KeystoreModel, PutReplacesInPlaceCaseInsensitively) {
  Keystore ks;
  ks.put(named("a"));
  ks.put(named("B"));
  ks.put(named("b", EntryType::kPrivateKey));
  ASSERT_EQ(ks.size(), 2u);
  EXPECT_EQ(ks.entries()[1].alias, "b");
  EXPECT_EQ(ks.entries()[1].type, EntryType::kPrivateKey);
  EXPECT_EQ(ks.find("B"), &ks.entries()[1]);
}

TEST(KeystoreModel, RemoveAndRenameKeepLookupsRight) {
  Keystore ks;
  for (int i = 0; i < 50; ++i) ks.append(named("Entry-" + std::to_string(i)));
  ASSERT_TRUE(ks.remove("entry-10"));
  EXPECT_FALSE(ks.remove("entry-10"));
  EXPECT_EQ(ks.size(), 49u);
  ASSERT_NE(ks.find("ENTRY-11"), nullptr);
  EXPECT_EQ(ks.find("ENTRY-11")->alias, "Entry-11");
  EXPECT_EQ(ks.find("entry-49"), &ks.entries().back());

  ASSERT_TRUE(ks.rename("entry-20", "Renamed").ok());
  EXPECT_EQ(ks.find("entry-20"), nullptr);
  ASSERT_NE(ks.find("renamed"), nullptr);
  EXPECT_EQ(ks.find("renamed")->alias, "Renamed");
  EXPECT_EQ(ks.rename("renamed", "ENTRY-21").code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(ks.rename("absent", "x").code(), ErrorCode::kNotFound);

  Keystore copy = ks;
  copy.put(named("late"));
  EXPECT_NE(copy.find("LATE"), nullptr);
  EXPECT_EQ(ks.find("late"), nullptr);
}

TEST(KeystoreModel, NonAsciiAliasesFoldLikeJava) {
  Keystore ks;
  ks.append(named("Schlüssel-КЛЮЧ"));
  EXPECT_NE(ks.find("schlüssel-ключ"), nullptr);
}

}  // namespace
}  // namespace kstore
