#!/usr/bin/env bash
# Long fuzz run (not part of CI): every libFuzzer target to at least
# FUZZ_RUNS executions (default 10 million), seeded from tests/fuzz/corpus/<name>,
# with new inputs kept in build-fuzz/corpus-<name>. Prints one line per target
# with its executions and whether it found anything; record them in the README.
#   scripts/fuzz-long.sh                 all targets
#   scripts/fuzz-long.sh csv_reader      one target
#   FUZZ_JOBS=2 scripts/fuzz-long.sh csv_reader   two processes share the corpus and the runs
#   (libFuzzer -jobs; the slow targets, csv_reader at about 1,300 a second, reach 10M in half the time)
set -uo pipefail
shopt -s extglob
cd "$(dirname "$0")/.."
ROOT=$PWD
FUZZ_RUNS=${FUZZ_RUNS:-10000000}
FUZZ_JOBS=${FUZZ_JOBS:-1}
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
    seeds=(); [ -d "tests/fuzz/corpus/$t" ] && seeds=("$ROOT/tests/fuzz/corpus/$t")
    # Jobs write fuzz-N.log and any crash-* input into their working directory.
    dir=$ROOT/build-fuzz/long-$t
    rm -rf "$dir" && mkdir -p "$dir"
    jobs=(); [ "$FUZZ_JOBS" -gt 1 ] && jobs=(-jobs="$FUZZ_JOBS" -workers="$FUZZ_JOBS")
    start=$(date +%s)
    if (cd "$dir" && "$ROOT/build-fuzz/fuzz_$t" "${jobs[@]}" -runs=$(( (FUZZ_RUNS + FUZZ_JOBS - 1) / FUZZ_JOBS )) \
            -max_len="$FUZZ_MAX_LEN" -print_final_stats=1 "$ROOT/build-fuzz/corpus-fuzz_$t" "${seeds[@]}" \
            >"$ROOT/build-fuzz/fuzz_$t.long.log" 2>&1); then
        result="nothing found"
    elif compgen -G "$dir/@(crash|leak|timeout|oom)-*" >/dev/null; then  # the inputs libFuzzer writes
        result="FOUND a crash (build-fuzz/fuzz_$t.long.log, $dir)"; status=1
    else
        result="stopped before the end, nothing found (build-fuzz/fuzz_$t.long.log)"; status=1
    fi
    # With jobs, the main log repeats each job's final stats: count the job logs only.
    logs=("build-fuzz/fuzz_$t.long.log"); [ "$FUZZ_JOBS" -gt 1 ] && logs=("$dir"/fuzz-*.log)
    runs=$(cat "${logs[@]}" 2>/dev/null | grep -oE 'stat::number_of_executed_units: *[0-9]+' \
        | grep -oE '[0-9]+$' | awk '{ n += $1 } END { print n }')
    echo "$t: ${runs:-?} executions in $(( $(date +%s) - start )) s ($FUZZ_JOBS process(es)), $result"
done
exit $status
