// One character of the standard base64 alphabet (RFC 4648 §4), for the two
// PEM readers: pem.cc's and the JDK-like certificate stream's.
#pragma once

namespace kstore::x509 {

// 0..63, or -1 for a character outside the alphabet (padding and white
// space included).
int base64_digit(int c);

}  // namespace kstore::x509
