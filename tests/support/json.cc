// Strict JSON reader for tests. RFC 8259 grammar, UTF-8 text (RFC 8259 §8.1).
#include "support/json.h"

#include <charconv>
#include <cstdio>
#include <stdexcept>
#include <system_error>

namespace kstore::testing::json {

const char* type_name(Type type) {
  switch (type) {
    case Type::kNull: return "null";
    case Type::kBool: return "boolean";
    case Type::kInt: return "integer";
    case Type::kDouble: return "number";
    case Type::kString: return "string";
    case Type::kArray: return "array";
    case Type::kObject: return "object";
  }
  return "?";
}

Value Value::boolean(bool b) {
  Value v;
  v.type_ = Type::kBool;
  v.bool_ = b;
  return v;
}
Value Value::integer(int64_t i) {
  Value v;
  v.type_ = Type::kInt;
  v.int_ = i;
  return v;
}
Value Value::number(double d) {
  Value v;
  v.type_ = Type::kDouble;
  v.double_ = d;
  return v;
}
Value Value::string(std::string s) {
  Value v;
  v.type_ = Type::kString;
  v.string_ = std::move(s);
  return v;
}
Value Value::array(std::vector<Value> items) {
  Value v;
  v.type_ = Type::kArray;
  v.array_ = std::move(items);
  return v;
}
Value Value::object(std::vector<Member> members) {
  Value v;
  v.type_ = Type::kObject;
  v.object_ = std::move(members);
  return v;
}

namespace {

// Accessor misuse is a bug in the test that reads the fixture. Throwing makes
// gtest fail that one test with this message instead of ending the binary.
[[noreturn]] void wrong_type(const char* wanted, Type actual) {
  throw std::logic_error(std::string("JSON value is ") + type_name(actual) + ", not " + wanted);
}

}  // namespace

bool Value::as_bool() const {
  if (type_ != Type::kBool) wrong_type("boolean", type_);
  return bool_;
}
int64_t Value::as_int() const {
  if (type_ != Type::kInt) wrong_type("integer", type_);
  return int_;
}
double Value::as_double() const {
  if (type_ == Type::kInt) return static_cast<double>(int_);
  if (type_ != Type::kDouble) wrong_type("number", type_);
  return double_;
}
const std::string& Value::as_string() const {
  if (type_ != Type::kString) wrong_type("string", type_);
  return string_;
}
const std::vector<Value>& Value::as_array() const {
  if (type_ != Type::kArray) wrong_type("array", type_);
  return array_;
}
const std::vector<Member>& Value::as_object() const {
  if (type_ != Type::kObject) wrong_type("object", type_);
  return object_;
}

const Value* Value::find(std::string_view name) const {
  if (type_ != Type::kObject) return nullptr;
  for (const Member& m : object_)
    if (m.name == name) return &m.value;
  return nullptr;
}

const Value& Value::operator[](std::string_view name) const {
  static const Value kNull;
  const Value* v = find(name);
  return v ? *v : kNull;
}

const Value& Value::operator[](size_t index) const {
  const std::vector<Value>& items = as_array();
  if (index >= items.size())
    throw std::out_of_range("JSON array index " + std::to_string(index) + " of " + std::to_string(items.size()));
  return items[index];
}

size_t Value::size() const {
  if (type_ == Type::kArray) return array_.size();
  if (type_ == Type::kObject) return object_.size();
  return 0;
}

namespace {

void dump_string(std::string_view s, std::string& out) {
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

void dump_value(const Value& v, std::string& out) {
  switch (v.type()) {
    case Type::kNull: out += "null"; return;
    case Type::kBool: out += v.as_bool() ? "true" : "false"; return;
    case Type::kInt: out += std::to_string(v.as_int()); return;
    case Type::kDouble: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.17g", v.as_double());
      out += buf;
      return;
    }
    case Type::kString: dump_string(v.as_string(), out); return;
    case Type::kArray: {
      out += '[';
      bool first = true;
      for (const Value& item : v.as_array()) {
        if (!first) out += ',';
        first = false;
        dump_value(item, out);
      }
      out += ']';
      return;
    }
    case Type::kObject: {
      out += '{';
      bool first = true;
      for (const Member& m : v.as_object()) {
        if (!first) out += ',';
        first = false;
        dump_string(m.name, out);
        out += ':';
        dump_value(m.value, out);
      }
      out += '}';
      return;
    }
  }
}

}  // namespace

std::string Value::dump() const {
  std::string out;
  dump_value(*this, out);
  return out;
}

namespace {

void append_utf8(uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xc0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xe0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  }
}

class Parser {
 public:
  Parser(std::string_view text, const ParseOptions& options) : text_(text), options_(options) {}

  Result<Value> parse_document() {
    skip_whitespace();
    if (at_end()) return error("empty document");
    Value v;
    KS_TRY(parse_value(v, 0));
    skip_whitespace();
    if (!at_end()) return error("unexpected content after the JSON value");
    return v;
  }

 private:
  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }

  void skip_whitespace() {
    while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) ++pos_;
  }

  // "line L, column C" (1-based, columns in bytes) of the current position.
  Status error(std::string_view what) const {
    size_t line = 1, column = 1;
    for (size_t i = 0; i < pos_ && i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    return Status::Malformed("JSON line ", line, ", column ", column, ": ", what);
  }

  Status parse_value(Value& out, int depth) {
    if (at_end()) return error("unexpected end of input, expected a value");
    switch (peek()) {
      case '{': return parse_object(out, depth + 1);
      case '[': return parse_array(out, depth + 1);
      case '"': {
        std::string s;
        KS_TRY(parse_string(s));
        out = Value::string(std::move(s));
        return Status::Ok();
      }
      case 't': return parse_literal("true", Value::boolean(true), out);
      case 'f': return parse_literal("false", Value::boolean(false), out);
      case 'n': return parse_literal("null", Value(), out);
      default:
        if (peek() == '-' || (peek() >= '0' && peek() <= '9')) return parse_number(out);
        return error(std::string("unexpected character '") + peek() + "'");
    }
  }

  Status parse_literal(std::string_view word, Value value, Value& out) {
    if (text_.substr(pos_, word.size()) != word) return error("invalid literal");
    pos_ += word.size();
    out = std::move(value);
    return Status::Ok();
  }

  Status parse_object(Value& out, int depth) {
    if (depth > options_.max_depth) return error("nesting deeper than the limit");
    ++pos_;  // '{'
    std::vector<Member> members;
    skip_whitespace();
    if (!at_end() && peek() == '}') {
      ++pos_;
      out = Value::object(std::move(members));
      return Status::Ok();
    }
    for (;;) {
      skip_whitespace();
      if (at_end() || peek() != '"') return error("expected a member name string");
      Member m;
      KS_TRY(parse_string(m.name));
      for (const Member& other : members)
        if (other.name == m.name) return error("duplicate member name \"" + m.name + "\"");
      skip_whitespace();
      if (at_end() || peek() != ':') return error("expected ':' after a member name");
      ++pos_;
      skip_whitespace();
      KS_TRY(parse_value(m.value, depth));
      members.push_back(std::move(m));
      skip_whitespace();
      if (at_end()) return error("unterminated object");
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == '}') {
        ++pos_;
        out = Value::object(std::move(members));
        return Status::Ok();
      }
      return error("expected ',' or '}' in an object");
    }
  }

  Status parse_array(Value& out, int depth) {
    if (depth > options_.max_depth) return error("nesting deeper than the limit");
    ++pos_;  // '['
    std::vector<Value> items;
    skip_whitespace();
    if (!at_end() && peek() == ']') {
      ++pos_;
      out = Value::array(std::move(items));
      return Status::Ok();
    }
    for (;;) {
      skip_whitespace();
      Value item;
      KS_TRY(parse_value(item, depth));
      items.push_back(std::move(item));
      skip_whitespace();
      if (at_end()) return error("unterminated array");
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == ']') {
        ++pos_;
        out = Value::array(std::move(items));
        return Status::Ok();
      }
      return error("expected ',' or ']' in an array");
    }
  }

  Status parse_hex4(uint32_t& out) {
    if (text_.size() - pos_ < 4) return error("truncated \\u escape");
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = text_[pos_ + i];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= static_cast<uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') v |= static_cast<uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') v |= static_cast<uint32_t>(c - 'A' + 10);
      else return error("invalid hex digit in \\u escape");
    }
    pos_ += 4;
    out = v;
    return Status::Ok();
  }

  // One raw (unescaped) UTF-8 sequence starting at pos_, validated per
  // RFC 3629 §4: no overlong forms, no surrogates, nothing above U+10FFFF.
  Status copy_utf8_sequence(std::string& out) {
    const auto byte = [&](size_t i) { return static_cast<unsigned char>(text_[pos_ + i]); };
    const unsigned char b0 = byte(0);
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xbf;  // range of the second byte
    if (b0 >= 0xc2 && b0 <= 0xdf) {
      len = 2;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      len = 3;
      if (b0 == 0xe0) lo = 0xa0;
      if (b0 == 0xed) hi = 0x9f;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      len = 4;
      if (b0 == 0xf0) lo = 0x90;
      if (b0 == 0xf4) hi = 0x8f;
    } else {
      return error("invalid UTF-8 in a string");
    }
    if (text_.size() - pos_ < len) return error("truncated UTF-8 sequence in a string");
    if (byte(1) < lo || byte(1) > hi) return error("invalid UTF-8 in a string");
    for (size_t i = 2; i < len; ++i)
      if (byte(i) < 0x80 || byte(i) > 0xbf) return error("invalid UTF-8 in a string");
    out.append(text_.substr(pos_, len));
    pos_ += len;
    return Status::Ok();
  }

  Status parse_string(std::string& out) {
    ++pos_;  // opening quote
    for (;;) {
      if (at_end()) return error("unterminated string");
      const unsigned char c = static_cast<unsigned char>(peek());
      if (c == '"') {
        ++pos_;
        return Status::Ok();
      }
      if (c < 0x20) return error("control character in a string (must be escaped)");
      if (c >= 0x80) {
        KS_TRY(copy_utf8_sequence(out));
        continue;
      }
      if (c != '\\') {
        out += static_cast<char>(c);
        ++pos_;
        continue;
      }
      ++pos_;
      if (at_end()) return error("unterminated escape");
      const char e = peek();
      ++pos_;
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          uint32_t unit = 0;
          KS_TRY(parse_hex4(unit));
          if (unit >= 0xdc00 && unit <= 0xdfff) return error("lone low surrogate in \\u escape");
          if (unit >= 0xd800 && unit <= 0xdbff) {
            if (text_.substr(pos_, 2) != "\\u") return error("high surrogate not followed by a \\u low surrogate");
            pos_ += 2;
            uint32_t low = 0;
            KS_TRY(parse_hex4(low));
            if (low < 0xdc00 || low > 0xdfff) return error("high surrogate not followed by a low surrogate");
            unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
          }
          append_utf8(unit, out);
          break;
        }
        default:
          --pos_;
          return error(std::string("invalid escape '\\") + e + "'");
      }
    }
  }

  Status parse_number(Value& out) {
    const size_t start = pos_;
    bool integral = true;
    if (peek() == '-') ++pos_;
    if (at_end()) return error("truncated number");
    if (peek() == '0') {
      ++pos_;
      if (!at_end() && peek() >= '0' && peek() <= '9') return error("leading zero in a number");
    } else if (peek() >= '1' && peek() <= '9') {
      while (!at_end() && peek() >= '0' && peek() <= '9') ++pos_;
    } else {
      return error("expected a digit");
    }
    if (!at_end() && peek() == '.') {
      integral = false;
      ++pos_;
      if (at_end() || peek() < '0' || peek() > '9') return error("expected a digit after '.'");
      while (!at_end() && peek() >= '0' && peek() <= '9') ++pos_;
    }
    if (!at_end() && (peek() == 'e' || peek() == 'E')) {
      integral = false;
      ++pos_;
      if (!at_end() && (peek() == '+' || peek() == '-')) ++pos_;
      if (at_end() || peek() < '0' || peek() > '9') return error("expected a digit in the exponent");
      while (!at_end() && peek() >= '0' && peek() <= '9') ++pos_;
    }
    const char* first = text_.data() + start;
    const char* last = text_.data() + pos_;
    if (integral) {
      int64_t i = 0;
      const auto [ptr, ec] = std::from_chars(first, last, i);
      if (ec == std::errc() && ptr == last) {
        out = Value::integer(i);
        return Status::Ok();
      }
      // Integers outside int64 fall through to a double, as most readers do.
    }
    double d = 0;
    const auto [ptr, ec] = std::from_chars(first, last, d);
    if (ec == std::errc::result_out_of_range) {
      pos_ = start;
      return error("number out of the range of a double");
    }
    if (ec != std::errc() || ptr != last) {
      pos_ = start;
      return error("invalid number");
    }
    out = Value::number(d);
    return Status::Ok();
  }

  std::string_view text_;
  ParseOptions options_;
  size_t pos_ = 0;
};

}  // namespace

Result<Value> parse(std::string_view text, const ParseOptions& options) {
  return Parser(text, options).parse_document();
}

}  // namespace kstore::testing::json
