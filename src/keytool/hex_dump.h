// sun.security.util.HexDumpEncoder.encodeBuffer, as keytool prints key
// identifiers, policy qualifiers and extensions it cannot decode.
#pragma once

#include <string>

#include "kstore/bytes.h"

namespace kstore::keytool {

// "0000: 9D 01 … 7D 20  ..m..A[..-..ae. \n" per 16 bytes; empty for no bytes.
std::string hex_dump(ByteView bytes);

}  // namespace kstore::keytool
