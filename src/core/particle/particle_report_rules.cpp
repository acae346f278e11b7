// Report date-range validation and the default range (see particle_report_rules.h).
#include "core/particle/particle_report_rules.h"

#include <algorithm>

namespace ud::core {

ReportRangeCheck checkReportRange(std::string_view start_text, std::string_view end_text, ReportType type,
                                  Date today) {
    ReportRangeCheck check;
    auto start = parseDateField(start_text);
    auto end = parseDateField(end_text);
    if (!start) check.start_error = "Start date: " + start.error().message;
    if (!end) check.end_error = "End date: " + end.error().message;
    // East of UTC a person's own today can still be tomorrow in UTC: say which day counts.
    if (start && *start > today)
        check.start_error = "Start date is in the future: report dates are UTC days, and today in UTC is " +
                            isoFromDate(today) + ".";
    if (end && *end > today)
        check.end_error = "End date is in the future: report dates are UTC days, a report can cover days up to "
                          "today, and today in UTC is " + isoFromDate(today) + ".";
    if (start && end && *start > *end) check.range_error = "The start date is after the end date.";
    if (!check.start_error.empty() || !check.end_error.empty() || !check.range_error.empty()) return check;
    if (*start < addMonths(today, -kReportWarnMonthsBack))
        check.warning = std::string("The start is more than 6 months back; Particle may refuse older ") +
                        (type == ReportType::Devices ? "device" : "product") + " data.";
    check.range = DateRange{*start, *end};
    return check;
}

std::string utcTodayNote(Date today) {
    return "Report dates are UTC days; today in UTC is " + isoFromDate(today) + ".";
}

DateRange defaultReportRange(const ServiceAgreement& agreement, Date today) {
    return rangeFromPreset(RangePreset::ThisPeriod, agreement.current_billing_period, today);
}

}  // namespace ud::core
