#!/usr/bin/env bash
# Quick start: installs the dependencies, builds kstool, and lists the bundled
# sample keystore the way `keytool -list -v` would.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C build kstool
echo "== build/kstool -list -v -keystore testdata/sample/sample.jks -storepass changeit"
build/kstool -list -v -keystore testdata/sample/sample.jks -storepass changeit
