// ActivePlatformController, part 2: two ranges fetched side by side and
// compared (issue 14). Both requests use the form's base URL, token and
// subscription; the comparison is built when both answers are in. No automatic
// retry here: a failed side says why and Compare can be pressed again.
#include <algorithm>

#include "app/activeplatform_controller.h"
#include "app/activeplatform_insights.h"
#include "core/table/csv_writer.h"

namespace ud::app {
namespace {

std::string rangeLabel(const core::DateRange& r) { return core::isoFromDate(r.first) + " to " + core::isoFromDate(r.last); }

}  // namespace

void ActivePlatformController::compareRanges(core::DateRange earlier, core::DateRange later) {
    AnalyticsComparison& c = state_.compare;
    const std::string key = c.key;
    c = AnalyticsComparison{};
    c.key = key;
    c.active = true;
    c.earlier = earlier;
    c.later = later;
    c.earlier_label = rangeLabel(earlier);
    c.later_label = rangeLabel(later);
    state_.field_errors = core::fieldErrorsFromForm(state_.form);
    core::AnalyticsForm form = state_.form;
    form.range_kind = core::AnalyticsRangeKind::Days;
    form.date_from = core::isoFromDate(earlier.first);
    form.date_to = core::isoFromDate(earlier.last);
    auto first = core::analyticsQueryFromForm(form);
    form.date_from = core::isoFromDate(later.first);
    form.date_to = core::isoFromDate(later.last);
    auto second = core::analyticsQueryFromForm(form);
    if (!first || !second) {
        state_.show_field_errors = true;
        c.error = !first ? first.error() : second.error();
        return;
    }
    c.loading = true;
    const core::HttpRequest a = core::analyticsDailyRequest(*first), b = core::analyticsDailyRequest(*second);
    compare_url_ = a.url;
    dropComparison();  // answers to an earlier Compare must not land in this one
    compare_pending_[0] = requests_.send(a, [this](const core::HttpResponse& r) { onCompareAnswer(true, r); });
    compare_pending_[1] = requests_.send(b, [this](const core::HttpResponse& r) { onCompareAnswer(false, r); });
}

void ActivePlatformController::dropComparison() {
    for (RequestQueue::Ticket& ticket : compare_pending_) {
        requests_.drop(ticket);
        ticket = 0;
    }
}

void ActivePlatformController::onCompareAnswer(bool earlier, const core::HttpResponse& response) {
    AnalyticsComparison& c = state_.compare;
    compare_pending_[earlier ? 0 : 1] = 0;
    if (!c.active) return;
    if (!core::isSuccess(response)) {
        c.error = core::errorFromAnalyticsResponse(response, compare_url_);
    } else if (auto report = core::analyticsReportFromJson(response.body); !report) {
        c.error = report.error();
    } else {
        (earlier ? c.earlier_report : c.later_report) = std::move(report).value();
    }
    if (compare_pending_[0] || compare_pending_[1]) return;
    c.loading = false;
    if (!c.error) buildComparison(c);
}

void ActivePlatformController::exportComparison() {
    AnalyticsComparison& c = state_.compare;
    if (!c.table) return;
    std::string csv = core::csvFromTable(*c.table, c.view.rows, shownColumns(c.view, *c.table));
    std::string name = "activeplatform-compare_" + core::isoFromDate(c.earlier.first) + "_" +
                       core::isoFromDate(c.later.first) + "_" + c.key + ".csv";
    services_.files.saveFile(name, "text/csv", csv);
    c.message = "Saved " + name + " (" + core::formatCount(static_cast<long long>(csv.size())) + " bytes).";
}

}  // namespace ud::app
