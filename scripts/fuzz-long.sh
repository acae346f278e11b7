#!/usr/bin/env bash
# Long fuzz run (not part of CI): every libFuzzer target to at least
# FUZZ_RUNS executions (default 10 million), seeded from tests/fuzz/corpus/<name>,
# with new inputs kept in build-fuzz/corpus-<name>. Prints one line per target
# with its executions and whether it found anything; record them in the README.
#   scripts/fuzz-long.sh                 all targets
#   scripts/fuzz-long.sh csv_reader      one target
set -uo pipefail
cd "$(dirname "$0")/.."
FUZZ_RUNS=${FUZZ_RUNS:-10000000}
FUZZ_MAX_LEN=${FUZZ_MAX_LEN:-65536}
JOBS=${JOBS:-2}
if [ ! -f build-fuzz/CMakeCache.txt ]; then
    CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=($(ls tests/fuzz/*.cpp | xargs -n1 basename | sed 's/\.cpp$//'))
cmake --build build-fuzz -j"$JOBS" --target $(printf 'fuzz_%s ' "${targets[@]}") >/tmp/ud-fuzz-long-build.log 2>&1 \
    || { tail -30 /tmp/ud-fuzz-long-build.log; exit 1; }
status=0
for t in "${targets[@]}"; do
    mkdir -p "build-fuzz/corpus-fuzz_$t"
    seeds=(); [ -d "tests/fuzz/corpus/$t" ] && seeds=("tests/fuzz/corpus/$t")
    start=$(date +%s)
    if "build-fuzz/fuzz_$t" -runs="$FUZZ_RUNS" -max_len="$FUZZ_MAX_LEN" -print_final_stats=1 \
            "build-fuzz/corpus-fuzz_$t" "${seeds[@]}" >"build-fuzz/fuzz_$t.long.log" 2>&1; then
        result="nothing found"
    else
        result="FOUND a crash (build-fuzz/fuzz_$t.long.log)"; status=1
    fi
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "build-fuzz/fuzz_$t.long.log" | grep -oE '[0-9]+$')
    echo "$t: ${runs:-?} executions in $(( $(date +%s) - start )) s, $result"
done
exit $status
