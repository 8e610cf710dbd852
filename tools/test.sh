#!/usr/bin/env bash
# The whole test suite: checks the include rules of docs/architecture.md
# (tools/check-layers.sh; a violation stops the suite before anything is
# installed or built), installs dependencies, builds with each crypto backend
# as the default, and runs every test; then builds the suite once more with
# AddressSanitizer, UndefinedBehaviorSanitizer and LeakSanitizer (CMake preset
# "sanitize") and runs it again, kstool included.
#
# The OpenSSL-default run is the Release build that tools/quickstart.sh makes,
# in the same folder (build/), so that the suite tests what users build and
# reuses what the quick start already compiled. The Crypto++-default run is
# RelWithDebInfo (-O2), so both optimisation levels are tested.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== include rules (tools/check-layers.sh)"
bash tools/check-layers.sh
bash tools/install-deps.sh
jobs=$(nproc)
run_suite() {  # folder, build type, default backend
  cmake -S . -B "$1" -G Ninja -DCMAKE_BUILD_TYPE="$2" -DKSTORE_DEFAULT_BACKEND="$3" >/dev/null
  ninja -C "$1" -j "$jobs"
  echo "== tests, $2 build, default backend: $3"
  (cd "$1" && ctest --output-on-failure -j "$jobs")
}
run_suite build Release openssl
run_suite build/ci-cryptopp RelWithDebInfo cryptopp

echo "== tests under ASan, UBSan and LSan (preset sanitize)"
cmake --preset sanitize >/dev/null
cmake --build --preset sanitize -j "$jobs"
ctest --preset sanitize -j "$jobs"
