// Standard input as keytool reads it: System.in byte by byte for passwords
// (sun.security.util.Password.readPassword), with the echo turned off when
// stdin and stdout are a terminal (System.console() != null).
#pragma once

#include <optional>
#include <vector>

#include "kstore/bytes.h"
#include "kstore/password.h"

namespace kstool {

class Stdin {
 public:
  virtual ~Stdin() = default;
  // One byte, or -1 at end of input.
  virtual int read_byte() = 0;
  // Gives a byte back to be read next (PushbackInputStream.unread).
  virtual void unread(int byte) = 0;
  // True when keytool would have a java.io.Console: stdin and stdout are terminals.
  virtual bool is_console() = 0;
  // True when a byte can be read without waiting (InputStream.available() > 0,
  // or the end of input): how much a Java reader's buffer takes at once.
  virtual bool ready() { return false; }
  // Console.readPassword(): one line typed with the echo off, without its
  // terminator (then a newline is echoed). nullopt at end of input.
  virtual std::optional<kstore::SecretBytes> read_console_line_without_echo() = 0;
};

// File descriptor 0 (read unbuffered, so that nothing past a line is consumed).
class ProcessStdin : public Stdin {
 public:
  int read_byte() override;
  void unread(int byte) override;
  bool is_console() override;
  bool ready() override;
  std::optional<kstore::SecretBytes> read_console_line_without_echo() override;

 private:
  std::vector<int> pushed_back_;
};

// Password.readPassword(System.in): the bytes up to \n, \r\n, \r at the end
// of input, or EOF, each byte one Java char. A \r followed by anything else
// stays in the password. nullopt (no password) for an empty line or EOF.
std::optional<kstore::Password> read_password(Stdin& in);

}  // namespace kstool
