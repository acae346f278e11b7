#!/usr/bin/env bash
# The project's one test command (README: ./build-wasm.sh test).
# Installs what is missing, builds the native side and the page, then runs:
#   0. the layer check (scripts/check-layers.py) and the test that proves it fails
#   1. native unit + end-to-end tests (ctest, fake servers on 127.0.0.1; tests/ui
#      draws every panel with ImGui and no backend)
#   2. the native unit tests once more under ASan + UBSan (build-asan/, UD_SANITIZE)
#   3. fuzz targets for a bounded time each (FUZZ_SECONDS, default 20; JOBS of
#      them at once), seeded from tests/fuzz/corpus/<name>
#   4. browser tests (Playwright + Debian Chromium) against dist/
# and ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
FUZZ_SECONDS=${FUZZ_SECONDS:-20}
FUZZ_MAX_LEN=${FUZZ_MAX_LEN:-65536}  # multi-row CSVs and whole API answers, not 4 KB snippets
JOBS=${JOBS:-$(nproc)}
passed=0 failed=0
# Each step's wall time, printed at the end: CI has a time budget, and this says where it goes.
timings=() step_name="install dependencies" step_start=$SECONDS
close_step() { timings+=("$(printf '%6d s  %s' $((SECONDS - step_start)) "$step_name")"); }
step() { close_step; step_name=$*; step_start=$SECONDS; printf '\n==== %s ====\n' "$*"; }
count() { passed=$((passed + $1)); failed=$((failed + $2)); }
# Adds what a ctest log's last "N% tests passed, F tests failed out of T" says (nothing said = one failure).
count_ctest() {
    local summary total nfail
    summary=$(grep -E 'tests passed, [0-9]+ tests failed out of [0-9]+' "$1" | tail -1)
    if [ -z "$summary" ]; then count 0 1; return; fi
    total=$(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$summary")
    nfail=$(sed -E 's/.* ([0-9]+) tests failed.*/\1/' <<<"$summary")
    count $((total - nfail)) "$nfail"
}

scripts/install-deps.sh test || exit 1

step "layer check (scripts/check-layers.py) and its own test"
if python3 scripts/check-layers.py; then count 1 0; else count 0 1; fi
layer_log=$(tests/layers/check_layers_test.sh 2>&1); echo "$layer_log" | grep -v '^ok: '
layer_counts=$(tail -1 <<<"$layer_log")
if [[ $layer_counts =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    count "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
else
    count 0 1
fi

step "native build"
if ! ./build-wasm.sh native; then echo "native build failed"; echo "0 passed, 1 failed"; exit 1; fi

step "ctest (native unit and end-to-end tests)"
(cd build-native && ctest --output-on-failure -j"$JOBS" 2>&1) | tee /tmp/ud-ctest.log | grep -vE '^ *[0-9]+/[0-9]+ Test +#[0-9]+: .* Passed' 
count_ctest /tmp/ud-ctest.log

step "native unit tests under ASan + UBSan"
# Unoptimised (-O0 builds fastest); the sanitizers stop at the first finding.
if [ ! -f build-asan/CMakeCache.txt ]; then
    # Clang (as the fuzz build): it compiles these sanitized tests in about 0.55x g++'s time.
    # Line tables only (-g1): reports keep file:line, the build is faster than with full -g.
    CC=clang CXX=clang++ cmake -S . -B build-asan -DUD_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug \
        -DCMAKE_CXX_FLAGS_DEBUG="-O0 -g1" >/dev/null
fi
if cmake --build build-asan -j"$JOBS" --target tests_core tests_sim tests_platform tests_app fake-particle fake-activeplatform \
        >/tmp/ud-asan-build.log 2>&1; then
    (cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
        ctest --output-on-failure -j"$JOBS" -R '^(core|sim|platform|app)/' 2>&1) | tee /tmp/ud-asan.log | grep -vE '^ *[0-9]+/[0-9]+ Test +#[0-9]+: .* Passed'
    count_ctest /tmp/ud-asan.log
else
    echo "sanitizer build failed:"; tail -30 /tmp/ud-asan-build.log; count 0 1
fi

step "fuzz targets (${FUZZ_SECONDS}s each, ASan + UBSan)"
if [ ! -f build-fuzz/CMakeCache.txt ]; then
    CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
if cmake --build build-fuzz -j"$JOBS" --target $(cd build-fuzz && make help | grep -oE 'fuzz_[a-z_]+' | sort -u | tr '\n' ' ') >/tmp/ud-fuzz-build.log 2>&1; then
    # JOBS targets at a time: each run is one process for FUZZ_SECONDS of wall time.
    fuzzers=()
    for f in build-fuzz/fuzz_*; do
        [ -x "$f" ] || continue
        fuzzers+=("$f")
        name=$(basename "$f")
        corpus=tests/fuzz/corpus/${name#fuzz_}
        mkdir -p "build-fuzz/corpus-$name"
        seeds=(); [ -d "$corpus" ] && seeds=("$corpus")
        ("$f" -max_total_time="$FUZZ_SECONDS" -max_len="$FUZZ_MAX_LEN" -print_final_stats=1 "build-fuzz/corpus-$name" "${seeds[@]}" \
            >"build-fuzz/$name.log" 2>&1; echo $? >"build-fuzz/$name.rc") &
        while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do wait -n; done
    done
    wait
    for f in "${fuzzers[@]}"; do
        name=$(basename "$f")
        if [ "$(cat "build-fuzz/$name.rc")" = 0 ]; then
            echo "$name: no crash in ${FUZZ_SECONDS}s ($(grep -oE 'stat::number_of_executed_units: *[0-9]+' "build-fuzz/$name.log" | grep -oE '[0-9]+$') runs)"
            count 1 0
        else
            echo "$name: FAILED"; tail -40 "build-fuzz/$name.log"; count 0 1
        fi
    done
else
    echo "fuzz build failed:"; tail -30 /tmp/ud-fuzz-build.log; count 0 1
fi

step "WASM build"
if ./build-wasm.sh build; then
    step "browser tests (Playwright + Chromium)"
    (cd tests/web && npm ci --no-audit --no-fund >/dev/null 2>&1 || npm install --no-audit --no-fund >/dev/null)
    (cd tests/web && node --test --test-concurrency=1 --test-reporter=spec *.test.mjs 2>&1) | tee /tmp/ud-web.log
    np=$(grep -E '^ℹ pass [0-9]+' /tmp/ud-web.log | grep -oE '[0-9]+' | tail -1)
    nf=$(grep -E '^ℹ fail [0-9]+' /tmp/ud-web.log | grep -oE '[0-9]+' | tail -1)
    if [ -n "$np" ]; then count "$np" "${nf:-0}"; else count 0 1; fi
    echo "screenshots: tests/web/screenshots/"
else
    echo "WASM build failed"; count 0 1
fi

close_step
echo
echo "time per step:"; printf '%s\n' "${timings[@]}"; printf '%6d s  total\n' "$SECONDS"
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
