#!/usr/bin/env bash
# Runs kstore's libFuzzer targets (tests/fuzz/README.md).
#
#   tools/fuzz.sh SECONDS [TARGET…]       every target when none is named
#
# Builds the fuzz build if needed (clang, KSTORE_FUZZ=ON, in build-fuzz/),
# assembles seed corpora from testdata/ and the interop corpus into a work
# directory outside the repository (nothing there is ever committed), then
# runs each target in turn for SECONDS seconds (-max_total_time) with
# -timeout=10 -rss_limit_mb=2048 and the keystore dictionary, one process at
# a time. Prints executions, coverage (cov:/ft:) and crashes per target;
# crashing inputs stay in the work directory, and the script says how to turn
# them into regression inputs.
#
# Environment:
#   KSTORE_FUZZ_WORK     work directory (default: ${TMPDIR:-/tmp}/kstore-fuzz); its
#                        corpus/<target> folders grow from run to run
#   KSTORE_FUZZ_BUILD    fuzz build directory (default: <repo>/build-fuzz)
#   KSTORE_FUZZ_JOBS     ninja -j for the build (default: 2)
#   KSTORE_FUZZ_RESEED   1: make the seeds again even if the work directory has them
#   KSTORE_FUZZ_MAX_LEN  -max_len (default: 32768)
#   KSTORE_INTEROP_CORPUS  the interop corpus (default: <repo>/../shared/interop-corpus)
#   KSTORE_FUZZ_FLAGS    more libFuzzer flags, appended
set -euo pipefail

ALL_TARGETS=(fuzz_jks fuzz_jceks fuzz_java_serialization fuzz_pkcs12_nopass fuzz_pkcs12_pass
             fuzz_der fuzz_pem fuzz_kstool_args fuzz_roundtrip)

usage() {
  echo "usage: $0 SECONDS [TARGET...]" >&2
  echo "targets: ${ALL_TARGETS[*]}" >&2
  exit 2
}

[[ $# -ge 1 && $1 =~ ^[0-9]+$ ]] || usage
SECONDS_PER_TARGET=$1
shift
TARGETS=("$@")
[[ ${#TARGETS[@]} -gt 0 ]] || TARGETS=("${ALL_TARGETS[@]}")
for t in "${TARGETS[@]}"; do
  [[ " ${ALL_TARGETS[*]} " == *" $t "* ]] || { echo "unknown target: $t" >&2; usage; }
done

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${KSTORE_FUZZ_BUILD:-$ROOT/build-fuzz}
WORK=${KSTORE_FUZZ_WORK:-${TMPDIR:-/tmp}/kstore-fuzz}
JOBS=${KSTORE_FUZZ_JOBS:-2}
MAX_LEN=${KSTORE_FUZZ_MAX_LEN:-32768}
INTEROP=${KSTORE_INTEROP_CORPUS:-$ROOT/../shared/interop-corpus}
case "$WORK" in
  "$ROOT"|"$ROOT"/*) echo "KSTORE_FUZZ_WORK must be outside the repository ($ROOT)" >&2; exit 2 ;;
esac

# ---- build ---------------------------------------------------------------
if [[ ! -f $BUILD/build.ninja ]]; then
  echo "== configuring $BUILD"
  CC=clang CXX=clang++ cmake -S "$ROOT" -B "$BUILD" -G Ninja -DKSTORE_FUZZ=ON \
    -DKSTORE_BUILD_BENCH=OFF -DKSTORE_BUILD_TESTS=OFF >/dev/null
fi
echo "== building ${TARGETS[*]} kstore_fuzz_seedgen (ninja -j$JOBS)"
ninja -j"$JOBS" -C "$BUILD" "${TARGETS[@]}" kstore_fuzz_seedgen >/dev/null
BIN=$BUILD/tests/fuzz

# ---- seeds ---------------------------------------------------------------
SEEDS=$WORK/seeds
if [[ ! -d $SEEDS || ${KSTORE_FUZZ_RESEED:-0} == 1 ]]; then
  echo "== making seeds in $SEEDS"
  rm -rf "$SEEDS"
  mkdir -p "$SEEDS"
  LIST=$WORK/seed-list.tsv
  : >"$LIST"
  # testdata: every password there is changeit or one of seedgen's defaults.
  find "$ROOT/testdata/jks" "$ROOT/testdata/pkcs12" "$ROOT/testdata/fixtures/stores" \
       "$ROOT/testdata/sample" "$ROOT/testdata/x509" -type f \
       \( -name '*.jks' -o -name '*.jceks' -o -name '*.p12' -o -name '*.der' -o -name '*.pem' -o -name '*.bin' \) \
       -print | sort >>"$LIST"
  # The interop corpus, read in place, with the passwords its manifest gives.
  if [[ -f $INTEROP/MANIFEST.tsv ]]; then
    awk -F'\t' -v dir="$INTEROP" 'NR > 1 && $1 != "" {
        line = dir "/" $1
        pw = $4
        if (pw != "null") { gsub(/^"|"$/, "", pw); line = line "\t" pw }
        kp = $5
        gsub(/^\[|\]$/, "", kp)
        n = split(kp, parts, /", "/)
        for (i = 1; i <= n; i++) { x = parts[i]; gsub(/^"|"$/, "", x); if (x != "" && x != "null") line = line "\t" x }
        print line
      }' "$INTEROP/MANIFEST.tsv" >>"$LIST"
  else
    echo "   (no interop corpus at $INTEROP)"
  fi
  "$BIN/kstore_fuzz_seedgen" "$SEEDS" --list "$LIST" --cases "$ROOT/testdata/fixtures/cases.tsv" 2>"$WORK/seedgen.log"
fi

# ---- runs ----------------------------------------------------------------
mkdir -p "$WORK/logs"
SUMMARY=()
FOUND=0
for t in "${TARGETS[@]}"; do
  corpus=$WORK/corpus/$t
  crashes=$WORK/crashes/$t
  mkdir -p "$corpus" "$crashes" "$SEEDS/$t"
  dict=$ROOT/testdata/fuzz/keystore.dict
  [[ $t == fuzz_kstool_args ]] && dict=$ROOT/testdata/fuzz/kstool.dict
  regressions=$ROOT/testdata/fuzz/regressions/$t
  dirs=("$corpus" "$SEEDS/$t")
  [[ -d $regressions ]] && dirs+=("$regressions")
  log=$WORK/logs/$t.log
  echo "== $t: ${SECONDS_PER_TARGET}s (log: $log)"
  before=$(find "$crashes" -type f | wc -l)
  set +e
  # One process at a time: the machine is shared.
  # shellcheck disable=SC2086
  "$BIN/$t" "${dirs[@]}" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 \
    -max_len="$MAX_LEN" -dict="$dict" -artifact_prefix="$crashes/" -print_final_stats=1 \
    ${KSTORE_FUZZ_FLAGS:-} >"$log" 2>&1
  rc=$?
  set -e
  after=$(find "$crashes" -type f | wc -l)
  status_line=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$status_line")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$status_line")
  corp=$(sed -n 's/.* corp: \([0-9]*\/[0-9a-zA-Z]*\).*/\1/p' <<<"$status_line")
  new=$((after - before))
  result="ok"
  if [[ $rc -ne 0 || $new -gt 0 ]]; then
    result="CRASH (exit $rc, $new new file(s) in $crashes)"
    FOUND=1
  fi
  SUMMARY+=("$(printf '%-24s execs %-10s exec/s %-6s cov %-6s ft %-7s corpus %-12s %s' \
    "$t" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$result")")
  echo "   ${SUMMARY[-1]}"
done

echo
echo "== summary (${SECONDS_PER_TARGET}s per target, work directory $WORK)"
printf '%s\n' "${SUMMARY[@]}"
if [[ $FOUND -ne 0 ]]; then
  cat <<EOF

Crashing inputs are in $WORK/crashes/<target>/. For each one:
  1. reproduce:   $BIN/<target> <file>      (the stack is in $WORK/logs/<target>.log)
  2. minimise:    $BIN/<target> -minimize_crash=1 -runs=10000 -exact_artifact_path=<target>-min <file>
  3. keep it:     cp <file> $ROOT/testdata/fuzz/regressions/<target>/<what-it-breaks>
     ctest (<target>_replay) then replays it on every build. While the bug is
     not fixed, put it in testdata/fuzz/pending/<target>/ instead, with a line
     in testdata/fuzz/pending/README.md, so that ctest stays green.
EOF
  exit 1
fi
