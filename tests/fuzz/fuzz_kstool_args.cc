// Fuzz target: kstool's command-line parser (tools/kstool/cli.h parse_args,
// keytool's Main.parseArgs rule by rule), without running any command. The
// input is the argument vector, arguments separated by NUL bytes.
//
// parse_args reads files in two places: "-conf <file>" (pre-configured
// options) and a password option with the ":file" modifier. A fuzzer must
// not read whatever path it makes up (/dev/stdin blocks, /dev/zero never
// ends), so inputs that would do either are skipped, decided with the
// parser's own collator_equals; the ParseEnvironment has a fake getenv and
// no cacerts path, so nothing else touches the system. The properties-file
// parser behind -conf is fuzzed directly on the whole input instead.
// Checks: the parser returns (any Outcome) without crashing; a usage or
// error Outcome carries text; a parsed command has its options table.
#include <string>
#include <vector>

#include "fuzz_common.h"
#include "kstool/cli.h"
#include "kstool/conf_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  (void)kstool::parse_java_properties(text);

  std::vector<std::string> args;
  size_t start = 0;
  for (;;) {
    const size_t end = text.find('\0', start);
    args.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos || args.size() >= 64) break;
    start = end + 1;
  }
  if (size == 0) args.clear();
  for (const std::string& a : args) {
    if (kstool::collator_equals(a, "-conf")) return 0;
    const size_t colon = a.find(':');
    if (!a.empty() && a[0] == '-' && colon != std::string::npos && colon > 0 &&
        kstool::collator_equals(a.substr(colon + 1), "file")) {
      return 0;
    }
  }

  kstool::ParseEnvironment env;
  env.getenv = [](const std::string& name) -> std::optional<std::string_view> {
    if (name == "KSTORE_FUZZ_PASSWORD") return std::string_view("changeit");
    return std::nullopt;
  };
  kstool::Invocation inv;
  const kstool::Outcome outcome = kstool::parse_args(args, env, inv);
  switch (outcome.kind()) {
    case kstool::Outcome::Kind::kOk:
      if (!inv.command) kstore::fuzz::fail("parse_args succeeded without a command");
      break;
    case kstool::Outcome::Kind::kError:
      if (outcome.java_class().empty()) kstore::fuzz::fail("error Outcome without an exception class");
      break;
    default:
      break;
  }
  if (inv.command) {
    (void)kstool::command_options(*inv.command);
    (void)kstool::command_info(*inv.command);
  }
  for (const std::string& a : args) {
    (void)kstool::nice_store_type_name(a);
    if (!kstool::collator_equals(a, a)) kstore::fuzz::fail("collator_equals is not reflexive");
  }
  return 0;
}
