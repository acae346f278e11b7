#!/usr/bin/env bash
# Installs what UsageDesk needs from Debian's archive (binary and source
# packages) on a fresh Debian 12 machine. Idempotent: packages already present
# are skipped, so a second run costs a few seconds.
#   scripts/install-deps.sh build   -> toolchain for the WASM + native build
#   scripts/install-deps.sh test    -> build deps + Chromium + fuzz toolchain
set -euo pipefail
want=${1:-build}

build_pkgs=(emscripten nlohmann-json3-dev libcpp-httplib-dev libcli11-dev libfast-float-dev libstb-dev
            cmake make g++ libgtest-dev libgmock-dev libbenchmark-dev dpkg-dev
            python3 nodejs fonts-dejavu-core fonts-droid-fallback fonttools binaryen chromium)
# (chromium builds too: scripts/split-wasm.sh records what the page runs up to its first frame)
test_pkgs=(clang libclang-rt-14-dev)

pkgs=("${build_pkgs[@]}")
[ "$want" = test ] && pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"

# Source packages (SDL2, Dear ImGui) need a deb-src entry mirroring debian.sources.
src_list=/etc/apt/sources.list.d/usagedesk-src.sources
need_update=0
if [ ! -f "$src_list" ]; then
    printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
        | $SUDO tee "$src_list" >/dev/null
    need_update=1
fi
if [ ${#missing[@]} -gt 0 ] || [ $need_update = 1 ]; then
    echo "[deps] apt-get update"
    $SUDO apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "[deps] installing: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "[deps] ok"
