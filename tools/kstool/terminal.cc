// Reading passwords from stdin the way sun.security.util.Password does.
#include "terminal.h"

#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

namespace kstool {

int ProcessStdin::read_byte() {
  if (!pushed_back_.empty()) {
    const int b = pushed_back_.back();
    pushed_back_.pop_back();
    return b;
  }
  unsigned char c = 0;
  for (;;) {
    const ssize_t n = ::read(STDIN_FILENO, &c, 1);
    if (n == 1) return c;
    if (n < 0 && errno == EINTR) continue;
    return -1;
  }
}

void ProcessStdin::unread(int byte) {
  if (byte >= 0) pushed_back_.push_back(byte);
}

bool ProcessStdin::ready() {
  if (!pushed_back_.empty()) return true;
  if (::isatty(STDIN_FILENO) == 1) return false;  // a terminal hands over one line at a time
  struct pollfd p {STDIN_FILENO, POLLIN, 0};
  return ::poll(&p, 1, 0) == 1;
}

bool ProcessStdin::is_console() { return ::isatty(STDIN_FILENO) == 1 && ::isatty(STDOUT_FILENO) == 1; }

std::optional<kstore::SecretBytes> ProcessStdin::read_console_line_without_echo() {
  struct termios saved {};
  const bool have_termios = ::tcgetattr(STDIN_FILENO, &saved) == 0;
  if (have_termios) {
    struct termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    quiet.c_lflag |= ECHONL;  // the terminal still shows the newline of Enter
    // TCSANOW, as the JVM's console does: what was typed ahead is kept.
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  kstore::SecretBytes line;
  bool eof = false;
  for (;;) {
    const int c = read_byte();
    if (c < 0) {
      eof = line.empty();
      break;
    }
    if (c == '\n') break;
    line.push_back(static_cast<uint8_t>(c));
  }
  if (have_termios) ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
  if (eof) return std::nullopt;
  return line;
}

namespace {

std::optional<kstore::Password> read_password_bytes(Stdin& in, const kstore::SecretBytes* console_line) {
  size_t console_pos = 0;
  auto next = [&]() -> int {
    if (console_line) return console_pos < console_line->size() ? (*console_line)[console_pos++] : -1;
    return in.read_byte();
  };
  kstore::SecretBytes buf;
  for (;;) {
    int c = next();
    if (c == -1 || c == '\n') break;
    if (c == '\r') {
      const int c2 = next();
      if (c2 == '\n' || c2 == -1) break;
      // Not a line end: the \r is kept and c2 read again next.
      if (console_line) {
        --console_pos;
      } else {
        in.unread(c2);
      }
    }
    buf.push_back(static_cast<uint8_t>(c));
  }
  if (buf.empty()) return std::nullopt;
  return kstore::Password::from_prompt_bytes(buf.view());
}

}  // namespace

std::optional<kstore::Password> read_password(Stdin& in) {
  if (in.is_console()) {
    std::optional<kstore::SecretBytes> line = in.read_console_line_without_echo();
    // Console.readPassword gives "" for a bare Enter: no password.
    if (line && line->empty()) return std::nullopt;
    if (line) return read_password_bytes(in, &*line);
    // No console line (end of input): keytool falls back to System.in, also at its end.
  }
  return read_password_bytes(in, nullptr);
}

}  // namespace kstool
