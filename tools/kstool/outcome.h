// How a kstool step ends, in keytool's terms: success, a "keytool error:"
// line on stdout, or a usage error (text on stderr followed by the usage).
#pragma once

#include <string>
#include <utility>

namespace kstool {

class [[nodiscard]] Outcome {
 public:
  enum class Kind {
    kOk,
    // stdout: "keytool error: <java_class>: <message>", exit 1. Throwable.toString()
    // prints only the class name when the message is null; `message` is then empty
    // and `has_message` false.
    kError,
    // stderr: `message` lines (may be empty), then the usage of the command
    // being parsed or run (general help when there is none), exit 1.
    kUsage,
    // Help was asked for: usage on stderr, exit 0.
    kHelp,
    // Ends the run with `exit_code` and nothing more printed (the text, if
    // any, is already out), e.g. keytool's "Too many failures" store prompt.
    kExit,
  };

  static Outcome ok() { return Outcome(Kind::kOk); }
  static Outcome error(std::string java_class, std::string message) {
    Outcome o(Kind::kError);
    o.java_class_ = std::move(java_class);
    o.message_ = std::move(message);
    return o;
  }
  // An exception keytool throws without a message: "keytool error: java.lang.NullPointerException".
  static Outcome error_without_message(std::string java_class) {
    Outcome o(Kind::kError);
    o.java_class_ = std::move(java_class);
    o.has_message_ = false;
    return o;
  }
  // java.lang.Exception with a message: keytool's most common error.
  static Outcome exception(std::string message) { return error("java.lang.Exception", std::move(message)); }
  static Outcome usage(std::string text) {
    Outcome o(Kind::kUsage);
    o.message_ = std::move(text);
    return o;
  }
  static Outcome help() { return Outcome(Kind::kHelp); }
  static Outcome exit(int code) {
    Outcome o(Kind::kExit);
    o.exit_code_ = code;
    return o;
  }

  bool is_ok() const { return kind_ == Kind::kOk; }
  Kind kind() const { return kind_; }
  const std::string& java_class() const { return java_class_; }
  const std::string& message() const { return message_; }
  bool has_message() const { return has_message_; }
  int exit_code() const { return exit_code_; }

  // "java.lang.Exception: Alias <x> does not exist", as Throwable.toString().
  std::string error_text() const { return has_message_ ? java_class_ + ": " + message_ : java_class_; }

 private:
  explicit Outcome(Kind kind) : kind_(kind) {}
  Kind kind_;
  std::string java_class_;
  std::string message_;
  bool has_message_ = true;
  int exit_code_ = 0;
};

// Returns from the enclosing function when `expr` (an Outcome) is not ok.
#define KSTOOL_TRY(expr)                              \
  do {                                                \
    ::kstool::Outcome kstool_try_ = (expr);           \
    if (!kstool_try_.is_ok()) return kstool_try_;     \
  } while (0)

}  // namespace kstool
