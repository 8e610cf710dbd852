// keytool's argument parser, after sun.security.tools.keytool.Main.parseArgs
// (JDK 17), read off the option table (options.h) and the command table
// (commands.h). The order of the checks is the order keytool makes them,
// because it decides which message wins.
#include "cli.h"

#include <algorithm>
#include <limits>
#include <set>

#include "commands.h"
#include "conf_file.h"
#include "kstore/java_string.h"
#include "options.h"
#include "text.h"

namespace kstool {
namespace {

template <typename T>
Outcome parse_java_integer(const std::string& s, T& out) {
  const Outcome bad = Outcome::error("java.lang.NumberFormatException", "For input string: \"" + s + "\"");
  size_t i = 0;
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    i = 1;
  }
  if (i >= s.size()) return bad;
  // The magnitude may reach max + 1 for a negative number (the minimum value).
  const uint64_t limit = static_cast<uint64_t>(std::numeric_limits<T>::max()) + (negative ? 1 : 0);
  uint64_t value = 0;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return bad;
    const uint64_t digit = static_cast<uint64_t>(s[i] - '0');
    if (value > (limit - digit) / 10) return bad;
    value = value * 10 + digit;
  }
  out = negative ? static_cast<T>(uint64_t(0) - value) : static_cast<T>(value);
  return Outcome::ok();
}

// Lower-casing as String.toLowerCase(Locale.ROOT) for the words of a
// command line (ASCII and Latin letters; others are kept).
std::string lower_for_message(std::string_view s) {
  std::u32string cps = kstore::decode_utf8_lenient(s);
  for (char32_t& c : cps) c = simple_lower(c);
  return encode_utf8(cps);
}

}  // namespace

bool collator_equals(std::string_view typed, std::string_view keyword) {
  // Every argument is compared with every option name; for plain printable
  // ASCII the collation key is just the lower-cased text, and building keys
  // for all of them was a fifth of a one-entry -list's CPU time.
  auto plain = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
  };
  if (plain(typed) && plain(keyword)) return kstore::equals_ignore_ascii_case(typed, keyword);
  return primary_collation_key(typed) == primary_collation_key(keyword);
}

std::string nice_store_type_name(std::string_view typed) {
  if (kstore::equals_ignore_ascii_case(typed, "Windows-MY")) return "Windows-MY";
  if (kstore::equals_ignore_ascii_case(typed, "Windows-ROOT")) return "Windows-ROOT";
  // toUpperCase(Locale.ENGLISH)
  std::u32string cps = kstore::decode_utf8_lenient(typed);
  for (char32_t& c : cps) c = simple_upper(c);
  return encode_utf8(cps);
}

namespace {

// Where the parse stands: the words, the position, and what it fills.
class Parser {
 public:
  Parser(const std::vector<std::string>& args, const ParseEnvironment& env, Invocation& inv)
      : args_(args), n_(args.size()), env_(env), inv_(inv) {}

  // The loop of Main.parseArgs over the words that start with '-'.
  Outcome run() {
    for (; i_ < n_ && !args_[i_].empty() && args_[i_][0] == '-'; ++i_) {
      std::string flags = args_[i_];
      // keytool checks this on the whole word, before a ":modifier" is cut off.
      if (i_ == n_ - 1) {
        const OptionRow* row = find_option(flags);
        if (row != nullptr && row->help && row->arg != nullptr)
          return Outcome::usage("Command option " + flags + " needs an argument.");
      }
      std::optional<std::string> modifier;
      const size_t colon = flags.find(':');
      if (colon != std::string::npos && colon > 0) {
        modifier = flags.substr(colon + 1);
        flags.resize(colon);
      }
      if (std::optional<Command> c = find_command(flags)) {
        inv_.command = c;
        continue;
      }
      const OptionRow* row = find_option(flags);
      if (row == nullptr) return Outcome::usage("Illegal option:  " + flags);
      KSTOOL_TRY(apply(*row, modifier));
    }
    if (i_ < n_) return Outcome::usage("Illegal option:  " + args_[i_]);
    return Outcome::ok();
  }

 private:
  // The value after option i; keytool indexes past the end when an option it
  // does not check (e.g. "-storepass:env" last) has none.
  Outcome next_value(std::string& value) {
    if (i_ + 1 >= n_) {
      return Outcome::error("java.lang.ArrayIndexOutOfBoundsException",
                            "Index " + std::to_string(n_) + " out of bounds for length " + std::to_string(n_));
    }
    value = args_[++i_];
    return Outcome::ok();
  }

  template <typename T>
  T& field(const OptionRow& row) {
    return inv_.*std::get<T Invocation::*>(row.target);
  }

  Outcome apply(const OptionRow& row, const std::optional<std::string>& modifier) {
    std::string value;
    if (takes_value(row.kind) && row.kind != ValueKind::kConf) KSTOOL_TRY(next_value(value));
    switch (row.kind) {
      case ValueKind::kFlag: field<bool>(row) = true; break;
      case ValueKind::kText: field<std::optional<std::string>>(row) = std::move(value); break;
      case ValueKind::kPassword: {
        Outcome o = password_from_modifier(modifier, value, env_, field<std::optional<kstore::Password>>(row));
        kstore::secure_wipe(value.data(), value.size());
        return o;
      }
      case ValueKind::kStoreType: field<std::optional<std::string>>(row) = nice_store_type_name(value); break;
      case ValueKind::kKeystorePath:
        if (!env_.cacerts_path.empty() && same_file(value, env_.cacerts_path))
          inv_.notices.push_back("Warning: use -cacerts option to access cacerts keystore");
        field<std::optional<std::string>>(row) = std::move(value);
        break;
      case ValueKind::kInt32: {
        int32_t number = 0;
        KSTOOL_TRY(parse_java_integer(value, number));
        field<std::optional<int32_t>>(row) = number;
        break;
      }
      case ValueKind::kInt64: return parse_java_integer(value, field<int64_t>(row));
      case ValueKind::kList: field<std::vector<std::string>>(row).push_back(std::move(value)); break;
      case ValueKind::kProvider: return provider_value(std::move(value), field<std::vector<Provider>>(row));
      case ValueKind::kHelp: inv_.help = true; break;
      case ValueKind::kConf: ++i_; break;  // read in the first pass
      case ValueKind::kSeenBefore: break;
    }
    return Outcome::ok();
  }

  // -providerclass / -addprovider take an optional "-providerarg <arg>" after their value.
  Outcome provider_value(std::string value, std::vector<Provider>& out) {
    std::optional<std::string> provider_arg;
    if (n_ > i_ + 1 && collator_equals(args_[i_ + 1], "-providerarg")) {
      if (n_ == i_ + 2) return Outcome::usage("Command option " + args_[i_ + 1] + " needs an argument.");
      provider_arg = args_[i_ + 2];
      i_ += 2;
    }
    out.emplace_back(std::move(value), std::move(provider_arg));
    return Outcome::ok();
  }

  const std::vector<std::string>& args_;
  const size_t n_;
  const ParseEnvironment& env_;
  Invocation& inv_;
  size_t i_ = 0;
};

// Options keytool lets repeat without its "specified multiple times"
// warning, by their lower-cased word exactly as keytool compares them.
bool may_repeat(const std::string& lower) {
  if (lower == "-providerarg") return true;
  const OptionRow* row = find_option(lower);
  return row != nullptr && row->may_repeat && lower == row->name;
}

// The first pass of Main.parseArgs: repeated options (warned about at the
// end), -conf, and the command, so that a usage error names the command
// wherever it appears.
Outcome first_pass(const std::vector<std::string>& args, Invocation& inv) {
  std::set<std::string> seen;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& flags = args[i];
    if (flags.empty() || flags[0] != '-') continue;
    const std::string lower = lower_for_message(flags);
    if (!seen.insert(lower).second && !may_repeat(lower))
      inv.warnings.push_back("The " + lower +
                             " option is specified multiple times. All except the last one will be ignored.");
    if (collator_equals(flags, "-conf")) {
      if (i == args.size() - 1) return Outcome::usage("Command option " + flags + " needs an argument.");
      inv.conf = args[++i];
    } else if (std::optional<Command> c = find_command(flags)) {
      if (inv.command) {
        return Outcome::exception(std::string("Only one command is allowed: both ") +
                                  command_info(*inv.command).name + " and " + command_info(*c).name +
                                  " were specified.");
      }
      inv.command = c;
    }
  }
  return Outcome::ok();
}

}  // namespace

Outcome parse_args(const std::vector<std::string>& args_in, const ParseEnvironment& env, Invocation& inv) {
  inv.help = args_in.empty();
  KSTOOL_TRY(first_pass(args_in, inv));

  std::vector<std::string> expanded;
  if (inv.conf && inv.command) {
    std::map<std::string, std::string> props = env.system_properties;
    for (const auto& [k, v] : inv.system_properties) props[k] = v;
    expanded = args_in;
    const CommandInfo& info = command_info(*inv.command);
    KSTOOL_TRY(expand_conf_args(*inv.conf, info.name, info.alt_name, props, expanded));
  }
  const std::vector<std::string>& args = expanded.empty() ? args_in : expanded;
  for (const std::string& a : args) {
    if (collator_equals(a, "-debug")) inv.debug = true;
  }
  // Arrays.toString of the arguments after -conf expansion, passwords and all.
  if (inv.debug && env.debug_out != nullptr) {
    std::ostream& out = *env.debug_out;
    out << "Command line args: [";
    for (size_t i = 0; i < args.size(); ++i) out << (i == 0 ? "" : ", ") << args[i];
    out << "]\n";
  }
  KSTOOL_TRY(Parser(args, env, inv).run());

  if (!inv.command) {
    if (inv.help) return Outcome::help();
    return Outcome::usage("Usage error: no command provided");
  }
  if (inv.help) return Outcome::help();
  return Outcome::ok();
}

}  // namespace kstool
