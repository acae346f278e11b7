// The WASM side of the browser benchmark (bench/web/index.html + bench.mjs):
// C functions the page calls on bytes it put in the heap, so UsageDesk's code
// and the JavaScript libraries it is compared with work on the same bytes in
// the same page. Times of table operations are taken here with the page's
// clock (emscripten_get_now); parse times are taken by the page around one
// call. Prints nothing and asserts nothing: bench.mjs builds the table.
#include <emscripten.h>
#include <malloc.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/activeplatform_generator.h"
#include "core/activeplatform/activeplatform_parse.h"
#include "core/table/csv_reader.h"
#include "sim/particle_report_csv_generator.h"
#include "core/table/table_group.h"
#include "core/table/table_view.h"

namespace {

using namespace ud::core;

struct Bench {
    std::string generated;            // the last generated CSV or analytics answer
    std::optional<Table> table;       // the last parsed CSV
    std::vector<std::uint32_t> all;   // every row of `table`, in order
    std::size_t last_rows = 0;
};

Bench& bench() {
    static Bench b;
    return b;
}

// As the app's viewer feeds it (web/usagedesk.js reads files in chunks).
constexpr std::size_t kChunk = 1 << 20;

double timed(void (*work)()) {
    double start = emscripten_get_now();
    work();
    return emscripten_get_now() - start;
}

}  // namespace

extern "C" {

// Report-shaped CSV (sim/particle_report_csv_generator.h) of `rows` rows; with
// `min_bytes` > 0, as many rows as it takes to reach that size instead.
// Returns its address; ud_bench_generated_size() gives its length.
EMSCRIPTEN_KEEPALIVE const char* ud_bench_generate_csv(double rows, double min_bytes) {
    ReportCsvOptions options;
    options.rows = static_cast<std::size_t>(rows);
    if (min_bytes > 0) {
        options.rows = 10'000;
        double per_row = static_cast<double>(reportCsvFromSeed(options).size()) / 10'000.0;
        options.rows = static_cast<std::size_t>(min_bytes / per_row * 1.001) + 1;
    }
    bench().generated.clear();
    bench().generated.shrink_to_fit();
    bench().generated = reportCsvFromSeed(options);
    return bench().generated.data();
}

// A daily analytics answer of about `min_bytes` (300 lines a day, as the
// simulator's Large preset), from 2020-01-01 on for as many days as it takes.
EMSCRIPTEN_KEEPALIVE const char* ud_bench_generate_analytics(double min_bytes) {
    AnalyticsGeneratorOptions options;
    options.lines_per_day = 300;
    Date first{2020, 1, 1};
    std::string probe = analyticsBodyFromGenerator("70112", {first, addDays(first, 9)}, addDays(first, 9), options);
    double per_day = static_cast<double>(probe.size()) / 10.0;
    Date last = addDays(first, static_cast<std::int64_t>(min_bytes / per_day) + 1);
    bench().generated.clear();
    bench().generated.shrink_to_fit();
    bench().generated = analyticsBodyFromGenerator("70112", {first, last}, last, options);
    return bench().generated.data();
}

EMSCRIPTEN_KEEPALIVE double ud_bench_generated_size() { return static_cast<double>(bench().generated.size()); }

// Frees the generated text once the page has copied it out.
EMSCRIPTEN_KEEPALIVE void ud_bench_drop_generated() {
    bench().generated.clear();
    bench().generated.shrink_to_fit();
}

// Drops the loaded table (before measuring the heap of the next load).
EMSCRIPTEN_KEEPALIVE void ud_bench_drop_table() {
    bench().table.reset();
    bench().all.clear();
    bench().all.shrink_to_fit();
}

// UsageDesk's typed parse: CsvReader fed 1 MiB at a time from `len` bytes at
// `bytes`, into a columnar Table that stays loaded for the operations below.
// Returns the number of data rows (-1 on a parse error).
EMSCRIPTEN_KEEPALIVE double ud_bench_parse_csv(const char* bytes, double len) {
    ud_bench_drop_table();
    std::string_view csv(bytes, static_cast<std::size_t>(len));
    CsvReadOptions options;
    options.expected_bytes = csv.size();
    CsvReader reader(options);
    for (std::size_t at = 0; at < csv.size(); at += kChunk) reader.feed(csv.substr(at, kChunk));
    auto table = reader.finish();
    if (!table) return -1;
    bench().table = std::move(table).value();
    return static_cast<double>(bench().table->rowCount());
}

// The floor: one pass over the bytes counting line ends, nothing built.
EMSCRIPTEN_KEEPALIVE double ud_bench_newline_scan(const char* bytes, double len) {
    std::size_t n = static_cast<std::size_t>(len), lines = 0;
    const char* end = bytes + n;
    for (const char* p = bytes; p < end; ++p) {
        p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        if (!p) break;
        ++lines;
    }
    return static_cast<double>(lines);
}

// Table operations on the loaded table, each returning milliseconds. Columns
// of the report CSV: 0 date, 1 device_id, 2 device_name, 3 product_id,
// 4 product_name, 5 data_operations.
EMSCRIPTEN_KEEPALIVE double ud_bench_sort(int which) {
    static int s_which;
    s_which = which;
    if (bench().all.empty()) bench().all = filterRows(*bench().table, {}, "");
    return timed([] {
        std::vector<std::uint32_t> rows = bench().all;
        std::vector<SortKey> keys;
        if (s_which == 0) keys = {{5, SortDirection::Descending}};
        if (s_which == 1) keys = {{2, SortDirection::Ascending}};
        if (s_which == 2) keys = {{4, SortDirection::Ascending}, {0, SortDirection::Descending}};
        sortRows(*bench().table, rows, keys);
        bench().last_rows = rows.size();
    });
}

EMSCRIPTEN_KEEPALIVE double ud_bench_filter(int which) {
    static int s_which;
    s_which = which;
    return timed([] {
        std::vector<ColumnFilter> filters;
        std::string search;
        if (s_which == 0) {
            ColumnFilter text, range;
            text.column = 2;
            text.contains = "sensor-1";
            range.column = 5;
            range.min = Decimal::fromInt(100);
            filters = {text, range};
        } else {
            search = "pump";
        }
        bench().last_rows = filterRows(*bench().table, filters, search).size();
    });
}

EMSCRIPTEN_KEEPALIVE double ud_bench_group(int which) {
    static int s_which;
    s_which = which;
    if (bench().all.empty()) bench().all = filterRows(*bench().table, {}, "");
    return timed([] {
        GroupSpec spec;
        if (s_which == 0) spec.keys = {{1, false}};
        if (s_which == 1) spec.keys = {{0, true}, {4, false}};
        if (s_which == 2) spec.keys = {{0, false}, {1, false}};
        spec.aggregates = {{5, Aggregate::Sum}, {5, Aggregate::Mean}, {5, Aggregate::Max}};
        auto grouped = groupRows(*bench().table, bench().all, spec);
        bench().last_rows = grouped ? grouped->groups.rowCount() : 0;
    });
}

// Rows the last operation produced (the page prints them so a reader can see
// that each side did the same work).
EMSCRIPTEN_KEEPALIVE double ud_bench_last_rows() { return static_cast<double>(bench().last_rows); }

// Analytics answer -> typed Table (core/activeplatform/activeplatform_parse.h). Returns item rows, -1 on error.
EMSCRIPTEN_KEEPALIVE double ud_bench_parse_analytics(const char* bytes, double len) {
    auto report = analyticsReportFromJson(std::string_view(bytes, static_cast<std::size_t>(len)));
    return report ? static_cast<double>(report->items.rowCount()) : -1;
}

// Bytes the loaded table says it holds, bytes malloc has handed out and not
// had back, and the size of the WASM memory (which never shrinks).
EMSCRIPTEN_KEEPALIVE double ud_bench_table_bytes() {
    return bench().table ? static_cast<double>(bench().table->memoryBytes()) : 0;
}
EMSCRIPTEN_KEEPALIVE double ud_bench_heap_in_use() { return static_cast<double>(mallinfo().uordblks); }
EMSCRIPTEN_KEEPALIVE double ud_bench_memory_size() {
    return static_cast<double>(__builtin_wasm_memory_size(0)) * 65536.0;
}

}  // extern "C"
