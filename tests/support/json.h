// A small, strict JSON reader for tests (RFC 8259): reads the corpus's
// expected.json and similar fixtures. Not part of the library.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kstore/status.h"

namespace kstore::testing::json {

enum class Type : uint8_t { kNull, kBool, kInt, kDouble, kString, kArray, kObject };

const char* type_name(Type type);

struct Member;

// One JSON value. Numbers written without a fraction or exponent that fit in
// int64 are kInt; every other number is kDouble. Objects keep their members
// in document order; duplicate names are rejected by the parser.
class Value {
 public:
  Value() = default;  // null

  static Value boolean(bool b);
  static Value integer(int64_t i);
  static Value number(double d);
  static Value string(std::string s);
  static Value array(std::vector<Value> items);
  static Value object(std::vector<Member> members);

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::kNull; }
  bool is_bool() const { return type_ == Type::kBool; }
  bool is_int() const { return type_ == Type::kInt; }
  bool is_number() const { return type_ == Type::kInt || type_ == Type::kDouble; }
  bool is_string() const { return type_ == Type::kString; }
  bool is_array() const { return type_ == Type::kArray; }
  bool is_object() const { return type_ == Type::kObject; }

  // Accessors check the type and abort the test binary on a mismatch: a test
  // that reads a fixture the wrong way has a bug, not a recoverable error.
  bool as_bool() const;
  int64_t as_int() const;
  double as_double() const;  // kInt converts
  const std::string& as_string() const;
  const std::vector<Value>& as_array() const;
  const std::vector<Member>& as_object() const;

  // Object member by name; nullptr when absent or when this is not an object.
  const Value* find(std::string_view name) const;
  // Object member by name; a null Value when absent (convenient for optional fields).
  const Value& operator[](std::string_view name) const;
  // Array element; aborts when out of range or not an array.
  const Value& operator[](size_t index) const;
  // Elements of an array or members of an object; 0 otherwise.
  size_t size() const;

  // Compact serialisation, for messages.
  std::string dump() const;

 private:
  Type type_ = Type::kNull;
  bool bool_ = false;
  int64_t int_ = 0;
  double double_ = 0;
  std::string string_;
  std::vector<Value> array_;
  std::vector<Member> object_;
};

struct Member {
  std::string name;
  Value value;
};

struct ParseOptions {
  // Nesting of arrays and objects; deeper input is rejected rather than recursed into.
  int max_depth = 256;
};

// Parses exactly one JSON text (surrounding whitespace allowed). Errors are
// kMalformed and name the line and column. Strings must be valid UTF-8;
// escapes \uXXXX become UTF-8, surrogate pairs combined, lone surrogates rejected.
Result<Value> parse(std::string_view text, const ParseOptions& options = {});

}  // namespace kstore::testing::json
