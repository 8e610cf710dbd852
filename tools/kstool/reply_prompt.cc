// keytool's line questions over System.in (Main.getYesNoReply,
// Main.inputStringFromStdin, Main.getAlias).
#include "reply_prompt.h"

#include "cli.h"

namespace kstool {
namespace {

// BufferedReader's default buffer: what one reader takes from a pipe at most.
constexpr size_t kReaderBuffer = 8192;

// One line ended by \n, \r or \r\n; nullopt when the input is already at
// its end. Then the rest of what the reader's buffer would have held is
// dropped, since keytool's reader is discarded with it.
std::optional<std::string> read_line_like_a_new_reader(Stdin& in) {
  std::string line;
  size_t consumed = 0;
  bool any = false;
  for (;;) {
    const int c = in.read_byte();
    if (c < 0) break;
    ++consumed;
    any = true;
    if (c == '\n') break;
    if (c == '\r') {
      // \r\n is one line end; anything else after \r stays in the reader's
      // buffer and is dropped with it below.
      if (in.ready() && in.read_byte() >= 0) ++consumed;
      break;
    }
    line.push_back(static_cast<char>(c));
  }
  while (consumed < kReaderBuffer && in.ready() && in.read_byte() >= 0) ++consumed;
  if (!any) return std::nullopt;
  return line;
}

}  // namespace

std::optional<std::string> ask_line(Io& io, const std::string& prompt) {
  io.out.flush();
  io.err << prompt << std::flush;
  return read_line_like_a_new_reader(io.in);
}

YesNo ask_yes_no(Io& io, const std::string& prompt) {
  // keytool gives up after 20 wrong answers; with its one-buffer reader the
  // second question already sees the end of input, which means "no".
  for (int tries = 0; tries < 21; ++tries) {
    const std::optional<std::string> reply = ask_line(io, prompt);
    if (!reply || reply->empty() || collator_equals(*reply, "n") || collator_equals(*reply, "no")) return YesNo::kNo;
    if (collator_equals(*reply, "y") || collator_equals(*reply, "yes")) return YesNo::kYes;
    io.err << "Wrong answer, try again\n";
  }
  return YesNo::kNo;
}

}  // namespace kstool
