// ParticleController, part 3: a report compared with the same type for the last
// billing period (issue 14). Both CSVs are downloaded like "Open in viewer"
// (no token to the storage host) and handed to the viewer as a comparison.
#include <memory>

#include "app/particle_controller.h"
#include "app/particle_insights.h"
#include "core/particle/particle_api.h"
#include "core/particle/particle_errors.h"
#include "core/particle/particle_parse.h"
#include "core/particle/particle_report_rules.h"

namespace ud::app {

void ParticleController::compareWithLastPeriod(const ReportRef& ref) {
    const ParticleReport* report = findReport(ref);
    const core::ServiceAgreement* a = agreement();
    if (!report || !a) return;
    const core::Date today = core::dateFromTimestamp(services_.clock.now());
    const core::DateRange last =
        core::rangeFromPreset(core::RangePreset::LastPeriod, a->current_billing_period, today);
    const core::ReportType type = report->poll.record.type;
    const ParticleReport* earlier = nullptr;
    for (const ParticleReport& r : state_.reports)
        if (r.poll.record.scope == report->poll.record.scope && r.poll.record.type == type && r.poll.record.range == last)
            earlier = &r;
    auto say = [this, &ref](std::string text) {
        if (ParticleReport* r = findReport(ref)) r->message = std::move(text);
    };
    if (!earlier) {
        state_.form.type = type;
        state_.form.start = core::isoFromDate(last.first);
        state_.form.end = core::isoFromDate(last.last);
        ++state_.form_revision;
        requestReport();  // checks the 3-at-a-time rule before sending
        say(state_.request_error ? "Could not request the last billing period: " + state_.request_error->message
                                 : "Requested the last billing period (" + core::isoFromDate(last.first) + " to " +
                                       core::isoFromDate(last.last) + "); press Compare again when it is ready.");
        return;
    }
    if (earlier->poll.record.phase != core::ReportPhase::Available || earlier->poll.download_url.empty()) {
        say("The last billing period's report is not ready yet; press Compare again when it is.");
        return;
    }
    if (!compare_in_viewer_) return;
    const ReportRef earlier_ref{earlier->poll.record.id.value, earlier->poll.record.scope.key()};
    // Both downloads in flight at once; the viewer gets them when the second arrives.
    struct Pair {
        std::string earlier_name, earlier_csv, later_name, later_csv;
        int left = 2;
    };
    auto pair = std::make_shared<Pair>();
    auto finish = [this, pair, ref]() {
        if (--pair->left > 0) return;
        if (ParticleReport* r = findReport(ref)) r->message = "Compared with " + pair->earlier_name + " in the viewer.";
        compare_in_viewer_(pair->earlier_name, pair->earlier_csv, pair->later_name, pair->later_csv);
    };
    downloadCsv(earlier_ref, [pair, finish](std::string name, std::string csv) {
        pair->earlier_name = std::move(name);
        pair->earlier_csv = std::move(csv);
        finish();
    });
    downloadCsv(ref, [this, pair, finish, ref](std::string name, std::string csv) {
        if (ParticleReport* r = findReport(ref); r && state_.scope == r->poll.record.scope) {
            if (auto daily = reportDailyFromCsv(csv, r->poll.record, name)) state_.report_daily = std::move(daily);
        }
        pair->later_name = std::move(name);
        pair->later_csv = std::move(csv);
        finish();
    });
}

}  // namespace ud::app
