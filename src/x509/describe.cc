// Placeholder until the keytool renderer lands.
#include "kstore/x509.h"

namespace kstore::x509 {

Result<std::string> keytool_describe(ByteView) { return Status::Unsupported("keytool_describe not yet implemented"); }

}  // namespace kstore::x509
