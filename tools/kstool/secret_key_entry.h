// A secret key entry added to a keystore, as keytool's doGenSecretKey adds
// it for both -genseckey and -importpass (JDK 17): the keystore opened or
// created, the key generated (-keyalg names a KeyGenerator) or made of a
// password read from the user (-keyalg PBE...), sealed as the store
// protects it, the store written.
#pragma once

#include "context.h"
#include "outcome.h"

namespace kstool {

// doGenSecretKey with ctx.inv as given; -keyalg is required (keytool's
// "The -keyalg option must be specified.").
Outcome add_secret_key_entry(Context& ctx);

}  // namespace kstool
