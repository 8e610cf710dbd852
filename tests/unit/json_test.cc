// The strict JSON reader used by the corpus tests.
#include "support/json.h"

#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>
#include <string>

namespace kstore::testing::json {
namespace {

Value must_parse(std::string_view text) {
  auto v = parse(text);
  EXPECT_TRUE(v.ok()) << text << ": " << v.status().to_string();
  return v.ok() ? std::move(v).value() : Value();
}

TEST(Json, Literals) {
  EXPECT_TRUE(must_parse("null").is_null());
  EXPECT_TRUE(must_parse("true").as_bool());
  EXPECT_FALSE(must_parse(" false ").as_bool());
  EXPECT_TRUE(must_parse("\t\r\n null \n").is_null());
}

TEST(Json, Integers) {
  EXPECT_EQ(must_parse("0").as_int(), 0);
  EXPECT_EQ(must_parse("-0").as_int(), 0);
  EXPECT_EQ(must_parse("1463338684456").as_int(), 1463338684456);
  EXPECT_EQ(must_parse("-42").as_int(), -42);
  EXPECT_EQ(must_parse("9223372036854775807").as_int(), std::numeric_limits<int64_t>::max());
  EXPECT_EQ(must_parse("-9223372036854775808").as_int(), std::numeric_limits<int64_t>::min());
  // Beyond int64: a double, not an error and not a wrapped integer.
  const Value big = must_parse("9223372036854775808");
  EXPECT_EQ(big.type(), Type::kDouble);
  EXPECT_DOUBLE_EQ(big.as_double(), 9223372036854775808.0);
}

TEST(Json, Doubles) {
  EXPECT_EQ(must_parse("0.0").type(), Type::kDouble);
  EXPECT_DOUBLE_EQ(must_parse("1.5").as_double(), 1.5);
  EXPECT_DOUBLE_EQ(must_parse("-2.25e2").as_double(), -225.0);
  EXPECT_DOUBLE_EQ(must_parse("1E+3").as_double(), 1000.0);
  EXPECT_DOUBLE_EQ(must_parse("5e-1").as_double(), 0.5);
  EXPECT_EQ(must_parse("1e2").type(), Type::kDouble);  // an exponent makes it a double
  EXPECT_DOUBLE_EQ(must_parse("7").as_double(), 7.0);  // integers read as doubles on request
}

TEST(Json, Strings) {
  EXPECT_EQ(must_parse(R"("")").as_string(), "");
  EXPECT_EQ(must_parse(R"("abc")").as_string(), "abc");
  EXPECT_EQ(must_parse(R"("\"\\\/\b\f\n\r\t")").as_string(), "\"\\/\b\f\n\r\t");
  EXPECT_EQ(must_parse(R"("\u0041\u00e4\u263A")").as_string(), "A\xc3\xa4\xe2\x98\xba");
  // U+1F600 as a surrogate pair becomes one 4-byte UTF-8 sequence.
  EXPECT_EQ(must_parse(R"("\ud83d\ude00")").as_string(), "\xf0\x9f\x98\x80");
  EXPECT_EQ(must_parse(R"("\uD834\uDD1E")").as_string(), "\xf0\x9d\x84\x9e");
  // An escaped NUL stays in the string (corpus alias "6bc162da\u0000").
  const std::string with_nul = must_parse(R"("6bc162da\u0000")").as_string();
  EXPECT_EQ(with_nul, std::string("6bc162da\0", 9));
  // Raw UTF-8 passes through unchanged.
  EXPECT_EQ(must_parse("\"M\xc3\xb6tley Cr\xc3\xbc" "e\"").as_string(), "M\xc3\xb6tley Cr\xc3\xbc" "e");
  EXPECT_EQ(must_parse("\"\xe1\x83\x9a(\xe0\xb2\xa0\xe7\x9b\x8a\xe0\xb2\xa0\xe1\x83\x9a)\"").as_string(),
            "\xe1\x83\x9a(\xe0\xb2\xa0\xe7\x9b\x8a\xe0\xb2\xa0\xe1\x83\x9a)");
  EXPECT_EQ(must_parse("\"\xf0\x9f\x98\x80\"").as_string(), "\xf0\x9f\x98\x80");
}

TEST(Json, ArraysAndObjects) {
  const Value v = must_parse(R"( {"files": [ {"a": 1, "b": [true, null, "x"], "c": {}}, [] ], "n": -1.5 } )");
  ASSERT_TRUE(v.is_object());
  EXPECT_EQ(v.size(), 2u);
  const Value& files = v["files"];
  ASSERT_TRUE(files.is_array());
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0]["a"].as_int(), 1);
  EXPECT_TRUE(files[0]["b"][0].as_bool());
  EXPECT_TRUE(files[0]["b"][1].is_null());
  EXPECT_EQ(files[0]["b"][2].as_string(), "x");
  EXPECT_TRUE(files[0]["c"].is_object());
  EXPECT_EQ(files[0]["c"].size(), 0u);
  EXPECT_TRUE(files[1].is_array());
  EXPECT_EQ(files[1].size(), 0u);
  EXPECT_DOUBLE_EQ(v["n"].as_double(), -1.5);
  // Absent members read as null; find() tells absent from null.
  EXPECT_TRUE(v["missing"].is_null());
  EXPECT_EQ(v.find("missing"), nullptr);
  EXPECT_NE(v.find("n"), nullptr);
  // Members keep document order.
  const Value ordered = must_parse(R"({"z":1,"a":2,"m":3})");
  ASSERT_EQ(ordered.as_object().size(), 3u);
  EXPECT_EQ(ordered.as_object()[0].name, "z");
  EXPECT_EQ(ordered.as_object()[1].name, "a");
  EXPECT_EQ(ordered.as_object()[2].name, "m");
}

TEST(Json, DumpRoundTrips) {
  const std::string text = R"({"a":[1,-2,true,false,null,"q\"\\\n\u0001"],"b":{"c":1.5}})";
  const Value v = must_parse(text);
  EXPECT_EQ(v.dump(), text);
  EXPECT_EQ(must_parse(v.dump()).dump(), text);
}

TEST(Json, RejectsMalformedInput) {
  const struct Case {
    const char* name;
    std::string text;
  } cases[] = {
      {"empty", ""},
      {"whitespace only", "  \n"},
      {"trailing comma in array", "[1,]"},
      {"trailing comma in object", R"({"a":1,})"},
      {"missing comma", "[1 2]"},
      {"missing colon", R"({"a" 1})"},
      {"unquoted name", "{a:1}"},
      {"single quotes", "'a'"},
      {"duplicate name", R"({"a":1,"a":2})"},
      {"unterminated array", "[1"},
      {"unterminated object", R"({"a":1)"},
      {"unterminated string", R"("abc)"},
      {"second value", "1 2"},
      {"trailing garbage", "{} x"},
      {"leading zero", "01"},
      {"negative leading zero", "-01"},
      {"bare minus", "-"},
      {"plus sign", "+1"},
      {"dot without digits", "1."},
      {"leading dot", ".5"},
      {"empty exponent", "1e"},
      {"exponent sign only", "1e+"},
      {"hex number", "0x10"},
      {"infinity", "Infinity"},
      {"nan", "NaN"},
      {"huge double", "1e400"},
      {"truncated literal", "tru"},
      {"capitalised literal", "True"},
      {"literal with suffix", "nullx"},
      {"raw control character", std::string("\"a\x01" "b\"")},
      {"raw newline in string", "\"a\nb\""},
      {"raw tab in string", "\"a\tb\""},
      {"unknown escape", R"("\x41")"},
      {"escaped single quote", R"("\'")"},
      {"short unicode escape", R"("\u12")"},
      {"bad hex in escape", R"("\u12G4")"},
      {"lone high surrogate", R"("\ud83d")"},
      {"high surrogate then text", R"("\ud83dx")"},
      {"high surrogate then non-surrogate", R"("\ud83d\u0041")"},
      {"lone low surrogate", R"("\ude00")"},
      {"two high surrogates", R"("\ud83d\ud83d")"},
      {"invalid UTF-8 byte", "\"\xff\""},
      {"UTF-8 continuation alone", "\"\x80\""},
      {"overlong UTF-8", "\"\xc0\xaf\""},
      {"overlong 3-byte UTF-8", "\"\xe0\x80\xaf\""},
      {"UTF-8 encoded surrogate", "\"\xed\xa0\x80\""},
      {"UTF-8 above U+10FFFF", "\"\xf4\x90\x80\x80\""},
      {"truncated UTF-8", "\"\xe2\x98\""},
      {"byte order mark", "\xef\xbb\xbf{}"},
      {"comment", "[1] // c"},
      {"NUL byte outside string", std::string("[1]\0", 4)},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto v = parse(c.text);
    ASSERT_FALSE(v.ok()) << "accepted: " << v->dump();
    EXPECT_EQ(v.status().code(), ErrorCode::kMalformed);
  }
}

TEST(Json, ErrorsNameLineAndColumn) {
  auto v = parse("{\n  \"a\": [1,\n  ]\n}");
  ASSERT_FALSE(v.ok());
  EXPECT_NE(v.status().message().find("line 3, column 3"), std::string::npos) << v.status().message();
}

TEST(Json, NestingLimit) {
  const std::string deep_ok = std::string(10, '[') + std::string(10, ']');
  ParseOptions options;
  options.max_depth = 10;
  EXPECT_TRUE(parse(deep_ok, options).ok());
  const std::string too_deep = std::string(11, '[') + std::string(11, ']');
  auto v = parse(too_deep, options);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), ErrorCode::kMalformed);
  // The default limit stops hostile depth without exhausting the stack.
  const std::string hostile = std::string(100000, '[');
  EXPECT_FALSE(parse(hostile).ok());
}

TEST(Json, AccessorsCheckTheType) {
  const Value v = must_parse(R"({"s":"x","i":1,"a":[]})");
  EXPECT_THROW(v["s"].as_int(), std::logic_error);
  EXPECT_THROW(v["i"].as_string(), std::logic_error);
  EXPECT_THROW(v["a"].as_object(), std::logic_error);
  EXPECT_THROW(v["missing"].as_bool(), std::logic_error);
  EXPECT_THROW(v["a"][0], std::out_of_range);
  EXPECT_EQ(v["s"]["nested"].type(), Type::kNull);  // member lookup on a non-object is null
}

}  // namespace
}  // namespace kstore::testing::json
