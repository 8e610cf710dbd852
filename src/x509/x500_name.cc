// X.500 names as Java prints them: sun.security.x509.X500Name.generateDN /
// generateRFC2253DN, RDN.toString / toRFC2253String and AVA.toString /
// toRFC2253String. The escaping rules are reimplemented on UTF-16 code units
// so that they agree with Java's char-based loops.
#include "x509/x500_name.h"

#include <vector>

#include "base/utf.h"
#include "der/reader.h"
#include "x509/java_text.h"

namespace kstore::x509 {
namespace {

struct Ava {
  std::string oid;      // dotted
  uint8_t value_tag = 0;
  ByteView value_contents;
  ByteView value_encoding;  // whole TLV, for the "#hex" forms
};

using Rdn = std::vector<Ava>;

// AVAKeyword: the keyword each OID gets when printed. Where the JDK registers
// two keywords for one OID the later one wins (ST over S, DNQ over DNQUALIFIER,
// EMAILADDRESS over EMAIL). `rfc2253` marks the ones getName() may use.
struct Keyword {
  const char* oid;
  const char* keyword;
  bool rfc2253;
};
constexpr Keyword kKeywords[] = {
    {"2.5.4.3", "CN", true},
    {"2.5.4.6", "C", true},
    {"2.5.4.7", "L", true},
    {"2.5.4.8", "ST", true},
    {"2.5.4.10", "O", true},
    {"2.5.4.11", "OU", true},
    {"2.5.4.12", "T", false},
    {"1.3.6.1.4.1.42.2.11.2.1", "IP", false},
    {"2.5.4.9", "STREET", true},
    {"0.9.2342.19200300.100.1.25", "DC", true},
    {"2.5.4.46", "DNQ", false},
    {"2.5.4.4", "SURNAME", false},
    {"2.5.4.42", "GIVENNAME", false},
    {"2.5.4.43", "INITIALS", false},
    {"2.5.4.44", "GENERATION", false},
    {"1.2.840.113549.1.9.1", "EMAILADDRESS", false},
    {"0.9.2342.19200300.100.1.1", "UID", true},
    {"2.5.4.5", "SERIALNUMBER", false},
};

const Keyword* find_keyword(const std::string& oid) {
  for (const Keyword& k : kKeywords) {
    if (oid == k.oid) return &k;
  }
  return nullptr;
}

// DerValue.isPrintableStringChar.
bool is_printable_string_char(char16_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case ' ': case '\'': case '(': case ')': case '+': case ',': case '-':
    case '.': case '/': case ':': case '=': case '?':
      return true;
    default:
      return false;
  }
}

bool contains(std::u16string_view set, char16_t c) { return set.find(c) != std::u16string_view::npos; }

Result<Rdn> parse_rdn(der::Reader set) {
  Rdn rdn;
  while (!set.empty()) {
    KS_ASSIGN_OR_RETURN(der::Reader atv, set.read_sequence());
    KS_ASSIGN_OR_RETURN(ByteView oid, atv.read_oid());
    KS_ASSIGN_OR_RETURN(der::Element value, atv.read_element());
    KS_TRY(atv.expect_end());
    rdn.push_back(Ava{der::oid_to_string(oid), value.tag, value.contents, value.encoding});
  }
  return rdn;
}

Result<std::vector<Rdn>> parse_name(ByteView name) {
  der::Reader outer(name, der::Mode::kDer, 0, "Name");
  KS_ASSIGN_OR_RETURN(der::Reader rdns, outer.read_sequence());
  KS_TRY(outer.expect_end());
  std::vector<Rdn> out;
  while (!rdns.empty()) {
    KS_ASSIGN_OR_RETURN(der::Reader set, rdns.read_set());
    KS_ASSIGN_OR_RETURN(Rdn rdn, parse_rdn(set));
    out.push_back(std::move(rdn));
  }
  return out;
}

// AVA.toKeywordValueString: the value is quoted when it holds a special
// character, starts with white space, ends with white space or has two
// white-space characters in a row; '"' and '\' are backslash-escaped.
std::u16string ava_to_java_string(const Ava& ava) {
  const Keyword* k = find_keyword(ava.oid);
  std::u16string out = k ? from_ascii(k->keyword) : from_ascii("OID." + ava.oid);
  out.push_back('=');
  std::u16string value;
  if (!der_string_as_java(ava.value_tag, ava.value_contents, &value)) {
    out.push_back('#');
    out += from_ascii(hex_lower(ava.value_encoding));
    return out;
  }
  static constexpr std::u16string_view kEscapees = u",+=\n<>#;\\\"";
  bool quote_needed = false;
  bool previous_white = false;
  std::u16string buf;
  const size_t length = value.size();
  const bool already_quoted = length > 1 && value[0] == '"' && value[length - 1] == '"';
  for (size_t i = 0; i < length; ++i) {
    const char16_t c = value[i];
    if (already_quoted && (i == 0 || i == length - 1)) {
      buf.push_back(c);
      continue;
    }
    if (is_printable_string_char(c) || contains(kEscapees, c)) {
      if (!quote_needed && ((i == 0 && (c == ' ' || c == '\n')) || contains(kEscapees, c))) quote_needed = true;
      if (!(c == ' ' || c == '\n')) {
        if (c == '"' || c == '\\') buf.push_back('\\');
        previous_white = false;
      } else {
        if (!quote_needed && previous_white) quote_needed = true;
        previous_white = true;
      }
      buf.push_back(c);
    } else {
      previous_white = false;
      buf.push_back(c);
    }
  }
  if (!buf.empty() && (buf.back() == ' ' || buf.back() == '\n')) quote_needed = true;
  if (!already_quoted && quote_needed) {
    out.push_back('"');
    out += buf;
    out.push_back('"');
  } else {
    out += buf;
  }
  return out;
}

// AVA.toRFC2253String. Note the JDK decodes the raw content bytes of every
// string type as UTF-8 here, even BMPString and T61String.
std::u16string ava_to_rfc2253(const Ava& ava) {
  const Keyword* k = find_keyword(ava.oid);
  const bool keyword = k != nullptr && k->rfc2253;
  std::u16string out = keyword ? from_ascii(k->keyword) : from_ascii(ava.oid);
  out.push_back('=');
  const bool is_string = ava.value_tag == 0x13 || ava.value_tag == 0x14 || ava.value_tag == 0x16 ||
                         ava.value_tag == 0x1b || ava.value_tag == 0x1e || ava.value_tag == 0x0c;
  if (!keyword || !is_string) {
    out.push_back('#');
    out += from_ascii(hex_lower(ava.value_encoding));
    return out;
  }
  const std::u16string value = utf::decode_utf8_lenient_utf16(as_chars(ava.value_contents));
  static constexpr std::u16string_view kEscapees = u",=+<>#;\"\\";
  std::u16string buf;
  for (char16_t c : value) {
    if (is_printable_string_char(c) || contains(kEscapees, c)) {
      if (contains(kEscapees, c)) buf.push_back('\\');
      buf.push_back(c);
    } else if (c == 0) {
      buf += u"\\00";
    } else {
      buf.push_back(c);
    }
  }
  // Leading and trailing spaces and CRs are escaped.
  size_t lead = 0;
  while (lead < buf.size() && (buf[lead] == ' ' || buf[lead] == '\r')) ++lead;
  ptrdiff_t trail = static_cast<ptrdiff_t>(buf.size()) - 1;
  while (trail >= 0 && (buf[trail] == ' ' || buf[trail] == '\r')) --trail;
  for (size_t i = 0; i < buf.size(); ++i) {
    if (i < lead || static_cast<ptrdiff_t>(i) > trail) out.push_back('\\');
    out.push_back(buf[i]);
  }
  return out;
}

std::u16string rdn_text(const Rdn& rdn) {
  std::u16string out;
  for (size_t j = 0; j < rdn.size(); ++j) {
    if (j) out += u" + ";
    out += ava_to_java_string(rdn[j]);
  }
  return out;
}

}  // namespace

Result<std::string> rdn_to_java_string(ByteView set_contents) {
  KS_ASSIGN_OR_RETURN(Rdn rdn, parse_rdn(der::Reader(set_contents, der::Mode::kDer, 0, "RDN")));
  return to_utf8(rdn_text(rdn));
}

Result<std::string> name_to_java_string(ByteView name) {
  KS_ASSIGN_OR_RETURN(std::vector<Rdn> rdns, parse_name(name));
  std::u16string out;
  for (size_t i = rdns.size(); i-- > 0;) {
    if (i != rdns.size() - 1) out += u", ";
    out += rdn_text(rdns[i]);
  }
  return to_utf8(out);
}

Result<std::string> name_to_rfc2253(ByteView name) {
  KS_ASSIGN_OR_RETURN(std::vector<Rdn> rdns, parse_name(name));
  std::u16string out;
  for (size_t i = rdns.size(); i-- > 0;) {
    if (i != rdns.size() - 1) out.push_back(',');
    for (size_t j = 0; j < rdns[i].size(); ++j) {
      if (j) out.push_back('+');
      out += ava_to_rfc2253(rdns[i][j]);
    }
  }
  return to_utf8(out);
}

}  // namespace kstore::x509
