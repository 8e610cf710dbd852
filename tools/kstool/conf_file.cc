// -conf: java.util.Properties.load, StreamTokenizer word splitting and
// PropertyExpander's ${name} expansion, as KeyStoreUtil.expandArgs uses them.
#include "conf_file.h"

#include <cerrno>
#include <fstream>
#include <sstream>

#include "text.h"

namespace kstool {
namespace {

bool is_prop_space(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// Logical lines: a line ending in an odd number of backslashes continues on
// the next one, whose leading white space is dropped. Comment and blank lines go.
std::vector<std::string> logical_lines(const std::string& text) {
  std::vector<std::string> natural;
  std::string cur;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || c == '\r') {
      natural.push_back(cur);
      cur.clear();
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) natural.push_back(cur);

  std::vector<std::string> out;
  std::string logical;
  bool continuing = false;
  for (std::string line : natural) {
    size_t start = 0;
    while (start < line.size() && is_prop_space(line[start])) ++start;
    line = line.substr(start);
    if (!continuing && (line.empty() || line[0] == '#' || line[0] == '!')) continue;
    size_t backslashes = 0;
    while (backslashes < line.size() && line[line.size() - 1 - backslashes] == '\\') ++backslashes;
    const bool continues = backslashes % 2 == 1;
    logical += continues ? line.substr(0, line.size() - 1) : line;
    continuing = continues;
    if (!continues) {
      out.push_back(logical);
      logical.clear();
    }
  }
  if (continuing) out.push_back(logical);
  return out;
}

std::string unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out.push_back(s[i]);
      continue;
    }
    const char c = s[++i];
    switch (c) {
      case 't': out.push_back('\t'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 'f': out.push_back('\f'); break;
      case 'u':
        if (i + 4 < s.size()) {
          const std::string hex = s.substr(i + 1, 4);
          if (hex.size() == 4 && hex.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos) {
            out += encode_utf8(std::u32string(1, static_cast<char32_t>(std::stoul(hex, nullptr, 16))));
            i += 4;
            break;
          }
        }
        out.push_back('u');
        break;
      default: out.push_back(c);
    }
  }
  return out;
}

// StreamTokenizer with whitespace 0x00-0x20, word characters above, and
// " and ' as quotes (escapes inside quotes; a quote ends at the line end).
std::vector<std::string> split_words(const std::string& s) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c <= 0x20) {
      ++i;
      continue;
    }
    if (c == '"' || c == '\'') {
      const char quote = static_cast<char>(c);
      std::string w;
      ++i;
      while (i < s.size() && s[i] != quote && s[i] != '\n' && s[i] != '\r') {
        if (s[i] == '\\' && i + 1 < s.size()) {
          const char e = s[++i];
          switch (e) {
            case 'a': w.push_back('\a'); break;
            case 'b': w.push_back('\b'); break;
            case 'f': w.push_back('\f'); break;
            case 'n': w.push_back('\n'); break;
            case 'r': w.push_back('\r'); break;
            case 't': w.push_back('\t'); break;
            case 'v': w.push_back('\v'); break;
            default:
              if (e >= '0' && e <= '7') {
                int v = e - '0';
                int digits = 1;
                while (digits < 3 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7' &&
                       (v * 8 + (s[i + 1] - '0')) <= 0xFF) {
                  v = v * 8 + (s[++i] - '0');
                  ++digits;
                }
                w.push_back(static_cast<char>(v));
              } else {
                w.push_back(e);
              }
          }
          ++i;
          continue;
        }
        w.push_back(s[i++]);
      }
      if (i < s.size() && s[i] == quote) ++i;
      words.push_back(w);
      continue;
    }
    std::string w;
    while (i < s.size() && static_cast<unsigned char>(s[i]) > 0x20 && s[i] != '"' && s[i] != '\'') w.push_back(s[i++]);
    words.push_back(w);
  }
  return words;
}

// PropertyExpander.expand: ${name} from the properties, ${/} the file separator.
Outcome expand_properties(const std::string& value, const std::map<std::string, std::string>& props, std::string& out) {
  out.clear();
  size_t i = 0;
  while (i < value.size()) {
    const size_t open = value.find("${", i);
    if (open == std::string::npos) {
      out += value.substr(i);
      break;
    }
    const size_t close = value.find('}', open + 2);
    if (close == std::string::npos) {
      out += value.substr(i);
      break;
    }
    out += value.substr(i, open - i);
    const std::string name = value.substr(open + 2, close - open - 2);
    if (name == "/") {
      out += "/";
    } else if (auto it = props.find(name); it != props.end()) {
      out += it->second;
    } else {
      return Outcome::error("sun.security.util.PropertyExpander$ExpandException",
                            "unable to expand property " + name);
    }
    i = close + 1;
  }
  return Outcome::ok();
}

}  // namespace

std::map<std::string, std::string> parse_java_properties(const std::string& text) {
  std::map<std::string, std::string> props;
  for (const std::string& line : logical_lines(text)) {
    size_t i = 0;
    std::string key;
    while (i < line.size()) {
      const char c = line[i];
      if (c == '\\' && i + 1 < line.size()) {
        key.push_back(c);
        key.push_back(line[i + 1]);
        i += 2;
        continue;
      }
      if (c == '=' || c == ':' || is_prop_space(c)) break;
      key.push_back(c);
      ++i;
    }
    while (i < line.size() && is_prop_space(line[i])) ++i;
    if (i < line.size() && (line[i] == '=' || line[i] == ':')) ++i;
    while (i < line.size() && is_prop_space(line[i])) ++i;
    props[unescape(key)] = unescape(line.substr(i));
  }
  return props;
}

Outcome expand_conf_args(const std::string& file, const std::string& command, const char* alt_command,
                         const std::map<std::string, std::string>& properties, std::vector<std::string>& args) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return Outcome::error("java.io.FileNotFoundException", file + " (" + java_errno_text(errno) + ")");
  }
  std::ostringstream text;
  text << in.rdbuf();
  const std::map<std::string, std::string> props = parse_java_properties(text.str());

  std::vector<std::string> result;
  auto add_words = [&](const std::string& line) -> Outcome {
    for (const std::string& w : split_words(line)) {
      std::string expanded;
      KSTOOL_TRY(expand_properties(w, properties, expanded));
      result.push_back(expanded);
    }
    return Outcome::ok();
  };
  if (auto it = props.find("keytool.all"); it != props.end()) KSTOOL_TRY(add_words(it->second));
  auto by_name = props.find("keytool." + command.substr(1));
  auto by_alt = alt_command ? props.find(std::string("keytool.") + (alt_command + 1)) : props.end();
  if (by_name != props.end() && by_alt != props.end())
    return Outcome::error("java.io.IOException",
                          "Cannot have both " + command + " and " + alt_command + " as pre-configured options");
  if (by_name == props.end()) by_name = by_alt;
  if (by_name != props.end()) KSTOOL_TRY(add_words(by_name->second));
  if (!result.empty()) {
    result.insert(result.end(), args.begin(), args.end());
    args = std::move(result);
  }
  return Outcome::ok();
}

}  // namespace kstool
