// Native benchmark of the report viewer's data core: parse throughput for
// generated report CSVs, sort / filter / group-by on 1M rows, table memory vs
// CSV size. Prints a table; never asserts on time. Run: build-*/bench_csv_table
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "core/table/csv_reader.h"
#include "sim/particle_report_csv_generator.h"
#include "core/table/table_group.h"
#include "core/table/table_view.h"

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Best of `runs`: the least disturbed measurement on a shared machine.
template <typename F>
double bestMs(int runs, F&& f) {
    double best = 1e300;
    for (int i = 0; i < runs; ++i) {
        auto start = Clock::now();
        f();
        best = std::min(best, msSince(start));
    }
    return best;
}

ud::core::Table parseChunked(const std::string& csv) {
    ud::core::CsvReadOptions options;
    options.expected_bytes = csv.size();
    ud::core::CsvReader reader(options);
    constexpr std::size_t kChunk = 1 << 20;  // as the page feeds it: 1 MiB per step
    for (std::size_t at = 0; at < csv.size(); at += kChunk) reader.feed(std::string_view(csv).substr(at, kChunk));
    return std::move(reader.finish()).value();
}

}  // namespace

int main() {
    std::printf("%-28s %12s %12s %12s\n", "parse (1 MiB chunks)", "CSV MB", "ms", "MB/s");
    ud::core::Table big;
    std::size_t big_csv_bytes = 0;
    for (std::size_t rows : {10'000u, 100'000u, 1'000'000u}) {
        ud::core::ReportCsvOptions gen;
        gen.rows = rows;
        std::string csv = ud::core::reportCsvFromSeed(gen);
        double ms = bestMs(rows >= 1'000'000 ? 3 : 5, [&] { big = parseChunked(csv); });
        double mb = static_cast<double>(csv.size()) / 1e6;
        std::printf("%-28s %12.1f %12.2f %12.0f\n", (std::to_string(rows) + " rows").c_str(), mb, ms, mb / ms * 1e3);
        big_csv_bytes = csv.size();
    }
    std::vector<std::uint32_t> all = ud::core::filterRows(big, {}, "");
    std::printf("\n%-40s %12s\n", "on 1M rows", "ms");
    auto row = [](const char* what, double ms) { std::printf("%-40s %12.2f\n", what, ms); };
    row("sort by data_operations desc", bestMs(5, [&] {
        std::vector<std::uint32_t> r = all;
        ud::core::sortRows(big, r, std::vector<ud::core::SortKey>{{5, ud::core::SortDirection::Descending}});
    }));
    row("sort by device_name (text)", bestMs(5, [&] {
        std::vector<std::uint32_t> r = all;
        ud::core::sortRows(big, r, std::vector<ud::core::SortKey>{{2, ud::core::SortDirection::Ascending}});
    }));
    row("sort by product_name, date desc", bestMs(5, [&] {
        std::vector<std::uint32_t> r = all;
        ud::core::sortRows(big, r, std::vector<ud::core::SortKey>{{4, ud::core::SortDirection::Ascending},
                                                                   {0, ud::core::SortDirection::Descending}});
    }));
    row("filter text contains + ops range", bestMs(5, [&] {
        ud::core::ColumnFilter text, range;
        text.column = 2;
        text.contains = "sensor-1";
        range.column = 5;
        range.min = ud::core::Decimal::fromInt(100);
        (void)ud::core::filterRows(big, std::vector{text, range}, "");
    }));
    row("global search \"pump\"", bestMs(5, [&] { (void)ud::core::filterRows(big, {}, "pump"); }));
    auto group = [&](std::vector<ud::core::GroupKey> keys) {
        ud::core::GroupSpec spec;
        spec.keys = std::move(keys);
        spec.aggregates = {{5, ud::core::Aggregate::Sum}, {5, ud::core::Aggregate::Mean}, {5, ud::core::Aggregate::Max}};
        return bestMs(5, [&] { (void)ud::core::groupRows(big, all, spec); });
    };
    row("group by device (sum, mean, max)", group({{1, false}}));
    row("group by month, product", group({{0, true}, {4, false}}));
    row("group by date, device", group({{0, false}, {1, false}}));
    std::printf("\nmemory: table %.1f MB for %.1f MB of CSV (%.2fx)\n", static_cast<double>(big.memoryBytes()) / 1e6,
                static_cast<double>(big_csv_bytes) / 1e6,
                static_cast<double>(big.memoryBytes()) / static_cast<double>(big_csv_bytes));
    return 0;
}
