// Prompts for passwords about to be set (new_password.h).
#include "new_password.h"

#include "errors.h"
#include "terminal.h"

namespace kstool {

using kstore::Password;

namespace {

std::optional<Password> ask_password(Context& ctx, const std::string& prompt) {
  ctx.io.out.flush();
  ctx.io.err << prompt << std::flush;
  return read_password(ctx.io.in);
}

bool same(const std::optional<Password>& a, const std::optional<Password>& b) {
  if (!a || !b) return !a && !b;  // Arrays.equals(null, null)
  return *a == *b;
}

// A new password of at least 6 chars typed, then "Re-enter new password: ":
// true when the second answer is the same, else keytool's complaint.
bool confirmed(Context& ctx, const std::optional<Password>& typed) {
  if (same(typed, ask_password(ctx, "Re-enter new password: "))) return true;
  ctx.io.err << "They don't match. Try again\n";
  return false;
}

}  // namespace

Outcome new_store_password(Context& ctx, std::optional<Password> given, const char* prompt,
                           std::optional<Password>& out) {
  if (given) {
    if (given->length() < 6) return Outcome::exception("Keystore password must be at least 6 characters");
    out = std::move(given);
    return Outcome::ok();
  }
  for (int tries = 0; tries < 3 && !out; ++tries) {
    std::optional<Password> typed = ask_password(ctx, prompt);
    if (!typed || typed->length() < 6) {
      ctx.io.err << "Keystore password is too short - must be at least 6 characters\n";
      continue;
    }
    if (confirmed(ctx, typed)) out = std::move(typed);
  }
  if (!out) return store_password_given_up(ctx.inv.strict, ctx.io.err);
  return Outcome::ok();
}

Outcome prompt_new_key_password(Context& ctx, const std::string& alias, const Password& store_password,
                                std::optional<Password>& out) {
  for (int tries = 0; tries < 3; ++tries) {
    ctx.io.out.flush();
    ctx.io.err << "Enter key password for <" << alias << ">\n\t(RETURN if same as keystore password):  " << std::flush;
    std::optional<Password> typed = read_password(ctx.io.in);
    if (!typed) {
      out = store_password.clone();
      return Outcome::ok();
    }
    if (typed->length() < 6) {
      ctx.io.err << "Key password is too short - must be at least 6 characters\n";
      continue;
    }
    if (!confirmed(ctx, typed)) continue;
    out = std::move(typed);
    return Outcome::ok();
  }
  return Outcome::exception("Too many failures - key not added to keystore");
}

Outcome prompt_changed_password(Context& ctx, const std::string& what, const Password* old_password,
                                std::optional<Password>& out) {
  for (int tries = 0; tries < 3; ++tries) {
    std::optional<Password> typed = ask_password(ctx, "New " + what + ": ");
    if (!typed || typed->length() < 6) {
      ctx.io.err << "Password is too short - must be at least 6 characters\n";
    } else if (old_password != nullptr && *typed == *old_password) {
      ctx.io.err << "Passwords must differ\n";
    } else {
      std::optional<Password> again = ask_password(ctx, "Re-enter new " + what + ": ");
      if (same(typed, again)) {
        out = std::move(typed);
        return Outcome::ok();
      }
      ctx.io.err << "They don't match. Try again\n";
    }
  }
  return Outcome::exception("Too many failures - try later");
}

Outcome prompt_password_to_store(Context& ctx, Password& out) {
  if (!ctx.io.in.is_console()) {
    out = read_password(ctx.io.in).value_or(Password());
    return Outcome::ok();
  }
  for (int tries = 0; tries < 3; ++tries) {
    std::optional<Password> typed = ask_password(ctx, "Enter the password to be stored:  ");
    std::optional<Password> again = ask_password(ctx, "Re-enter password: ");
    if (same(typed, again)) {
      out = typed ? std::move(*typed) : Password();
      return Outcome::ok();
    }
    ctx.io.err << "They don't match. Try again\n";
  }
  return Outcome::exception("Too many failures - key not added to keystore");
}

}  // namespace kstool
