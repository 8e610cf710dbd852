// keytool's help texts (Main.usage): the command list, and per command its
// options in two aligned columns.
#include "help.h"

#include <algorithm>
#include <sstream>

namespace kstool {
namespace {

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  if (out.empty()) out.emplace_back();
  return out;
}

std::string pad_right(const std::string& s, size_t width) {
  // Java's %-Ns pads by chars; every option text is ASCII.
  return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

// "keytool" is what keytool prints for its own name in these texts. kstool
// prints the same word: it is meant as a drop-in under that name, scripts and
// documentation quote these lines, and "kstool -?" works the same way.
constexpr const char* kHelpLine = "Use \"keytool -?, -h, or --help\" for this help message\n";

}  // namespace

void print_usage(std::ostream& err, std::optional<Command> command) {
  if (!command) {
    err << "Key and Certificate Management Tool\n\nCommands:\n\n";
    for (const CommandInfo& c : commands()) {
      if (!c.documented) break;
      err << ' ' << pad_right(c.name, 20) << c.description << '\n';
    }
    err << '\n' << kHelpLine;
    err << "Use \"keytool -command_name --help\" for usage of command_name.\n"
           "Use the -conf <url> option to specify a pre-configured options file.\n";
    return;
  }
  const CommandInfo& info = command_info(*command);
  err << "keytool " << info.name << " [OPTION]...\n\n" << info.description << "\n\nOptions:\n\n";
  std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> rows;
  size_t width = 0;
  for (const OptionInfo& o : command_options(*command)) {
    std::string left = o.name;
    if (o.arg) left += std::string(" ") + o.arg;
    std::vector<std::string> lefts = split_lines(left);
    for (const std::string& l : lefts) width = std::max(width, l.size());
    rows.emplace_back(std::move(lefts), split_lines(o.description));
  }
  for (const auto& [lefts, rights] : rows) {
    for (size_t i = 0; i < lefts.size() && i < rights.size(); ++i)
      err << (i == 0 ? " " : "   ") << pad_right(lefts[i], width) << "  " << rights[i] << '\n';
  }
  err << '\n' << kHelpLine;
}

}  // namespace kstool
