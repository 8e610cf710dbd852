// -exportcert: keytool's doExportCert (JDK 17). The certificate of an entry
// (a key entry's first) as DER, or as PEM with -rfc, on stdout or into
// -file. keytool opens -file before it looks for the alias, so a failed
// export leaves an empty file behind; kstool writes the file only once the
// certificate is there, atomically (README, "Differences from keytool").
#include <sys/stat.h>

#include <cerrno>
#include <string>

#include "commands.h"
#include "keystore_access.h"
#include "kstore/file.h"
#include "kstore/x509.h"
#include "text.h"
#include "weak_algorithms.h"

namespace kstool {
namespace {

// The permissions FileOutputStream gives a new file: 0666 less the umask.
unsigned new_output_file_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

Outcome write_output(Context& ctx, const std::string& bytes) {
  if (!ctx.inv.file) {
    ctx.io.out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return Outcome::ok();
  }
  const std::string& path = *ctx.inv.file;
  const kstore::ByteView view = kstore::as_bytes(bytes);
  errno = 0;
  const kstore::Status written = kstore::write_file_atomic(path, view, new_output_file_mode());
  if (!written.ok()) {
    const int err = errno != 0 ? errno : EACCES;
    return Outcome::error("java.io.FileNotFoundException", path + " (" + java_errno_text(err) + ")");
  }
  ctx.io.err << "Certificate stored in file <" << path << ">\n";
  return Outcome::ok();
}

}  // namespace

Outcome run_export_cert(Context& ctx) {
  const Invocation& inv = ctx.inv;
  OpenedKeystore ks;
  KSTOOL_TRY(open_existing_keystore(ctx, StorePasswordPrompt::kOnce, ks));
  if (!ks.password && !inv.protected_path && !ks.jdk().passwordless()) print_no_integrity_warning(ctx.io.err);

  const std::string alias = inv.alias.value_or("mykey");
  const kstore::Entry* e = ks.jdk().find(alias);
  if (e == nullptr) return Outcome::exception("Alias <" + alias + "> does not exist");
  if (e->chain.empty()) return Outcome::exception("Alias <" + alias + "> has no certificate");

  const kstore::ByteView der = e->chain[0].encoded;
  const std::string bytes = inv.rfc ? kstore::x509::to_pem(der, kstore::x509::PemLineEndings::kJdk17)
                                    : std::string(der.begin(), der.end());
  KSTOOL_TRY(write_output(ctx, bytes));
  const TrustedCertificates trusted(ks);
  check_weak_certificate(ctx, "The certificate", der, [&trusted](kstore::ByteView d) { return trusted.contains(d); });
  return Outcome::ok();
}

}  // namespace kstool
