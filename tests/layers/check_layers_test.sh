#!/usr/bin/env bash
# Proves scripts/check-layers.py can fail: in a temporary copy of src/, the
# clean tree passes, then each planted forbidden include must make it fail
# and be named in its output. Prints "N passed, N failed" like the suite.
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
CHECK=$ROOT/scripts/check-layers.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { echo "ok: $*"; passed=$((passed + 1)); }
bad() { echo "FAILED: $*"; failed=$((failed + 1)); }

fresh_copy() { rm -rf "$tmp/src" && cp -r "$ROOT/src" "$tmp/src"; }

fresh_copy
if python3 "$CHECK" --root "$tmp" >"$tmp/out" 2>&1; then ok "the tree as it is passes"; else bad "the tree as it is fails:"; cat "$tmp/out"; fi

# file to plant in | include line | what the output must name
plants=(
    'src/ui/panel_settings.cpp|#include "app/controller.h"|ui may not include "app/controller.h"'
    'src/ui/panel_viewer.cpp|#include "platform/http_transport.h"|ui may not include "platform/http_transport.h"'
    'src/ui/widgets.cpp|#include "sim/particle_sim.h"|ui may not include "sim/particle_sim.h"'
    'src/core/base/decimal.cpp|#include <emscripten.h>|core may not include <emscripten.h>'
    'src/core/table/table.h|#include "app/app_state.h"|core may not include "app/app_state.h"'
    'src/core/particle/particle_api.cpp|#include "sim/particle_sim.h"|core may not include "sim/particle_sim.h"'
    'src/sim/particle_sim.cpp|#include "platform/clock.h"|sim may not include "platform/clock.h"'
    'src/app/viewer_controller.cpp|#include <imgui.h>|app may not include <imgui.h>'
    'src/app/particle_controller.cpp|#include "platform/web/http_transport_web.h"|app may not include "platform/web/http_transport_web.h"'
    'src/app/controller.cpp|#include "ui/ui_root.h"|app may not include "ui/ui_root.h"'
    'src/platform/clock.h|#include "app/services.h"|platform interfaces may not include "app/services.h"'
)
for plant in "${plants[@]}"; do
    IFS='|' read -r file line expect <<<"$plant"
    fresh_copy
    printf '%s\n' "$line" >>"$tmp/$file"
    if python3 "$CHECK" --root "$tmp" >"$tmp/out" 2>&1; then
        bad "$line in $file was not caught"
    elif grep -qF "$file" "$tmp/out" && grep -qF "$expect" "$tmp/out"; then
        ok "$line in $file is caught"
    else
        bad "$line in $file failed without naming it:"; cat "$tmp/out"
    fi
done

# A file outside every layer is reported too.
fresh_copy
mkdir -p "$tmp/src/extra" && echo '#include <string>' >"$tmp/src/extra/x.cpp"
if python3 "$CHECK" --root "$tmp" >"$tmp/out" 2>&1; then bad "a file in no layer was not caught"
elif grep -qF "src/extra/x.cpp: in no layer" "$tmp/out"; then ok "a file in no layer is caught"
else bad "a file in no layer failed without naming it:"; cat "$tmp/out"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
