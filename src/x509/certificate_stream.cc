// Certificates read as the JDK's CertificateFactory("X.509") reads a stream
// (sun.security.provider.X509Factory: readOneBlock, readBERInternal,
// parseX509orPKCS7Cert; docs/formats.md, "Certificate files").
#include <optional>
#include <string>

#include "der/reader.h"
#include "kstore/x509.h"
#include "x509/base64.h"

namespace kstore::x509 {
namespace {

constexpr int kMaxBerDepth = 64;  // the JDK recurses without a bound; kstore does not

// 1.2.840.113549.1.7.2, PKCS #7 signedData.
constexpr uint8_t kSignedData[] = {0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02};

bool is_space(int c) { return c == 9 || c == 10 || c == 13 || c == 32; }

// java.util.Base64.getDecoder(): the basic alphabet, no white space (the
// reader removed it), padding optional but only where a unit may end.
Result<Bytes> java_base64_decode(std::string_view text) {
  Bytes out;
  uint32_t acc = 0;
  int digits = 0;  // in the current 4-digit unit
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '=') {
      // "xx==" or "xxx=", and nothing after.
      const bool fits = (digits == 2 && i + 1 < text.size() && text[i + 1] == '=' && i + 2 == text.size()) ||
                        (digits == 3 && i + 1 == text.size());
      if (!fits) return Status::Malformed("base64: wrong 4-byte ending unit");
      break;
    }
    const int v = base64_digit(static_cast<unsigned char>(c));
    if (v < 0) return Status::Malformed("base64: illegal character ", static_cast<int>(static_cast<unsigned char>(c)));
    acc = (acc << 6) | static_cast<uint32_t>(v);
    if (++digits == 4) {
      out.push_back(static_cast<uint8_t>(acc >> 16));
      out.push_back(static_cast<uint8_t>(acc >> 8));
      out.push_back(static_cast<uint8_t>(acc));
      acc = 0;
      digits = 0;
    }
  }
  if (digits == 1) return Status::Malformed("base64: last unit does not have enough valid bits");
  if (digits == 2) out.push_back(static_cast<uint8_t>(acc >> 4));
  if (digits == 3) {
    out.push_back(static_cast<uint8_t>(acc >> 10));
    out.push_back(static_cast<uint8_t>(acc >> 2));
  }
  return out;
}

bool header_names_a_block(const std::string& line, size_t prefix_length, const char* prefix) {
  return line.size() >= prefix_length + 5 && line.compare(0, std::char_traits<char>::length(prefix), prefix) == 0 &&
         line.compare(line.size() - 5, 5, "-----") == 0;
}

std::string strip_trailing(std::string s) {
  while (!s.empty() && (static_cast<unsigned char>(s.back()) <= ' ')) s.pop_back();
  return s;
}

class BlockReader {
 public:
  explicit BlockReader(ByteView input) : in_(input) {}

  bool at_end() const { return pos_ >= in_.size(); }

  // readOneBlock: the next block's bytes, nullopt when only text without a
  // header is left.
  Result<std::optional<Bytes>> next_block() {
    const int c = read();
    if (c < 0) return std::optional<Bytes>();
    if (c == der::kSequence) {
      Bytes block{static_cast<uint8_t>(c)};
      KS_TRY(read_ber(block, c, 0).status());
      return std::optional<Bytes>(std::move(block));
    }
    return base64_block(c);
  }

 private:
  int read() { return pos_ < in_.size() ? in_[pos_++] : -1; }

  // readBERInternal: one element (tag already read unless `tag` < 0) copied
  // into `out`, indefinite lengths included; returns its tag.
  Result<int> read_ber(Bytes& out, int tag, int depth) {
    if (depth > kMaxBerDepth) return Status::LimitExceeded("certificate input: BER nested more than ", kMaxBerDepth, " deep");
    if (tag < 0) {
      tag = read();
      if (tag < 0) return Status::Malformed("certificate input: BER/DER tag info absent");
      if ((tag & 0x1f) == 0x1f) return Status::Malformed("certificate input: multi octets tag not supported");
      out.push_back(static_cast<uint8_t>(tag));
    }
    const int n = read();
    if (n < 0) return Status::Malformed("certificate input: BER/DER length info absent");
    out.push_back(static_cast<uint8_t>(n));
    if (n == 0x80) {
      if ((tag & 0x20) == 0) return Status::Malformed("certificate input: non constructed encoding must have definite length");
      for (;;) {
        KS_ASSIGN_OR_RETURN(int sub, read_ber(out, -1, depth + 1));
        if (sub == 0) return tag;
      }
    }
    size_t length = static_cast<size_t>(n);
    if (n > 0x80) {
      const int count = n - 0x80;
      if (count > 4) return Status::Malformed("certificate input: invalid BER/DER data (too huge?)");
      length = 0;
      for (int i = 0; i < count; ++i) {
        const int b = read();
        if (b < 0) return Status::Malformed("certificate input: incomplete BER/DER length info");
        if (count == 4 && i == 0 && b > 127) return Status::Malformed("certificate input: invalid BER/DER data (a little huge?)");
        out.push_back(static_cast<uint8_t>(b));
        length = (length << 8) | static_cast<size_t>(b);
      }
    }
    if (length > in_.size() - pos_) return Status::Truncated("certificate input: incomplete BER/DER data");
    out.insert(out.end(), in_.begin() + static_cast<ptrdiff_t>(pos_), in_.begin() + static_cast<ptrdiff_t>(pos_ + length));
    pos_ += length;
    return tag;
  }

  // Step 1 of the base64 branch: five hyphens at the start of the block or
  // of a line. False when the input ends first.
  bool find_header(int first) {
    int hyphens = first == '-' ? 1 : 0;
    int last = first == '-' ? -1 : first;
    for (;;) {
      const int next = read();
      if (next < 0) return false;
      if (next == '-') {
        ++hyphens;
      } else {
        hyphens = 0;
        last = next;
      }
      if (hyphens == 5 && (last == -1 || last == '\r' || last == '\n')) return true;
    }
  }

  Result<std::optional<Bytes>> base64_block(int first) {
    if (!find_header(first)) return std::optional<Bytes>();
    // Step 2: the rest of the header line, and which character ends lines.
    std::string header = "-----";
    std::string data;
    int end = '\n';
    for (;;) {
      int next = read();
      if (next < 0) return Status::Malformed("certificate input: incomplete data");
      if (next == '\n') break;
      if (next == '\r') {
        next = read();
        if (next < 0) return Status::Malformed("certificate input: incomplete data");
        if (next != '\n') {
          end = '\r';
          if (!is_space(next)) data.push_back(static_cast<char>(next));
        }
        break;
      }
      header.push_back(static_cast<char>(next));
    }
    // Step 3: base64 up to the next hyphen, white space dropped.
    for (;;) {
      const int next = read();
      if (next < 0) return Status::Malformed("certificate input: incomplete data");
      if (next == '-') break;
      if (!is_space(next)) data.push_back(static_cast<char>(next));
    }
    // Step 4: the footer, to the end of its line.
    std::string footer = "-";
    for (;;) {
      const int next = read();
      if (next < 0 || next == end || next == '\n') break;
      if (next != '\r') footer.push_back(static_cast<char>(next));
    }
    KS_TRY(check_header_footer(strip_trailing(header), strip_trailing(footer)));
    KS_ASSIGN_OR_RETURN(Bytes decoded, java_base64_decode(data));
    return std::optional<Bytes>(std::move(decoded));
  }

  static Status check_header_footer(const std::string& header, const std::string& footer) {
    if (header.size() < 16 || !header_names_a_block(header, 11, "-----BEGIN "))
      return Status::Malformed("certificate input: illegal header: ", header);
    if (footer.size() < 14 || !header_names_a_block(footer, 9, "-----END "))
      return Status::Malformed("certificate input: illegal footer: ", footer);
    if (header.substr(11, header.size() - 16) != footer.substr(9, footer.size() - 14))
      return Status::Malformed("certificate input: header and footer do not match: ", header, " ", footer);
    return Status::Ok();
  }

  ByteView in_;
  size_t pos_ = 0;
};

// new PKCS7(data).getCertificates(): nullopt when `data` is no PKCS #7
// signedData (the JDK's ParsingException), else its certificates.
std::optional<std::vector<Bytes>> pkcs7_certificates(ByteView data) {
  der::Reader top(data, der::Mode::kBer);
  auto content_info = top.read_sequence();
  if (!content_info.ok()) return std::nullopt;
  auto type = content_info->read_oid();
  if (!type.ok() || !std::equal(type->begin(), type->end(), std::begin(kSignedData), std::end(kSignedData)))
    return std::nullopt;
  auto content = content_info->read_explicit(0);
  if (!content.ok()) return std::nullopt;
  auto signed_data = content->read_sequence();
  if (!signed_data.ok() || !signed_data->read_element(der::kInteger).ok() || !signed_data->read_set().ok() ||
      !signed_data->read_sequence().ok())
    return std::nullopt;
  std::vector<Bytes> certs;
  if (signed_data->next_is(der::context_tag(0, true))) {
    auto set = signed_data->read_constructed(der::context_tag(0, true));
    if (!set.ok()) return std::nullopt;
    while (!set->empty()) {
      auto cert = set->read_element();
      if (!cert.ok()) return std::nullopt;
      if (cert->tag == der::kSequence) certs.push_back(to_bytes(cert->encoding));
    }
  }
  return certs;
}

// new X509CertImpl(data): the block must be one certificate.
Status check_certificate(ByteView data) {
  auto summary = summarize(data);
  if (!summary.ok()) return Status::Malformed("certificate input: not an X.509 certificate: ", summary.status().message());
  return Status::Ok();
}

}  // namespace

Result<std::vector<Bytes>> read_certificates_as_jdk(ByteView input) {
  std::vector<Bytes> certs;
  if (input.empty()) return certs;
  BlockReader reader(input);
  KS_ASSIGN_OR_RETURN(std::optional<Bytes> block, reader.next_block());
  if (!block) return Status::Malformed("certificate input: no certificate data found");
  if (std::optional<std::vector<Bytes>> from_pkcs7 = pkcs7_certificates(*block)) return std::move(*from_pkcs7);
  while (block) {
    KS_TRY(check_certificate(*block));
    certs.push_back(std::move(*block));
    KS_ASSIGN_OR_RETURN(block, reader.next_block());
  }
  return certs;
}

Result<Bytes> read_certificate_as_jdk(ByteView input) {
  BlockReader reader(input);
  KS_ASSIGN_OR_RETURN(std::optional<Bytes> block, reader.next_block());
  if (!block) return Status::Malformed("certificate input: empty input");
  KS_TRY(check_certificate(*block));
  return std::move(*block);
}

}  // namespace kstore::x509
