// keytool's prompts for passwords that are about to be set: a new
// keystore's password, a new key's password, the new password of
// -storepasswd/-keypasswd, and the password -importpass stores
// (sun.security.tools.keytool.Main: the store password loop of doCommands,
// promptForKeyPass, getNewPasswd, promptForCredential).
#pragma once

#include <optional>
#include <string>

#include "context.h"
#include "kstore/password.h"
#include "outcome.h"

namespace kstool {

// A new keystore's password: `given` (at least 6 characters, else keytool's
// "Keystore password must be at least 6 characters"), or `prompt` and
// "Re-enter new password: " up to three times. keytool then prints "Too
// many failures - try later" and exits 0; kstool fails with that message
// (README, Differences from keytool).
Outcome new_store_password(Context& ctx, std::optional<kstore::Password> given, const char* prompt,
                           std::optional<kstore::Password>& out);

// promptForKeyPass for a new key entry in JKS or JCEKS: "Enter key password
// for <alias>" and "\t(RETURN if same as keystore password):  "; RETURN
// takes `store_password`, a password of at least 6 characters is asked
// again. Three tries, then "Too many failures - key not added to keystore".
Outcome prompt_new_key_password(Context& ctx, const std::string& alias, const kstore::Password& store_password,
                                std::optional<kstore::Password>& out);

// getNewPasswd: "New <what>: " and "Re-enter new <what>: " (what = "keystore
// password", "key password for <alias>"); at least 6 characters, not
// `old_password`, typed the same twice. Three tries, then "Too many
// failures - try later".
Outcome prompt_changed_password(Context& ctx, const std::string& what, const kstore::Password* old_password,
                                std::optional<kstore::Password>& out);

// promptForCredential (-importpass): without a console, one line read from
// standard input with no prompt; with one, "Enter the password to be
// stored:  " and "Re-enter password: " up to three times, then "Too many
// failures - key not added to keystore". No answer is the empty password.
Outcome prompt_password_to_store(Context& ctx, kstore::Password& out);

}  // namespace kstool
