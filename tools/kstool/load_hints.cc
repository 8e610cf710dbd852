// Hints after loading a keystore (load_hints.h).
#include "load_hints.h"

#include <optional>
#include <string_view>

#include "kstore/java_string.h"
#include "kstore/store_type.h"

namespace kstool {
namespace {

// The label of the first PEM block ("CERTIFICATE", "PRIVATE KEY"), if the
// file holds one within its first 64 KiB.
std::optional<std::string> pem_label(kstore::ByteView file) {
  const std::string_view text(reinterpret_cast<const char*>(file.data()), std::min<size_t>(file.size(), 65536));
  constexpr std::string_view kBegin = "-----BEGIN ";
  const size_t begin = text.find(kBegin);
  if (begin == std::string_view::npos) return std::nullopt;
  const size_t start = begin + kBegin.size();
  const size_t end = text.find("-----", start);
  if (end == std::string_view::npos || end - start > 64) return std::nullopt;
  return std::string(text.substr(start, end - start));
}

// The format a file name suggests by its extension, if it suggests one.
std::optional<kstore::StoreType> format_by_name(const std::string& path) {
  const size_t dot = path.rfind('.');
  if (dot == std::string::npos || path.find('/', dot) != std::string::npos) return std::nullopt;
  const std::string_view ext = std::string_view(path).substr(dot + 1);
  if (kstore::equals_ignore_ascii_case(ext, "jks")) return kstore::StoreType::kJks;
  if (kstore::equals_ignore_ascii_case(ext, "jceks")) return kstore::StoreType::kJceks;
  if (kstore::equals_ignore_ascii_case(ext, "p12") || kstore::equals_ignore_ascii_case(ext, "pfx"))
    return kstore::StoreType::kPkcs12;
  return std::nullopt;
}

}  // namespace

void print_load_failure_hint(std::ostream& err, const std::string& path, kstore::ByteView file,
                             const kstore::Status& status) {
  if (status.code() == kstore::ErrorCode::kTruncated) {
    err << "kstool: hint: " << path << " ends before the data it announces (" << file.size()
        << " bytes): it looks cut short, as by an interrupted copy or download\n";
    return;
  }
  const std::optional<kstore::StoreType> detected = kstore::detect_store_type(file);
  if (!detected) {
    if (std::optional<std::string> label = pem_label(file))
      err << "kstool: hint: " << path << " is PEM text (" << *label << "), not a keystore\n";
    return;
  }
  const std::optional<kstore::StoreType> named = format_by_name(path);
  if (named && *named != *detected) {
    err << "kstool: hint: " << path << " holds a " << kstore::store_type_name(*detected)
        << " keystore, although its name says " << kstore::store_type_name(*named) << "\n";
  }
}

void print_load_hint(std::ostream& err, const std::string& path, const kstore::Keystore& store) {
  const std::string& encoding = store.load_info().password_encoding;
  if (encoding.empty()) return;
  err << "kstool: hint: the password opened " << path << " only in an encoding JDK 17's keytool does not try ("
      << encoding << "); keytool 17 would reject it\n";
}

}  // namespace kstool
