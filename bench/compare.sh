#!/bin/sh
# kstool against JDK keytool, side by side, with the floor (bench/README.md).
#
#   bench/compare.sh                      # build, generate the inputs, run everything
#   bench/compare.sh --only importkeystore --runs 5
#
# Builds kstool and kstore-compare in $KSTORE_COMPARE_BUILD (default
# build-compare/, Release), generates the input stores with kstore itself in
# $KSTORE_COMPARE_WORKDIR (default build-compare/compare-work, kept between
# runs), and runs keytool too when it is on PATH (or $KEYTOOL names it).
# Extra arguments go to kstore-compare (--runs, --keytool-runs, --only).
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=${KSTORE_COMPARE_BUILD:-$src/build-compare}
workdir=${KSTORE_COMPARE_WORKDIR:-$build/compare-work}
jobs=${KSTORE_COMPARE_JOBS:-2}

if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKSTORE_BUILD_TESTS=OFF >/dev/null
fi
ninja -C "$build" -j "$jobs" kstool kstore-compare >&2

keytool=${KEYTOOL:-$(command -v keytool || true)}
if [ -n "$keytool" ]; then
  java_version=$("$keytool" -J-version 2>&1 | head -n 1 || true)
  echo "keytool: $keytool ($java_version)" >&2
  exec "$build/bench/kstore-compare" --kstool "$build/kstool" --keytool "$keytool" --workdir "$workdir" "$@"
fi
echo "keytool not found: measuring kstool and the floor only" >&2
exec "$build/bench/kstore-compare" --kstool "$build/kstool" --workdir "$workdir" "$@"
