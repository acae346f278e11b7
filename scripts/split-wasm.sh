#!/usr/bin/env bash
# Cuts the linked app.wasm in two with Binaryen's wasm-split (from Debian's
# binaryen, which emscripten depends on), so the page downloads and compiles
# only what its first frame runs before it draws:
#   DIST/app.wasm           the functions that ran up to the first frame
#   DIST/app.deferred.wasm  the rest, fetched after the first frame
#                           (web/usagedesk.js; a call that comes earlier
#                           loads it at once)
# Which functions ran is recorded, not guessed: the module is instrumented
# (wasm-split --instrument), loaded in headless Chromium until it has drawn,
# once per kind of visit (a laptop, a phone, someone returning with saved
# settings and tokens: tools/wasm-split/first_frame_profile.mjs), and the
# merged profiles drive the split.
# Skipped when nothing it depends on changed since the last split.
#   scripts/split-wasm.sh BUILD_DIR DIST_DIR
set -euo pipefail
build=$(cd "${1:?usage: $0 BUILD_DIR DIST_DIR}" && pwd)
dist=$(cd "${2:?usage: $0 BUILD_DIR DIST_DIR}" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
work=$build/wasm-split
stamp=$work/source.sha256

# Its inputs: the build, the page it runs in, how the visits are recorded, this script.
sum=$({ sha256sum "$build/app.wasm" "$build/app.js" "$root"/tools/wasm-split/*.mjs "$0"
    find "$root/web" -type f -print0 | sort -z | xargs -0 sha256sum; } | sha256sum | cut -c1-64)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ] && [ -f "$work/app.wasm" ] && [ -f "$work/app.deferred.wasm" ]; then
    cp "$work/app.wasm" "$work/app.deferred.wasm" "$dist/"
    exit 0
fi
# Post-MVP features the link may use; wasm-split refuses a module that uses one it was not told of.
features=(--enable-mutable-globals --enable-sign-ext --enable-bulk-memory --enable-nontrapping-float-to-int)
rm -rf "$work" && mkdir -p "$work/page"
cp -r "$root/web/." "$work/page/"
cp "$build/app.js" "$work/page/"
wasm-split --instrument "${features[@]}" "$build/app.wasm" -o "$work/page/app.wasm"
# playwright-core pinned in the lock; reinstalled when the lock changes.
(cd "$root/tools/wasm-split" && if [ ! package-lock.json -ot node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund >/dev/null; fi)
node "$root/tools/wasm-split/first_frame_profile.mjs" "$work/page" "$work/profiles"
wasm-split --merge-profiles "$work"/profiles/*.profile -o "$work/first-frame.profile"
wasm-split "${features[@]}" "$build/app.wasm" --profile="$work/first-frame.profile" --export-prefix=% \
    -o1 "$work/app.wasm" -o2 "$work/app.deferred.wasm"
rm -rf "$work/page"
echo "$sum" > "$stamp"
cp "$work/app.wasm" "$work/app.deferred.wasm" "$dist/"
echo "app.wasm $(stat -c %s "$work/app.wasm") bytes for the first frame, app.deferred.wasm $(stat -c %s "$work/app.deferred.wasm") bytes after it"
