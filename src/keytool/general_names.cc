// GeneralName (RFC 5280 §4.2.1.6) text as printed by the JDK's
// sun.security.x509 name classes.
#include "keytool/general_names.h"

#include <cstdio>
#include <optional>

#include "der/writer.h"

#include "keytool/hex_dump.h"
#include "x509/java_text.h"
#include "x509/x500_name.h"

namespace kstore::keytool {
namespace {

std::string ia5(ByteView b) { return x509::to_utf8(x509::decode_ascii(b)); }

// java.net.URI accepts these ASCII characters unescaped (RFC 2396 unreserved,
// reserved and the '%' of escapes); anything else ASCII is a syntax error.
bool uri_char_ok(unsigned char c) {
  if (c >= 0x80) return true;  // "other" characters are allowed by java.net.URI
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  static const std::string_view kAllowed = "-_.!~*'();/?:@&=+$,%#[]";
  return kAllowed.find(static_cast<char>(c)) != std::string_view::npos;
}

// URIName(String): the value must parse as a java.net.URI with a scheme.
Status check_uri(const std::string& name) {
  bool ok = !name.empty();
  for (size_t i = 0; ok && i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (!uri_char_ok(c)) ok = false;
    if (c == '%' && (i + 2 >= name.size() || !isxdigit(static_cast<unsigned char>(name[i + 1])) ||
                     !isxdigit(static_cast<unsigned char>(name[i + 2])))) {
      ok = false;
    }
  }
  if (!ok) return java_io_error("invalid URI name:" + name);
  size_t colon = name.find(':');
  bool scheme = colon != std::string::npos && colon > 0 && isalpha(static_cast<unsigned char>(name[0]));
  for (size_t i = 1; scheme && i < colon; ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (!isalnum(c) && c != '+' && c != '-' && c != '.') scheme = false;
  }
  if (!scheme) return java_io_error("URI name must include scheme:" + name);
  return Status::Ok();
}

std::string ipv4_text(ByteView a) {
  char buf[20];
  snprintf(buf, sizeof buf, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
  return buf;
}

// InetAddress.getByAddress(16 bytes).getHostAddress(): an IPv4-mapped address
// becomes an Inet4Address; otherwise eight groups of lower-case hex, no
// leading zeros and no "::" compression.
std::string ipv6_text(ByteView a) {
  bool mapped = true;
  for (int i = 0; i < 10; ++i) mapped &= a[i] == 0;
  mapped &= a[10] == 0xff && a[11] == 0xff;
  if (mapped) return ipv4_text(a.subspan(12, 4));
  std::string out;
  char buf[8];
  for (int i = 0; i < 8; ++i) {
    snprintf(buf, sizeof buf, "%x", (a[2 * i] << 8) | a[2 * i + 1]);
    if (i) out.push_back(':');
    out += buf;
  }
  return out;
}

// RFC822Name.parseName.
Status check_rfc822(const std::string& name) {
  if (name.empty()) return java_io_error("RFC822Name may not be null or empty");
  const size_t at = name.find('@');
  const std::string domain = name.substr(at == std::string::npos ? 0 : at + 1);
  if (domain.empty()) return java_io_error("RFC822Name may not end with @");
  if (domain == ".") return java_io_error("RFC822Name domain may not be just .");
  return Status::Ok();
}

// X500Name(DerInputStream) as used for directoryName: a SEQUENCE of RDNs, or
// (when the SEQUENCE tag is missing) the RDNs themselves; RDN and AVA checks
// with their exception texts.
Result<std::string> directory_name(ByteView contents) {
  ByteView rdns = contents;
  JavaDerStream first(contents);
  auto seq = first.get_der_value();
  if (seq.ok() && seq->tag == 0x30) rdns = seq->data;
  JavaDerStream rs(rdns);
  while (rs.available()) {
    KS_ASSIGN_OR_RETURN(JavaDer rdn, rs.get_der_value());
    if (rdn.tag != 0x31) return java_io_error("X500 RDN");
    JavaDerStream as(rdn.data);
    while (as.available()) {
      KS_ASSIGN_OR_RETURN(JavaDer ava, as.get_der_value());
      if (ava.tag != 0x30) return java_io_error("AVA not a sequence");
      JavaDerStream fields(ava.data);
      KS_ASSIGN_OR_RETURN(JavaDer oid, fields.get_der_value());
      KS_TRY(java_get_oid(oid).status());
      KS_ASSIGN_OR_RETURN(JavaDer value, fields.get_der_value());
      (void)value;
      if (fields.available()) return java_io_error("AVA, extra bytes = " + std::to_string(fields.available()));
    }
  }
  Bytes name = {0x30};
  der::append_length(name, rdns.size());
  name.insert(name.end(), rdns.begin(), rdns.end());
  auto text = x509::name_to_java_string(name);
  if (!text.ok()) return java_io_error("X500 RDN");
  return *text;
}

// otherName [0] IMPLICIT SEQUENCE { type-id, value }: OtherName.toString()
// for a type the JDK has no class for.
Result<std::string> other_name(ByteView contents) {
  JavaDerStream in(contents);
  KS_ASSIGN_OR_RETURN(JavaDer type, in.get_der_value());
  KS_ASSIGN_OR_RETURN(std::string oid, java_get_oid(type));
  // JDK 17 takes any element as the value (later JDKs insist on [0]).
  KS_ASSIGN_OR_RETURN(JavaDer value, in.get_der_value());
  (void)value;
  return "Other-Name: Unrecognized ObjectIdentifier: " + oid;
}

// EDIPartyName (JDK 17): only primitive [0]/[1] are read, each holding a
// whole string TLV; a missing partyName prints as "null".
Result<std::string> edi_party_name(ByteView contents) {
  std::vector<JavaDer> seq;
  JavaDerStream in(contents);
  while (in.available()) {
    KS_ASSIGN_OR_RETURN(JavaDer opt, in.get_der_value());
    seq.push_back(opt);
  }
  if (seq.empty() || seq.size() > 2) return java_io_error("Invalid encoding of EDIPartyName");
  std::optional<std::string> assigner, party;
  for (JavaDer opt : seq) {
    for (unsigned which : {0u, 1u}) {
      if (!opt.context(which) || opt.constructed()) continue;
      std::optional<std::string>& slot = which == 0 ? assigner : party;
      if (slot) {
        return java_io_error(which == 0 ? "Duplicate nameAssigner found in EDIPartyName"
                                        : "Duplicate partyName found in EDIPartyName");
      }
      JavaDerStream inner(opt.data);
      KS_ASSIGN_OR_RETURN(opt, inner.get_der_value());
      std::u16string text;
      slot = x509::der_string_as_java(opt.tag, opt.data, &text) ? x509::to_utf8(text) : "null";
    }
  }
  std::string out = "EDIPartyName: ";
  if (assigner) out += "  nameAssigner = " + *assigner + ",";
  return out + "  partyName = " + party.value_or("null");
}

}  // namespace

Result<std::string> ip_address_to_string(ByteView a) {
  if (a.size() == 4) return ipv4_text(a);
  if (a.size() == 8) return ipv4_text(a.first(4)) + "/" + ipv4_text(a.subspan(4));
  if (a.size() == 16) return ipv6_text(a);
  if (a.size() == 32) {
    // Prefix length from a contiguous mask; otherwise toString falls back to a hex dump.
    size_t bits = 0;
    while (bits < 128 && ((a[16 + bits / 8] >> (7 - bits % 8)) & 1)) ++bits;
    for (size_t i = bits; i < 128; ++i) {
      if ((a[16 + i / 8] >> (7 - i % 8)) & 1) return hex_dump(a);
    }
    return ipv6_text(a.first(16)) + "/" + std::to_string(bits);
  }
  return java_io_error("Invalid IPAddressName");
}

Result<std::string> general_name_to_string(const JavaDer& n, bool name_constraint) {
  const unsigned tag = n.tag & 0x1f;
  const bool context = (n.tag & 0xc0) == 0x80;
  const bool constructed = n.constructed();
  switch (tag) {
    case 0:
      if (!context || !constructed) return java_io_error("Invalid encoding of Other-Name");
      return other_name(n.data);
    case 1: {
      if (!context || constructed) return java_io_error("Invalid encoding of RFC822 name");
      const std::string name = ia5(n.data);
      KS_TRY(check_rfc822(name));
      return "RFC822Name: " + name;
    }
    case 2:
      if (!context || constructed) return java_io_error("Invalid encoding of DNSName");
      return "DNSName: " + ia5(n.data);
    case 3:
      if (!context || !constructed) return java_io_error("Invalid encoding of X400Address name");
      return std::string("X400Address: <DER-encoded value>");
    case 4:
      if (!context || !constructed) return java_io_error("Invalid encoding of Directory name");
      return directory_name(n.data);
    case 5:
      if (!context || !constructed) return java_io_error("Invalid encoding of EDI name");
      return edi_party_name(n.data);
    case 6: {
      if (!context || constructed) return java_io_error("Invalid encoding of URI");
      const std::string name = ia5(n.data);
      // Name constraints may hold a bare host or domain (URIName.nameConstraint).
      if (!name_constraint) KS_TRY(check_uri(name));
      return "URIName: " + name;
    }
    case 7: {
      if (!context || constructed) return java_io_error("Invalid encoding of IP address");
      KS_ASSIGN_OR_RETURN(std::string ip, ip_address_to_string(n.data));
      return "IPAddress: " + ip;
    }
    case 8: {
      if (!context || constructed) return java_io_error("Invalid encoding of OID name");
      JavaDer oid = n;
      oid.tag = 0x06;
      KS_ASSIGN_OR_RETURN(std::string dotted, java_get_oid(oid));
      return "OIDName: " + dotted;
    }
    default:
      return java_io_error("Unrecognized GeneralName tag, (" + std::to_string(tag) + ")");
  }
}

Result<std::vector<std::string>> general_names(const JavaDer& value) {
  if (value.tag != 0x30) return java_io_error("Invalid encoding for GeneralNames.");
  if (value.data.empty()) return java_io_error("No data available in passed DER encoded value.");
  JavaDerStream in(value.data);
  std::vector<std::string> out;
  while (in.available()) {
    KS_ASSIGN_OR_RETURN(JavaDer n, in.get_der_value());
    KS_ASSIGN_OR_RETURN(std::string text, general_name_to_string(n));
    out.push_back(std::move(text));
  }
  return out;
}

std::string java_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += items[i];
  }
  return out + "]";
}

}  // namespace kstore::keytool
