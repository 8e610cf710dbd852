#!/usr/bin/env bash
# The whole test suite: installs dependencies, builds with each crypto backend
# as the default, and runs every test.
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
