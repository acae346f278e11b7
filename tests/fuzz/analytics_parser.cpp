// libFuzzer target: any bytes through the daily analytics parser, then the
// totals over whatever table came out. Must never crash, leak or hit UB.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/activeplatform/activeplatform_parse.h"
#include "core/activeplatform/activeplatform_totals.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view body(reinterpret_cast<const char*>(data), size);
    auto report = ud::core::analyticsReportFromJson(body);
    if (report.ok()) {
        const ud::core::Table& t = report->items;
        for (std::size_t c = 0; c < t.columnCount(); ++c)
            for (std::size_t r = 0; r < t.rowCount(); ++r) (void)t.column(c).cellText(r);
        (void)ud::core::costTotalsFromTable(t);
        (void)ud::core::dailyCostByCategory(t, 3);
    }
    return 0;
}
