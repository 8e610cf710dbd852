#!/usr/bin/env bash
# The whole test suite: installs dependencies, builds with each crypto backend
# as the default, and runs every test; then builds the suite once more with
# AddressSanitizer, UndefinedBehaviorSanitizer and LeakSanitizer (CMake preset
# "sanitize") and runs it again, kstool included.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
jobs=$(nproc)
for backend in openssl cryptopp; do
  dir=build/ci-$backend
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKSTORE_DEFAULT_BACKEND=$backend >/dev/null
  ninja -C "$dir" -j "$jobs"
  echo "== tests, default backend: $backend"
  (cd "$dir" && ctest --output-on-failure -j "$jobs")
done

echo "== tests under ASan, UBSan and LSan (preset sanitize)"
cmake --preset sanitize >/dev/null
cmake --build --preset sanitize -j "$jobs"
ctest --preset sanitize -j "$jobs"
