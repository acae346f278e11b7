// libFuzzer target for the CSV reader: random bytes, fed in random chunkings
// (the first input byte picks the chunk sizes), must never crash, and must
// give the same table as feeding the whole input at once. The resulting table
// is also sorted, grouped and exported to reach those paths with odd data.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/table/csv_reader.h"
#include "core/table/csv_writer.h"
#include "core/table/table_group.h"
#include "core/table/table_view.h"

namespace {

using ud::core::Table;

std::string exported(const Table& t) {
    ud::core::CsvWriteOptions options;
    options.guard_formulas = false;
    return ud::core::csvFromTable(t, options);
}

void exercise(const Table& t) {
    std::vector<std::uint32_t> rows = ud::core::filterRows(t, {}, "a");
    for (std::size_t c = 0; c < t.columnCount() && c < 4; ++c) {
        std::vector<ud::core::SortKey> keys{{c, ud::core::SortDirection::Descending}, {0, ud::core::SortDirection::Ascending}};
        ud::core::sortRows(t, rows, keys);
        ud::core::GroupSpec spec;
        spec.keys = {{c, false}};
        for (std::size_t a = 0; a < t.columnCount(); ++a) {
            if (t.column(a).isNumeric()) spec.aggregates.push_back({a, ud::core::Aggregate::Mean});
        }
        (void)ud::core::groupRows(t, rows, spec);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    std::size_t step = 1 + data[0] % 17;
    std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    ud::core::CsvReadOptions options;
    options.inference_rows = 1 + data[0] % 5;  // widen paths run on small inputs
    options.bad_rows = data[0] & 0x80 ? ud::core::BadRowPolicy::Skip : ud::core::BadRowPolicy::Keep;

    ud::core::Result<Table> whole = ud::core::tableFromCsv(text, options);
    ud::core::CsvReader chunked(options);
    for (std::size_t at = 0; at < text.size();) {
        chunked.feed(text.substr(at, step));
        at += step;
        step = 1 + (step * 7 + 3) % 23;  // vary chunk sizes along the input
    }
    ud::core::Result<Table> parts = chunked.finish();
    if (whole.ok() != parts.ok()) __builtin_trap();
    if (!whole.ok()) return 0;
    if (exported(*whole) != exported(*parts)) __builtin_trap();
    exercise(*whole);
    return 0;
}
