// libFuzzer target: any bytes through the daily analytics parser, then the
// totals over whatever table came out. Must never crash, leak or hit UB.
// Differential too: the hand-written scanner must give what the nlohmann SAX
// reference gives (the same table, or the same error); a difference aborts.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "../activeplatform_differential.h"
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
    std::string difference = ud::test::analyticsParsersDiffer(body);
    if (!difference.empty()) {
        std::fprintf(stderr, "scanner and nlohmann differ: %s\n", difference.c_str());
        std::abort();
    }
    return 0;
}
