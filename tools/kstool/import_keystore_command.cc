// -importkeystore: keytool's doImportKeyStore (JDK 17), with its messages,
// prompts and order, over kstore. Where keytool ends with a
// NullPointerException at a prompt that gets no input, kstool fails with a
// message and exit 1 (README, "Differences from keytool"). Where keytool
// exits 0 although entries were not imported, so does kstool; -strict makes
// that exit 1.
#include <sys/stat.h>

#include <string>
#include <vector>

#include "commands.h"
#include "entry_transfer.h"
#include "import_preseal.h"
#include "import_stores.h"
#include "key_protection.h"
#include "kstore/file.h"
#include "reply_prompt.h"
#include "text.h"
#include "weak_algorithms.h"

namespace kstool {
namespace {

using kstore::Entry;

enum class ImportResult { kCancelled, kImported, kFailed };

struct ImportRun {
  Context& ctx;
  const OpenedKeystore& src;
  Destination& dest;
  kstore::SealParams seal_params;
  PresealedKeys presealed;  // whole-store imports only
};

// keytool's doImportKeyStoreSingle for the source alias `alias`.
Outcome import_one(ImportRun& run, const std::string& alias, ImportResult& result) {
  Context& ctx = run.ctx;
  OpenedKeystore& dest = run.dest.ks;
  std::string dest_alias = ctx.inv.dest.value_or(alias);
  if (dest.jdk().find(dest_alias) != nullptr) {
    if (ctx.inv.noprompt) {
      ctx.io.err << "Warning: Overwriting existing alias " << alias << " in destination keystore\n";
    } else if (ask_yes_no(ctx.io, "Existing entry alias " + alias + " exists, overwrite? [no]:  ") == YesNo::kNo) {
      std::optional<std::string> typed =
          ask_line(ctx.io, "Enter new alias name\t(RETURN to cancel import for this entry):  ");
      if (!typed) {
        // keytool: NullPointerException ("invalid null input"), nothing written.
        return Outcome::exception("Alias <" + dest_alias +
                                  "> exists in the destination keystore and no new alias name was given "
                                  "(end of input); use -noprompt to overwrite it or -destalias to rename it");
      }
      if (typed->empty()) {
        ctx.io.err << "Entry for alias " << alias << " not imported.\n";
        result = ImportResult::kCancelled;
        return Outcome::ok();
      }
      dest_alias = *typed;
    }
  }

  const Entry* e = run.src.jdk().find(alias);
  if (e == nullptr) return Outcome::exception("Alias <" + alias + "> does not exist");
  RecoveredEntry rec;
  KSTOOL_TRY(recover_entry(ctx, run.src, *e, alias, rec));
  Entry converted;
  std::string store_failure;
  auto presealed = run.presealed.find(e);
  KSTOOL_TRY(convert_for_destination(ctx, dest, rec, dest_alias, run.seal_params, converted, store_failure,
                                     presealed == run.presealed.end() ? nullptr : &presealed->second));
  // keytool checks the entry's certificate before it stores the entry, so
  // an entry the destination then refuses is checked too.
  if (!e->chain.empty()) {
    check_weak_certificate(ctx, "<" + dest_alias + ">", e->chain[0].encoded, [&dest](kstore::ByteView der) {
      const Entry* owner = dest.jdk().certificate_owner(der);
      return owner != nullptr && owner->type == kstore::EntryType::kTrustedCert;
    });
  }
  if (!store_failure.empty()) {
    ctx.io.err << "Problem importing entry for alias " << alias << ": " << store_failure << ".\n"
               << "Entry for alias " << alias << " not imported.\n";
    result = ImportResult::kFailed;
    return Outcome::ok();
  }
  dest.store.put(std::move(converted));
  result = ImportResult::kImported;
  return Outcome::ok();
}

// Copies the original of an in-place import to <file>.old (.old2, ...), as
// keytool does before it writes the new store; returns the name used.
Outcome back_up_original(const std::string& path, std::string& backup) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return Outcome::error("java.io.IOException", "cannot read " + path);
  kstore::Result<kstore::Bytes> original = kstore::read_file(path);
  if (!original.ok()) return Outcome::error("java.io.IOException", original.status().message());
  for (int n = 1;; ++n) {
    backup = path + ".old" + (n == 1 ? std::string() : std::to_string(n));
    struct stat probe {};
    if (::lstat(backup.c_str(), &probe) == 0) continue;
    kstore::Status written = kstore::write_file_atomic(backup, *original, st.st_mode & 07777);
    if (!written.ok()) return Outcome::error("java.io.IOException", written.message());
    return Outcome::ok();
  }
}

// The checks before anything is read, and both stores opened. In place,
// keytool reads the source first and lets its password stand for the
// destination's; otherwise the destination comes first. Either way the
// destination is locked before anything is read.
Outcome open_stores(Context& ctx, bool in_place, OpenedKeystore& src, Destination& dest) {
  const std::string& src_path = *ctx.inv.srckeystore;
  struct stat st {};
  if (::stat(src_path.c_str(), &st) == 0 && st.st_size == 0)
    return Outcome::exception("Source keystore file exists, but is empty: " + src_path);
  if (!in_place) ctx.io.err << "Importing keystore " << src_path << " to " << ctx.keystore_path << "...\n";
  if (!in_place && ::stat(ctx.keystore_path.c_str(), &st) == 0 && st.st_size == 0)
    return Outcome::exception("Keystore file exists, but is empty: " + ctx.keystore_path);
  if (in_place) {
    KSTOOL_TRY(lock_keystore(ctx, dest.lock));
    KSTOOL_TRY(open_source_keystore(ctx, src));
    return open_destination_keystore(ctx, true, src.password ? &*src.password : nullptr, dest);
  }
  KSTOOL_TRY(open_destination_keystore(ctx, false, nullptr, dest));
  return open_source_keystore(ctx, src);
}

// keytool's doImportKeyStoreAll: every entry the JDK sees, in its order,
// with a count at the end. `failed` counts the entries not imported.
Outcome import_all(ImportRun& run, size_t& failed) {
  Context& ctx = run.ctx;
  if (ctx.inv.dest || ctx.inv.srckeypass)
    return Outcome::exception("if alias not specified, destalias and srckeypass must not be specified");
  const kstore::JdkView src_view = run.src.jdk();
  const std::vector<const Entry*> entries = src_view.entries();
  run.presealed = preseal_keys(ctx, run.src, run.dest.ks, entries, run.seal_params);
  size_t imported = 0;
  for (const Entry* e : entries) {
    const std::string alias = src_view.alias(*e);
    ImportResult result = ImportResult::kCancelled;
    KSTOOL_TRY(import_one(run, alias, result));
    if (result == ImportResult::kImported) {
      ++imported;
      ctx.io.err << "Entry for alias " << alias << " successfully imported.\n";
    } else if (result == ImportResult::kFailed) {
      ++failed;
      if (!ctx.inv.noprompt && ask_yes_no(ctx.io, "Do you want to quit the import process? [no]:  ") == YesNo::kYes)
        break;
    }
  }
  ctx.io.err << "Import command completed:  " << format_integer(static_cast<int64_t>(imported))
             << " entries successfully imported, " << format_integer(static_cast<int64_t>(entries.size() - imported))
             << " entries failed or cancelled\n";
  return Outcome::ok();
}

// The destination written (in place: after the original is backed up), and
// keytool's backup message.
Outcome save_destination(Context& ctx, bool in_place, const OpenedKeystore& src, const Destination& dest) {
  const std::string& src_path = *ctx.inv.srckeystore;
  std::string backup;
  if (in_place) KSTOOL_TRY(back_up_original(src_path, backup));
  if (dest.pkcs12_property_error) return *dest.pkcs12_property_error;
  KSTOOL_TRY(save_keystore_file(ctx, dest.ks));
  if (!in_place) return Outcome::ok();
  // keytool probes the file it wrote and the backup for their real types
  // (KeyStore.getInstance(File)), whatever -srcstoretype and -deststoretype
  // named: a PKCS#12 file read as "jks" and written back as PKCS#12 is
  // backed up, not migrated.
  const kstore::StoreType was = src.store.type();
  const kstore::StoreType now = dest.ks.store.type();
  if (was == now) {
    ctx.late_warnings.push_back("The original keystore \"" + src_path + "\" is backed up as \"" + backup + "\"...");
  } else {
    ctx.late_warnings.push_back("Migrated \"" + src_path + "\" to " + kstore::store_type_name(now) + ". The " +
                                kstore::store_type_name(was) + " keystore is backed up as \"" + backup + "\".");
  }
  return Outcome::ok();
}

}  // namespace

Outcome run_import_keystore(Context& ctx) {
  Invocation& inv = ctx.inv;
  if (!inv.srckeystore) return Outcome::exception("Please specify -srckeystore");
  const bool in_place = same_file(*inv.srckeystore, ctx.keystore_path);
  Destination dest;
  OpenedKeystore src;
  KSTOOL_TRY(open_stores(ctx, in_place, src, dest));

  ImportRun run{ctx, src, dest, seal_params_for_new_keys(ctx, dest.ks.store.type())};
  size_t failed = 0;
  if (inv.alias) {
    ImportResult result = ImportResult::kCancelled;
    KSTOOL_TRY(import_one(run, *inv.alias, result));
    if (result == ImportResult::kFailed) ++failed;
  } else {
    KSTOOL_TRY(import_all(run, failed));
  }
  KSTOOL_TRY(save_destination(ctx, in_place, src, dest));
  // keytool exits 0 here; -strict tells a script that entries are missing.
  if (failed > 0 && inv.strict) {
    return Outcome::exception(format_integer(static_cast<int64_t>(failed)) +
                              (failed == 1 ? " entry was" : " entries were") +
                              " not imported (see the messages above); the keystore was written with the others");
  }
  return Outcome::ok();
}

}  // namespace kstool
