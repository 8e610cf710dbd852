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
# A case whose input has more than one line is recorded twice: with the input
# piped at once, and answering one line per prompt as a person does
# (answer_prompts.py), into expected/<case>.prompted.{out,err,rc,files}.
#
# RECORD_ONLY="<case> ..." records only the cases named and keeps the rest
# of expected/ as it is (for cases added to cases.in).
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
# RECORD_ONLY="case ...": record only these cases, keeping the others' files.
if [ -z "${RECORD_ONLY:-}" ]; then rm -rf expected; fi
mkdir -p expected
grep -v '^#' cases.in | grep -v '^$' >cases.tsv
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
ANSWER="$(cd "$(dirname "$0")" && pwd)/answer_prompts.py"

# record NAME STDIN ENVVAR MODE ARGS...: one run of keytool in a fresh folder;
# MODE "piped" pipes the stdin file at once into expected/NAME.*, "prompted"
# gives it one line per prompt (answer_prompts.py) into expected/NAME.prompted.*.
record() {
  local name=$1 stdin=$2 envvar=$3 mode=$4
  shift 4
  local base=$name
  [ "$mode" = prompted ] && base=$name.prompted
  local dir="$WORK/$base"
  mkdir -p "$dir"
  for f in $INPUTS; do cp "$STORES/$f" "$dir/"; done
  cp -r stdin "$dir/stdin"
  (cd "$dir" && find . -type f -exec sha256sum {} + | sort >"$WORK/$base.before")
  local in=/dev/null
  [ "$stdin" != - ] && in="stdin/$stdin"
  local envs=(HOME="$dir/home")
  [ "$envvar" != - ] && envs+=("$envvar")
  rm -rf "expected/$base.files"
  set +e
  if [ "$mode" = prompted ]; then
    (cd "$dir" && env "${envs[@]}" python3 "$ANSWER" "$in" "$WORK/$base.out" "$WORK/$base.err" -- "$KEYTOOL" "$@")
  else
    (cd "$dir" && env "${envs[@]}" "$KEYTOOL" "$@" <"$in" >"$WORK/$base.out" 2>"$WORK/$base.err")
  fi
  echo $? >"expected/$base.rc"
  set -e
  cp "$WORK/$base.out" "expected/$base.out"
  cp "$WORK/$base.err" "expected/$base.err"
  (cd "$dir" && find . -type f -exec sha256sum {} + | sort >"$WORK/$base.after")
  local changed
  changed=$(comm -13 "$WORK/$base.before" "$WORK/$base.after" | awk '{print $2}')
  if [ -n "$changed" ]; then
    mkdir -p "expected/$base.files"
    for f in $changed; do cp "$dir/$f" "expected/$base.files/"; done
  fi
  echo "$base: rc $(cat "expected/$base.rc")" >&2
}

while IFS=$'\t' read -r name stdin password envvar args; do
  if [ -n "${RECORD_ONLY:-}" ] && [[ " $RECORD_ONLY " != *" $name "* ]]; then continue; fi
  IFS=$'\t' read -r -a argv <<<"$args"
  record "$name" "$stdin" "$envvar" piped "${argv[@]}"
  # A person answers each prompt in turn: recorded too wherever the input
  # has more than one line (keytool's yes/no questions read all piped input).
  if [ "$stdin" != - ] && [ "$(wc -l <"stdin/$stdin")" -gt 1 ]; then
    record "$name" "$stdin" "$envvar" prompted "${argv[@]}"
  fi
done <cases.tsv
