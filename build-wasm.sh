#!/usr/bin/env bash
# UsageDesk build driver.
#   ./build-wasm.sh          install what is missing, build the page into dist/
#   ./build-wasm.sh serve    build, then serve dist/ at http://127.0.0.1:8080
#   ./build-wasm.sh native   build the native side (core tests, fake servers)
#   ./build-wasm.sh test     build both, run ctest + fuzz smoke + browser tests
#   ./build-wasm.sh bench    build the page and the bench WASM, run the browser
#                            benchmark (bench/web) and print its table
# Everything third-party comes from Debian's archive (binary and source
# packages) or npm, and is cached under .cache/ (git-ignored), so a second run
# with nothing changed only re-links what changed.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
CACHE=$ROOT/.cache
JOBS=${JOBS:-$(nproc)}
# Parallel checkouts or helpers may build elsewhere: WASM_BUILD_DIR=build-x DIST_DIR=dist-x.
WASM_BUILD_DIR=${WASM_BUILD_DIR:-build-wasm}
DIST_DIR=${DIST_DIR:-dist}
mode=${1:-build}

log() { printf '[build] %s\n' "$*"; }

emscripten_env() {
    # Debian's cache is read-only (FROZEN_CACHE); copy it once and point EM_CACHE at it.
    if [ ! -d "$CACHE/em-cache" ]; then
        mkdir -p "$CACHE" && cp -r /usr/share/emscripten/cache "$CACHE/em-cache"
    fi
    export EM_CACHE=$CACHE/em-cache
    export NODE_PATH=/usr/share/nodejs
}

fetch_source() { # $1 = source package, $2 = dir glob under $CACHE/src
    local pkg=$1
    if ! compgen -G "$CACHE/src/$2" >/dev/null; then
        log "fetching Debian source package $pkg"
        mkdir -p "$CACHE/src" && (cd "$CACHE/src" && apt-get source -qq --download-only "$pkg" >/dev/null \
            && dpkg-source -x --skip-debianization "$pkg"_*.dsc >/dev/null)
    fi
}

# SDL2 with only what the page uses: the Emscripten video driver (WebGL through
# EGL), events, keyboard, mouse, touch and timers. Audio, joystick, haptic,
# sensor, power, hidapi, the 2D renderer, locale, URL opening, threads and the
# dummy/offscreen drivers are left out, and SDL_LEAN_AND_MEAN drops the
# software blitters that the video code references but the page never calls.
# Size-optimised with LTO like the rest of the page outside core. A new set
# of options needs a new prefix name, so every clone rebuilds it.
build_sdl2() {
    SDL2_PREFIX=$CACHE/sdl2-wasm-min
    [ -f "$SDL2_PREFIX/lib/libSDL2.a" ] && return
    fetch_source libsdl2 'libsdl2-2*/'
    local src build=$CACHE/sdl2-wasm-min-build
    src=$(compgen -G "$CACHE/src/libsdl2-2*/" | head -1)
    log "building a minimal SDL2 for WASM once (about 7 minutes on 2 cores)"
    rm -rf "$build" && mkdir -p "$build"
    (cd "$build" && emcmake cmake "$src" -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF \
        -DCMAKE_BUILD_TYPE=MinSizeRel -DCMAKE_C_FLAGS="-flto -DSDL_LEAN_AND_MEAN=1" \
        -DSDL_ASSERTIONS=disabled -DSDL_AUDIO=OFF -DSDL_DUMMYAUDIO=OFF -DSDL_DISKAUDIO=OFF \
        -DSDL_JOYSTICK=OFF -DSDL_HAPTIC=OFF -DSDL_HIDAPI=OFF -DSDL_SENSOR=OFF -DSDL_POWER=OFF \
        -DSDL_RENDER=OFF -DSDL_LOCALE=OFF -DSDL_MISC=OFF -DSDL_FILESYSTEM=OFF -DSDL_THREADS=OFF \
        -DSDL_DUMMYVIDEO=OFF -DSDL_OFFSCREEN=OFF -DSDL2_DISABLE_SDL2MAIN=ON \
        -DCMAKE_INSTALL_PREFIX="$SDL2_PREFIX" >/dev/null \
        && make -j"$JOBS" >/dev/null && make install >/dev/null)
    rm -rf "$build"
}

build_wasm() {
    scripts/install-deps.sh build
    emscripten_env
    build_sdl2
    fetch_source imgui 'imgui-1*/'
    IMGUI_DIR=$(compgen -G "$CACHE/src/imgui-1*/" | head -1)
    # Configured again when SDL2's prefix changes (a build tree from before the minimal SDL2).
    if [ ! -f "$WASM_BUILD_DIR/CMakeCache.txt" ] \
        || ! grep -q "^UD_SDL2_PREFIX:PATH=$SDL2_PREFIX\$" "$WASM_BUILD_DIR/CMakeCache.txt"; then
        emcmake cmake -S . -B "$WASM_BUILD_DIR" -DCMAKE_BUILD_TYPE=Release \
            -DUD_SDL2_PREFIX="$SDL2_PREFIX" -DUD_IMGUI_DIR="${IMGUI_DIR%/}" >/dev/null
    fi
    cmake --build "$WASM_BUILD_DIR" -j"$JOBS"
    mkdir -p "$DIST_DIR"
    cp "$WASM_BUILD_DIR/app.js" "$DIST_DIR/"
    # app.wasm cut in two: what the first frame runs, and app.deferred.wasm after it.
    scripts/split-wasm.sh "$WASM_BUILD_DIR" "$DIST_DIR"
    cp -r web/. "$DIST_DIR/"
    # Fuller fonts, fetched by the page only when data needs a character the
    # embedded UI subset lacks (src/ui/font_atlas.h).
    mkdir -p "$DIST_DIR/fonts"
    cp /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf \
        "$DIST_DIR/fonts/"
    write_service_worker
    log "$DIST_DIR/ ready: $(du -sh "$DIST_DIR" | cut -f1)"
}

# dist/sw.js, its cache versioned by a hash of the files (scripts/write-service-worker.sh).
write_service_worker() {
    log "service worker cache version $(scripts/write-service-worker.sh "$DIST_DIR")"
}

build_native() {
    scripts/install-deps.sh build
    # ImGui's source (no backend) for the native ui build and its panel tests.
    fetch_source imgui 'imgui-1*/'
    IMGUI_DIR=$(compgen -G "$CACHE/src/imgui-1*/" | head -1)
    if [ ! -f build-native/CMakeCache.txt ] || ! grep -q "^UD_IMGUI_DIR:PATH=${IMGUI_DIR%/}\$" build-native/CMakeCache.txt; then
        cmake -S . -B build-native -DCMAKE_BUILD_TYPE=${NATIVE_BUILD_TYPE:-RelWithDebInfo} \
            -DUD_IMGUI_DIR="${IMGUI_DIR%/}" >/dev/null
    fi
    cmake --build build-native -j"$JOBS"
}

run_bench() {
    build_wasm
    cmake --build "$WASM_BUILD_DIR" --target usagedesk_bench -j"$JOBS"
    # npm packages pinned in bench/web/package-lock.json; reinstalled when the lock changes.
    (cd bench/web && if [ ! package-lock.json -ot node_modules/.package-lock.json ]; then
        npm ci --no-audit --no-fund >/dev/null; fi)
    log "running the browser benchmark (a few minutes on 2 cores)"
    UD_BENCH_BUILD=$ROOT/$WASM_BUILD_DIR UD_DIST=$ROOT/$DIST_DIR node bench/web/run.mjs
}

case "$mode" in
    build) build_wasm ;;
    serve)
        build_wasm
        log "serving dist/ at http://127.0.0.1:${PORT:-8080}/  (Ctrl+C stops)"
        exec python3 tools/scripts/serve.py --dir "$DIST_DIR" --port "${PORT:-8080}" ;;
    native) build_native ;;
    test) exec tests/run-all.sh ;;
    bench) run_bench ;;
    *) echo "usage: $0 [build|serve|native|test|bench]" >&2; exit 2 ;;
esac
