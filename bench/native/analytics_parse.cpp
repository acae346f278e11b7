// Parse speed of a ~50 MB ActivePlatform daily analytics answer from the
// simulator: UsageDesk's scanner into typed columns, against the nlohmann SAX
// reference into the same columns and nlohmann's DOM parse alone (no rows
// built) as yardsticks, plus the per-currency totals.
// Prints figures; asserts nothing about time.
#include <chrono>
#include <cstdio>
#include <functional>

#include <nlohmann/json.hpp>

#include "sim/activeplatform_generator.h"
#include "sim/activeplatform_sim.h"
#include "core/activeplatform/activeplatform_parse.h"
#include "core/activeplatform/activeplatform_parse_nlohmann.h"
#include "core/activeplatform/activeplatform_totals.h"

namespace {

using Clock = std::chrono::steady_clock;

// Best of `runs` wall-clock seconds.
double bestSeconds(int runs, const std::function<void()>& work) {
    double best = 1e300;
    for (int i = 0; i < runs; ++i) {
        auto start = Clock::now();
        work();
        best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
    }
    return best;
}

}  // namespace

int main() {
    using namespace ud::core;
    ActivePlatformSim sim(SimPreset::Large);
    AnalyticsGeneratorOptions options = sim.generatorOptionsFor(kSimEurSubscription);
    Date first{2023, 5, 20}, last{2024, 6, 1};  // ~380 days x 300 lines, about 50 MB
    auto gen_start = Clock::now();
    std::string body = analyticsBodyFromGenerator(std::string(kSimEurSubscription), {first, last}, last, options);
    double gen_s = std::chrono::duration<double>(Clock::now() - gen_start).count();
    double mb = static_cast<double>(body.size()) / 1e6;
    std::printf("answer: %.1f MB, generated in %.2f s\n", mb, gen_s);

    std::size_t rows = 0, table_bytes = 0;
    double sax_s = bestSeconds(3, [&] {
        auto report = analyticsReportFromJson(body);
        if (!report.ok()) {
            std::printf("parse failed: %s\n", report.error().message.c_str());
            return;
        }
        rows = report->items.rowCount();
        table_bytes = report->items.memoryBytes();
    });
    std::printf("UsageDesk scanner -> typed columns: %.3f s, %.1f MB/s, %.0f rows/s (%zu rows, table %.1f MB)\n", sax_s,
                mb / sax_s, static_cast<double>(rows) / sax_s, rows, static_cast<double>(table_bytes) / 1e6);

    double ref_s = bestSeconds(3, [&] {
        if (!analyticsReportFromJsonNlohmann(body).ok()) std::printf("reference parse failed\n");
    });
    std::printf("nlohmann SAX reference -> the same columns: %.3f s, %.1f MB/s (scanner %.2fx faster)\n", ref_s,
                mb / ref_s, ref_s / sax_s);

    double dom_s = bestSeconds(3, [&] {
        auto doc = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
        if (doc.is_discarded()) std::printf("DOM parse failed\n");
    });
    std::printf("nlohmann DOM parse only (no rows): %.3f s, %.1f MB/s\n", dom_s, mb / dom_s);

    auto report = analyticsReportFromJson(body);
    if (!report.ok()) return 1;
    CostTotals totals;
    double totals_s = bestSeconds(3, [&] { totals = costTotalsFromTable(report->items); });
    double daily_s = bestSeconds(3, [&] { (void)dailyCostByCategory(report->items, 8); });
    std::printf("per-currency totals: %.3f s; daily by category: %.3f s\n", totals_s, daily_s);
    for (const CurrencyTotals& c : totals.currencies)
        std::printf("  %s: %s over %zu lines\n", c.currency.c_str(), formatMoney(c.grand.total, c.currency).c_str(),
                    c.grand.lines);
    return 0;
}
