#!/usr/bin/env bash
# Enforces the "Layers" table of docs/architecture.md: every #include "…" in
# include/, src/ and tools/kstool/ names a header of the includer's own layer
# or of a layer the table lets it include. Angle-bracket includes (system and
# third-party headers) are not looked at. Prints one line per violation,
#   <file>:<line>: <layer> may not include <header>
# and exits 1 if there is any, 0 otherwise. No build needed.
#
# How headers are named: "kstore/…" is the public API; "base/…", "der/…",
# "io/…", "crypto/…", "pbe/…", "x509/…", "jks/…", "pkcs12/…", "store/…" and
# "keytool/…" are the folders of src/; a name without a folder is a header
# next to the includer (it must exist there); "kstool/…" is the tool's own.
# Every layer may include the public API (the table's first row), except
# "kstore/keytool/…": those are the keytool text library's own public
# headers (include/kstore/keytool/), which the model never includes; only
# that library and the tool may.
#
# Keep the rules below in step with the table.
set -euo pipefail
cd "$(dirname "$0")/.."

find include src tools/kstool -type f \
  \( -name '*.h' -o -name '*.hh' -o -name '*.hpp' -o -name '*.c' -o -name '*.cc' -o -name '*.cpp' -o -name '*.inc' \) \
  -print0 | sort -z | xargs -0 -r awk '
BEGIN {
  # Layer of each folder, as the table places it.
  layer_of["include/kstore"] = "public API"
  layer_of["include/kstore/keytool"] = "keytool text"
  layer_of["src/base"] = "base"
  layer_of["src/der"] = "codecs"
  layer_of["src/io"] = "codecs"
  layer_of["src/crypto"] = "crypto"
  layer_of["src/pbe"] = "schemes"
  layer_of["src/x509"] = "certificates"
  layer_of["src/jks"] = "formats"
  layer_of["src/pkcs12"] = "formats"
  layer_of["src/store"] = "store"
  layer_of["src/keytool"] = "keytool text"
  layer_of["tools/kstool"] = "tool"

  # The header folders each includer folder may use, besides its own
  # neighbours. A format never includes another format.
  lower = "kstore base der io crypto"
  allow["include/kstore"] = "kstore"
  allow["include/kstore/keytool"] = "kstore kstore/keytool"
  allow["src/base"] = "kstore base"
  allow["src/der"] = "kstore base der io"
  allow["src/io"] = "kstore base der io"
  allow["src/crypto"] = "kstore base crypto"
  allow["src/pbe"] = lower " pbe"
  allow["src/x509"] = lower " x509"
  allow["src/jks"] = lower " pbe x509 jks"
  allow["src/pkcs12"] = lower " pbe x509 pkcs12"
  allow["src/store"] = lower " pbe x509 jks pkcs12 store"
  allow["src/keytool"] = lower " x509 keytool kstore/keytool"
  allow["tools/kstool"] = "kstore kstore/keytool kstool"
  for (dir in allow) {
    n = split(allow[dir], names, " ")
    for (i = 1; i <= n; ++i) ok[dir, names[i]] = 1
  }
  bad = 0
}

FNR == 1 {
  dir = FILENAME
  sub(/\/[^\/]*$/, "", dir)
  if (!(dir in layer_of)) {
    print FILENAME ":1: " dir " is in no layer of docs/architecture.md"
    bad = 1
  }
}

/^[ \t]*#[ \t]*include[ \t]*"/ {
  if (!(dir in layer_of)) next
  header = $0
  sub(/^[ \t]*#[ \t]*include[ \t]*"/, "", header)
  sub(/".*$/, "", header)
  if (header ~ /(^|\/)\.\.?\//) {
    allowed = 0  # a relative path escapes the naming rules
  } else if (index(header, "/") == 0) {
    # A neighbour: it must exist next to the includer.
    allowed = (getline line < (dir "/" header)) >= 0
    close(dir "/" header)
  } else {
    folder = header
    if (folder ~ /^kstore\/keytool\//) folder = "kstore/keytool"
    else sub(/\/.*$/, "", folder)
    allowed = ((dir, folder) in ok)
  }
  if (!allowed) {
    print FILENAME ":" FNR ": " layer_of[dir] " may not include " header
    bad = 1
  }
}

END { exit bad }
' || exit 1
