// Password option values: plain, or through the :env and :file modifiers, as
// keytool's KeyStoreUtil.getPassWithModifier reads them (JDK 17). A value
// passes only through wiped buffers and views (docs/secrets.md).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <string>

#include "cli.h"
#include "text.h"

namespace kstool {
namespace {

bool is_url_with_known_scheme(std::string_view s, std::string* scheme_out) {
  // java.net.URL accepts these protocols out of the box; anything else is a
  // MalformedURLException, and keytool then treats the text as a file name.
  static const char* const kSchemes[] = {"file", "http", "https", "ftp", "jar", "jrt", "mailto"};
  const size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  std::string scheme(s.substr(0, colon));
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* k : kSchemes) {
    if (scheme == k) {
      *scheme_out = scheme;
      return true;
    }
  }
  return false;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// BufferedReader.readLine on the file's first line: the text up to \n, \r or
// \r\n; an empty file gives an empty password.
// The first line of a password file. Read with plain read(2) in small
// chunks into wiped buffers: an ifstream would leave the file's contents in
// its own buffer, freed without being cleared.
Outcome read_first_line(const std::string& path, const std::string& shown, kstore::SecretBytes& line) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
    return Outcome::usage("java.io.IOException: " + shown + " (Is a directory)");
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    return Outcome::usage("java.io.FileNotFoundException: " + shown + " (" + java_errno_text(err) + ")");
  }
  line = kstore::SecretBytes();
  kstore::SecretBytes chunk(256);
  bool done = false;
  while (!done) {
    const ssize_t n = ::read(fd, chunk.data(), chunk.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    size_t end = 0;
    while (end < static_cast<size_t>(n) && chunk[end] != '\n' && chunk[end] != '\r') ++end;
    line.append(chunk.view().first(end));
    done = end < static_cast<size_t>(n);
  }
  ::close(fd);
  return Outcome::ok();
}

}  // namespace

Outcome password_from_modifier(const std::optional<std::string>& modifier, const std::string& arg,
                               const ParseEnvironment& env, std::optional<kstore::Password>& out) {
  if (!modifier) {
    out = kstore::Password::from_utf8(arg);
    return Outcome::ok();
  }
  if (collator_equals(*modifier, "env")) {
    const std::optional<std::string_view> value = env.getenv ? env.getenv(arg) : std::nullopt;
    if (!value) return Outcome::usage("Cannot find environment variable: " + arg);
    out = kstore::Password::from_utf8(*value);  // the value itself is wiped by whoever owns it
    return Outcome::ok();
  }
  if (collator_equals(*modifier, "file")) {
    std::string path = arg;
    std::string scheme;
    if (is_url_with_known_scheme(arg, &scheme)) {
      if (scheme != "file")
        return Outcome::usage("java.io.IOException: kstool reads passwords from local files only, not from " + arg);
      // file:/p, file:///p and file://localhost/p all name /p.
      std::string_view rest = std::string_view(arg).substr(5);
      if (rest.substr(0, 2) == "//") {
        rest.remove_prefix(2);
        const size_t slash = rest.find('/');
        rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
      }
      path = percent_decode(rest);
    } else {
      struct stat st {};
      if (::stat(path.c_str(), &st) != 0) return Outcome::usage("Cannot find file: " + arg);
    }
    kstore::SecretBytes line;
    KSTOOL_TRY(read_first_line(path, path, line));
    out = kstore::Password::from_utf8(
        std::string_view(reinterpret_cast<const char*>(line.data()), line.size()));
    return Outcome::ok();
  }
  return Outcome::usage("Unknown password type: " + *modifier);
}

}  // namespace kstool
