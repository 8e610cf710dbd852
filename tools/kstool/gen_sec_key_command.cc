// -genseckey: a generated secret key, or with -keyalg PBE... a password, in
// a new or existing keystore (secret_key_entry.h).
#include "secret_key_entry.h"

namespace kstool {

Outcome run_gen_sec_key(Context& ctx) { return add_secret_key_entry(ctx); }

}  // namespace kstool
