// PEM armour for certificates (RFC 7468 §5) with the line endings each JDK
// writes (java.util.Base64.getMimeEncoder as used by keytool -rfc), and
// reading of PEM or DER input as keytool -printcert/-importcert accept it.
#include <cstring>

#include "der/reader.h"
#include "kstore/x509.h"
#include "x509/base64.h"

namespace kstore::x509 {

int base64_digit(int c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kBegin = "-----BEGIN CERTIFICATE-----";
constexpr std::string_view kEnd = "-----END CERTIFICATE-----";

std::string base64(ByteView in) {
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const uint32_t v = (uint32_t(in[i]) << 16) | (uint32_t(in[i + 1]) << 8) | in[i + 2];
    out.push_back(kAlphabet[v >> 18]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out.push_back(kAlphabet[(v >> 6) & 63]);
    out.push_back(kAlphabet[v & 63]);
  }
  if (i < in.size()) {
    const bool two = i + 1 < in.size();
    const uint32_t v = (uint32_t(in[i]) << 16) | (two ? uint32_t(in[i + 1]) << 8 : 0);
    out.push_back(kAlphabet[v >> 18]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out.push_back(two ? kAlphabet[(v >> 6) & 63] : '=');
    out.push_back('=');
  }
  return out;
}

Result<Bytes> unbase64(std::string_view text) {
  Bytes out;
  uint32_t acc = 0;
  int bits = 0;
  size_t pad = 0;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (c == '=') {
      ++pad;
      continue;
    }
    const int v = base64_digit(static_cast<unsigned char>(c));
    if (v < 0 || pad) return Status::Malformed("PEM: invalid base64 character");
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<uint8_t>(acc >> bits));
    }
  }
  if (pad > 2) return Status::Malformed("PEM: bad base64 padding");
  return out;
}

// Length of the DER (or BER, as X509Factory reads it) element at the start
// of `in`, or 0 if it is not one.
size_t der_element_size(ByteView in) {
  der::Reader r(in, der::Mode::kBer);
  auto e = r.read_element();
  return e.ok() ? e->encoding.size() : 0;
}

}  // namespace

std::string to_pem(ByteView der_bytes, PemLineEndings endings) {
  const std::string b64 = base64(der_bytes);
  const char* inner = endings == PemLineEndings::kUnix ? "\n" : "\r\n";
  const char* outer = endings == PemLineEndings::kJdk25 ? "\r\n" : "\n";
  std::string out(kBegin);
  out += outer;
  for (size_t i = 0; i < b64.size(); i += 64) {
    out.append(b64, i, 64);
    out += i + 64 >= b64.size() ? outer : inner;
  }
  out += kEnd;
  out += outer;
  return out;
}

Result<std::vector<Bytes>> parse_certificates(ByteView input) {
  std::vector<Bytes> out;
  const std::string_view text = as_chars(input);
  if (text.find(kBegin) != std::string_view::npos) {
    size_t pos = 0;
    while ((pos = text.find(kBegin, pos)) != std::string_view::npos) {
      const size_t body = pos + kBegin.size();
      const size_t end = text.find(kEnd, body);
      if (end == std::string_view::npos) return Status::Malformed("PEM: certificate ", out.size() + 1, " has no END line");
      KS_ASSIGN_OR_RETURN(Bytes der_bytes, unbase64(text.substr(body, end - body)));
      if (der_element_size(der_bytes) != der_bytes.size() || der_bytes.empty() || der_bytes[0] != der::kSequence) {
        return Status::Malformed("PEM: certificate ", out.size() + 1, " is not one DER SEQUENCE");
      }
      out.push_back(std::move(der_bytes));
      pos = end + kEnd.size();
    }
    return out;
  }
  // DER: one certificate, or several back to back as CertificateFactory reads them.
  ByteView rest = input;
  while (!rest.empty()) {
    const size_t n = rest[0] == der::kSequence ? der_element_size(rest) : 0;
    if (n == 0) return Status::UnknownFormat("input is neither PEM nor a DER certificate");
    out.push_back(to_bytes(rest.first(n)));
    rest = rest.subspan(n);
  }
  if (out.empty()) return Status::Malformed("no certificate in the input");
  return out;
}

}  // namespace kstore::x509
