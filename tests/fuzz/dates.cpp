// libFuzzer target: dates, months, timestamps and Retry-After (both forms) from
// any text, and the date arithmetic on whatever parsed. Must never crash or hit UB.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/base/date.h"
#include "core/base/http.h"
#include "core/particle/particle_report_rules.h"

using namespace ud::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    if (auto d = dateFromIso(text)) {
        (void)isoFromDate(*d);
        (void)addMonths(*d, 13);
        (void)addDays(*d, -400);
        (void)lastOfMonth(*d);
        (void)timestampFromDate(*d);
    }
    (void)parseDateField(text);
    if (auto ym = yearMonthFromIso(text)) (void)isoFromYearMonth(*ym);
    if (auto ts = timestampFromText(text)) {
        (void)isoFromTimestamp(*ts);
        (void)dateFromTimestamp(*ts);
        (void)durationText(*ts);
    }
    HeaderList headers = {{"Retry-After", std::string(text)}};
    (void)retryAfterSeconds(headers);
    (void)retryAfterSeconds(headers, 1780000000000LL);
    const std::size_t half = text.size() / 2;
    (void)checkReportRange(text.substr(0, half), text.substr(half), ReportType::Devices, Date{2026, 6, 20});
    (void)plainHttpProblem(text);
    (void)hostFromUrl(text);
    return 0;
}
