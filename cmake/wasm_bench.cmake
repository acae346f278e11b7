# Browser benchmark (Emscripten build only): bench/web/bench_exports.cpp over
# core, as bench.js + bench.wasm, loaded by bench/web/index.html. No ImGui, no
# SDL: it measures core on bytes the page hands it (./build-wasm.sh bench).
add_executable(usagedesk_bench EXCLUDE_FROM_ALL bench/web/bench_exports.cpp)
set_target_properties(usagedesk_bench PROPERTIES OUTPUT_NAME bench SUFFIX ".js")
target_compile_options(usagedesk_bench PRIVATE ${UD_WARNINGS})
target_link_libraries(usagedesk_bench PRIVATE ud_sim ud_core)
set(UD_BENCH_EXPORTS _malloc _free
    _ud_bench_generate_csv _ud_bench_generate_analytics _ud_bench_generated_size _ud_bench_drop_generated
    _ud_bench_drop_table _ud_bench_parse_csv _ud_bench_newline_scan _ud_bench_sort _ud_bench_filter
    _ud_bench_group _ud_bench_last_rows _ud_bench_parse_analytics _ud_bench_table_bytes
    _ud_bench_heap_in_use _ud_bench_memory_size)
list(JOIN UD_BENCH_EXPORTS "," UD_BENCH_EXPORTS_CSV)
target_link_options(usagedesk_bench PRIVATE
    -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=67108864 -sMAXIMUM_MEMORY=4294967296
    -sENVIRONMENT=web -sMODULARIZE=0
    -sEXPORTED_FUNCTIONS=${UD_BENCH_EXPORTS_CSV}
    -sEXPORTED_RUNTIME_METHODS=HEAPU8)
# Linked like the app (cmake/wasm_app.cmake, UD_WASM_SIZE), so the bench
# measures core as the page runs it.
if(UD_WASM_SIZE)
    target_link_options(usagedesk_bench PRIVATE -Os)
endif()
