#!/usr/bin/env bash
# Installs what kstore needs to build and test on Debian 12, as root.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config
  libssl-dev openssl            # OpenSSL 3: X.509, PEM, crypto primitives; the CLI for fixtures
  libcrypto++-dev               # second, independent crypto backend
  libgtest-dev libbenchmark-dev # tests and benchmarks
  clang libclang-rt-14-dev      # fuzzing and sanitizer builds
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
