// Questions keytool asks with a line of text as the answer (alias names,
// yes/no), as opposed to passwords (terminal.h).
//
// keytool reads each of these answers through a new BufferedReader on
// System.in. From a pipe or a file the first such reader fills its buffer
// with up to 8 KiB of input, so every later question sees the end of input.
// kstool reproduces that: what a script pipes in gets the same answers.
#pragma once

#include <optional>
#include <string>

#include "context.h"

namespace kstool {

// Prints `prompt` on stderr (no newline) and reads one line as keytool's
// BufferedReader.readLine does; nullopt at the end of input.
std::optional<std::string> ask_line(Io& io, const std::string& prompt);

enum class YesNo { kYes, kNo };

// keytool's getYesNoReply: "y"/"yes" (any case) is yes; "n", "no", an empty
// line or the end of input is no; anything else prints "Wrong answer, try
// again" and asks again.
YesNo ask_yes_no(Io& io, const std::string& prompt);

}  // namespace kstool
