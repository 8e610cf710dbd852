// How keytool protects the keys it adds to a keystore: PKCS#12 with its
// configured key protection (-J-Dkeystore.pkcs12.* properties, else the
// defaults), JKS and JCEKS with their own schemes.
#pragma once

#include "context.h"
#include "kstore/sealing.h"
#include "kstore/store_type.h"

namespace kstool {

// The parameters for sealing a key keytool adds to a store of `format`.
kstore::SealParams seal_params_for_new_keys(const Context& ctx, kstore::StoreType format);

}  // namespace kstool
