#!/usr/bin/env bash
# Records what JDK 17 keytool does for a folder of cases (testdata/write,
# testdata/secret), for the tests that replay them against kstool:
#
#   record_cases.sh <folder> <input keystore>...
#
# Each case in <folder>/cases.in runs in a fresh folder holding copies of
# the input keystores (from fixtures/stores). keytool's stdout,
# stderr and exit status go to expected/<case>.{out,err,rc}; every file the
# command created or changed goes to expected/<case>.files/. The test runs
# kstool the same way and compares the messages byte for byte and those
# files entry by entry; with keytool installed it also runs keytool live.
#
#   cases.in   one case per line, tab-separated: name, stdin file ("-" =
#              /dev/null, else stdin/<file>), the store password of the
#              results, an environment variable ("-" or NAME=VALUE), then
#              the arguments. cases.tsv is the same without comments.
#
# Needs JDK 17 keytool (KEYTOOL=...). Tests never run this script.
set -euo pipefail
STORES="$(cd "$(dirname "$0")" && pwd)/fixtures/stores"
cd "$1"
shift
export TZ=UTC LC_ALL=C.UTF-8 LANG=C.UTF-8
KEYTOOL=${KEYTOOL:-keytool}
"$KEYTOOL" -help 2>&1 | grep -q 'Key and Certificate Management Tool' || { echo "no keytool" >&2; exit 1; }
INPUTS="$*"
rm -rf expected
mkdir -p expected
grep -v '^#' cases.in | grep -v '^$' >cases.tsv
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
while IFS=$'\t' read -r name stdin password envvar args; do
  dir="$WORK/$name"
  mkdir -p "$dir"
  for f in $INPUTS; do cp "$STORES/$f" "$dir/"; done
  cp -r stdin "$dir/stdin"
  (cd "$dir" && find . -type f -exec sha256sum {} + | sort >"$WORK/$name.before")
  in=/dev/null
  [ "$stdin" != - ] && in="stdin/$stdin"
  IFS=$'\t' read -r -a argv <<<"$args"
  envs=(HOME="$dir/home")
  [ "$envvar" != - ] && envs+=("$envvar")
  set +e
  (cd "$dir" && env "${envs[@]}" "$KEYTOOL" "${argv[@]}" <"$in" >"$WORK/$name.out" 2>"$WORK/$name.err")
  echo $? >expected/$name.rc
  set -e
  cp "$WORK/$name.out" expected/$name.out
  cp "$WORK/$name.err" expected/$name.err
  (cd "$dir" && find . -type f -exec sha256sum {} + | sort >"$WORK/$name.after")
  changed=$(comm -13 "$WORK/$name.before" "$WORK/$name.after" | awk '{print $2}')
  if [ -n "$changed" ]; then
    mkdir -p expected/$name.files
    for f in $changed; do cp "$dir/$f" expected/$name.files/; done
  fi
  echo "$name: rc $(cat expected/$name.rc)" >&2
done <cases.tsv
