// The rules for a usage report's date range, checked before anything is sent:
// both dates valid YYYY-MM-DD, start <= end, nothing in the future; a start
// more than 6 months back is allowed with a warning (the API reference limits
// metered device reports to about 6 months; the console offers a year).
// Also the default range from the billing period.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/base/date.h"
#include "core/base/range_preset.h"
#include "core/particle/particle_models.h"
#include "core/base/result.h"

namespace ud::core {

inline constexpr int kReportWarnMonthsBack = 6;

// Per-field messages for the form; empty strings mean "fine".
struct ReportRangeCheck {
    std::string start_error;
    std::string end_error;
    std::string range_error;  // about both together (start after end)
    std::string warning;      // allowed, but worth saying
    std::optional<DateRange> range;  // set when there is no error
    bool ok() const { return range.has_value(); }
};

// `today` is the current UTC day: Particle's report dates are UTC days, so a
// person east of UTC may see their own today refused; the messages say why.
ReportRangeCheck checkReportRange(std::string_view start_text, std::string_view end_text, ReportType type, Date today);
// The line beside the date fields: "Report dates are UTC days; today in UTC is 2026-06-20."
std::string utcTodayNote(Date today);

// The presets are core/base/range_preset.h over the billing period. The
// current period runs to its end, which may lie in the future; the report
// can only cover days up to today, so ranges are clamped to today.
// The form's default: this billing period, up to today.
DateRange defaultReportRange(const ServiceAgreement& agreement, Date today);

}  // namespace ud::core
