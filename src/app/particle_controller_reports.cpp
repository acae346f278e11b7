// ParticleController, second half: the request form, report requests, their
// polling through core::step, downloads (save, viewer, copy link) and the
// report list kept in storage (records only: no token, no download URL).
#include "app/particle_controller.h"
#include "app/particle_insights.h"

#include <algorithm>
#include <cctype>

#include "core/base/decimal.h"
#include "core/particle/particle_api.h"
#include "core/particle/particle_parse.h"
#include "core/particle/particle_report_quota.h"
#include "core/particle/particle_report_rules.h"

namespace ud::app {
namespace {

// "a, b ,,c" -> {"a", "b", "c"}
std::vector<std::string> listFromText(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string::npos) comma = text.size();
        std::string item = text.substr(start, comma - start);
        item.erase(0, item.find_first_not_of(" \t"));
        item.erase(item.find_last_not_of(" \t") + 1);
        if (!item.empty()) out.push_back(std::move(item));
        start = comma + 1;
    }
    return out;
}

}  // namespace

// particle-usage_<scope>_<type>_<start>_<end>.csv: safe characters only.
std::string csvFileName(const core::ReportRecord& r) {
    std::string scope = r.scope.isSandbox() ? "sandbox" : r.scope.org;
    for (char& c : scope)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') c = '-';
    return "particle-usage_" + scope + "_" + core::nameFromReportType(r.type) + "_" + core::isoFromDate(r.range.first) +
           "_" + core::isoFromDate(r.range.last) + ".csv";
}

// ---- the request form ----------------------------------------------------------

void ParticleController::editForm(const ReportForm& form) {
    state_.form = form;
    checkForm();
}

void ParticleController::checkForm() {
    const core::Date today = core::dateFromTimestamp(services_.clock.now());
    core::ReportRangeCheck check = core::checkReportRange(state_.form.start, state_.form.end, state_.form.type, today);
    state_.start_error = check.start_error;
    state_.end_error = check.end_error;
    state_.range_error = check.range_error;
    state_.range_warning = check.warning;
}

void ParticleController::resetFormToBillingPeriod() {
    const core::ServiceAgreement* a = agreement();
    if (!a) return;
    core::DateRange range = core::defaultReportRange(*a, core::dateFromTimestamp(services_.clock.now()));
    state_.form.start = core::isoFromDate(range.first);
    state_.form.end = core::isoFromDate(range.last);
    ++state_.form_revision;
    checkForm();
}

void ParticleController::applyPreset(core::RangePreset preset) {
    const core::ServiceAgreement* a = agreement();
    if (!a) {
        state_.request_error = core::makeError(core::ErrorKind::State,
                                               "The billing period is not known yet: load the service agreement first.");
        return;
    }
    core::DateRange range =
        core::rangeFromPreset(preset, a->current_billing_period, core::dateFromTimestamp(services_.clock.now()));
    state_.form.start = core::isoFromDate(range.first);
    state_.form.end = core::isoFromDate(range.last);
    ++state_.form_revision;
    checkForm();
}

void ParticleController::requestReport() {
    if (state_.requesting) return;
    state_.show_field_errors = true;
    state_.request_error.reset();
    checkForm();
    if (state_.login.session != ParticleSession::SignedIn) {
        state_.request_error = core::makeError(core::ErrorKind::State, "Log in first.");
        return;
    }
    const core::ServiceAgreement* a = agreement();
    if (!a) {
        state_.request_error = core::makeError(
            core::ErrorKind::State, "This scope has no service agreement to report on; reports are requested per agreement.");
        return;
    }
    const core::Date today = core::dateFromTimestamp(services_.clock.now());
    core::ReportRangeCheck check = core::checkReportRange(state_.form.start, state_.form.end, state_.form.type, today);
    if (!check.ok()) {
        state_.request_error = core::makeError(core::ErrorKind::Validation, "Fix the dates first (see above); nothing was sent.");
        return;
    }
    if (core::Status quota = core::checkReportQuota(records(), state_.scope); !quota) {
        state_.request_error = quota.error();  // explained before anything is sent
        return;
    }
    core::UsageReportSpec spec;
    spec.type = state_.form.type;
    spec.range = *check.range;
    spec.devices = listFromText(state_.form.devices);
    spec.products = listFromText(state_.form.products);
    sendReportRequest(state_.scope, a->id, spec);
}

void ParticleController::requestAgain(const ReportRef& ref) {
    ParticleReport* old = findReport(ref);
    if (!old || state_.requesting) return;
    old->again_error.reset();
    const core::ReportRecord& rec = old->poll.record;
    if (state_.login.session != ParticleSession::SignedIn) {
        old->again_error = core::makeError(core::ErrorKind::State, "Log in first.");
        return;
    }
    if (core::Status quota = core::checkReportQuota(records(), rec.scope); !quota) {
        old->again_error = quota.error();  // the 3-at-a-time rule, explained before anything is sent
        return;
    }
    const core::Scope scope = rec.scope;
    const core::AgreementId agreement = rec.agreement;
    sendReportRequest(scope, agreement, core::specFromReportRecord(rec));  // `old` may move: copies taken
}

void ParticleController::sendReportRequest(const core::Scope& scope, const core::AgreementId& agreement,
                                           const core::UsageReportSpec& spec) {
    ParticleReport report;
    report.poll = core::startReportPoll(scope, agreement, spec, services_.clock.now());
    report.local_id = ++next_local_report_;
    report.notify = state_.form.notify_when_ready;
    const std::uint64_t local = report.local_id;
    creating_local_id_ = local;
    state_.reports.insert(state_.reports.begin(), std::move(report));
    state_.requesting = true;
    saveReports();  // saved as Requested: a reload before the answer never re-sends it
    updateOutstanding();
    send(core::createUsageReportRequest(base(), state_.login.token, scope, agreement, spec),
         [this, local](const core::HttpResponse& r) { onCreated(local, r); });
}

void ParticleController::onCreated(std::uint64_t local_id, const core::HttpResponse& response) {
    state_.requesting = false;
    auto it = std::find_if(state_.reports.begin(), state_.reports.end(),
                           [local_id](const ParticleReport& r) { return r.local_id == local_id; });
    if (it == state_.reports.end()) return;
    auto created = core::particleResult<core::UsageReport>(response, core::ParticleCall::CreateReport, host(),
                                                           core::usageReportFromJson);
    if (created) {
        runStep(*it, core::report_event::Created{std::move(created).value()});
        return;
    }
    // Refused: say so and drop the entry. No clear answer: keep it as "may have
    // been created" (counted, explained, never re-sent).
    core::Error error = created.error();
    if (error.http_status == 0 && response.status != 0) error.http_status = response.status;  // an unreadable 2xx
    runStep(*it, core::report_event::CreateFailed{error});
    state_.request_error = created.error();
    if (it->poll.record.phase == core::ReportPhase::Uncertain) {
        state_.request_error->message = it->poll.record.message;
    } else {
        state_.reports.erase(it);
    }
    saveReports();
    updateOutstanding();
    handleSignedOut(created.error(), core::ParticleCall::CreateReport);
}

// ---- polling ---------------------------------------------------------------------

void ParticleController::pollReports() {
    if (state_.login.session != ParticleSession::SignedIn) return;
    const core::Timestamp now = services_.clock.now();
    for (ParticleReport& r : state_.reports) {
        const core::ReportRecord& rec = r.poll.record;
        const bool due = rec.phase == core::ReportPhase::Pending && !r.poll.awaiting_status && rec.next_check <= now &&
                         !state_.waiting_for_network;  // checked when the network is back
        const bool expiring = rec.phase == core::ReportPhase::Available && rec.expires_at && *rec.expires_at <= now;
        if (due || expiring) runStep(r, core::report_event::Tick{});
        if (state_.login.session != ParticleSession::SignedIn) return;
    }
}

void ParticleController::runStep(ParticleReport& report, const core::ReportEvent& event) {
    core::ReportStep next = core::step(report.poll, event, services_.clock.now());
    report.poll = std::move(next.state);
    for (const core::ReportCommand& command : next.commands)
        if (command.kind == core::ReportCommandKind::CheckStatus) checkStatus(report);
    if (report.poll.record.phase == core::ReportPhase::Available) report.poll.refetching_url = false;
    saveReports();
    updateOutstanding();
    requests_.askRedraw(services_.clock.now());
}

void ParticleController::checkStatus(ParticleReport& report) {
    if (!takePollLease(report)) return;  // another tab checks it; its results arrive by the storage event
    const core::ReportRecord& rec = report.poll.record;
    ReportRef ref{rec.id.value, rec.scope.key()};
    send(core::usageReportRequest(base(), state_.login.token, rec.scope, rec.id), [this, ref](const core::HttpResponse& r) {
        ParticleReport* target = findReport(ref);
        if (!target) return;
        target->poll.record.poll_until = 0;  // the lease ends with the answer (saved by runStep)
        auto status = core::particleResult<core::UsageReport>(r, core::ParticleCall::ReportStatus, host(),
                                                              core::usageReportFromJson);
        if (status) {
            runStep(*target, core::report_event::StatusArrived{std::move(status).value()});
            return;
        }
        runStep(*target, core::report_event::StatusFailed{status.error()});
        handleSignedOut(status.error(), core::ParticleCall::ReportStatus);
    });
}

ParticleReport* ParticleController::findReport(const ReportRef& ref) {
    for (ParticleReport& r : state_.reports)
        if (r.poll.record.id.value == ref.id && r.poll.record.scope.key() == ref.scope_key) return &r;
    return nullptr;
}

void ParticleController::resumeAfterSignIn() {
    for (ParticleReport& r : state_.reports)
        if (r.poll.record.phase == core::ReportPhase::SignedOut) runStep(r, core::report_event::Resume{});
}

void ParticleController::parkAfterSignOut() {
    // Download URLs belong to the session: drop them; an Available report gets
    // its URL back with one status check after the next sign-in.
    const core::Timestamp now = services_.clock.now();
    for (ParticleReport& r : state_.reports) {
        r.downloading = false;
        r.download_error.reset();
        r.message.clear();
        if (r.poll.record.phase == core::ReportPhase::Available) r.poll = core::resumeReportPoll(r.poll.record, now);
        r.poll.awaiting_status = false;
    }
    updateOutstanding();
}

// ---- downloads -------------------------------------------------------------------

// One download path for saving, the viewer and comparisons: the answer is
// checked against the link's host before `done` gets the file name and body.
void ParticleController::downloadCsv(const ReportRef& ref, std::function<void(std::string, std::string)> done) {
    ParticleReport* report = findReport(ref);
    if (!report || report->downloading) return;
    report->downloading = true;
    report->download_error.reset();
    const std::string file_name = csvFileName(report->poll.record);
    const std::string download_host = core::hostFromUrl(report->poll.download_url);
    send(core::reportDownloadRequest(report->poll.download_url),
         [this, ref, file_name, download_host, done = std::move(done)](const core::HttpResponse& r) {
             ParticleReport* target = findReport(ref);
             if (!target) return;
             target->downloading = false;
             if (core::Status ok = core::checkParticleAnswer(r, core::ParticleCall::Download, download_host); !ok) {
                 target->download_error = ok.error();
                 return;
             }
             done(file_name, r.body);
         });
}

void ParticleController::fetchCsv(const ReportRef& ref, bool to_viewer) {
    ParticleReport* report = findReport(ref);
    if (!report || report->downloading) return;
    if (report->poll.record.phase != core::ReportPhase::Available || report->poll.download_url.empty()) {
        report->download_error = core::makeError(core::ErrorKind::State, "This report has no download link yet.");
        return;
    }
    report->message.clear();
    downloadCsv(ref, [this, ref, to_viewer](const std::string& file_name, const std::string& body) {
        ParticleReport* target = findReport(ref);
        if (!target) return;
        // Its daily data operations feed the forecast (7-day rate, range, chart).
        if (auto daily = reportDailyFromCsv(body, target->poll.record, file_name)) {
            state_.report_daily = std::move(daily);
            refreshParticleForecast(state_);
        }
        const std::string size = core::formatCount(static_cast<long long>(body.size()));
        if (to_viewer && open_in_viewer_) {
            target->message = "Opened " + file_name + " (" + size + " bytes) in the viewer.";
            open_in_viewer_(file_name, body);
            return;
        }
        services_.files.saveFile(file_name, "text/csv", body);
        target->message = "Saved " + file_name + " (" + size + " bytes).";
    });
}

void ParticleController::copyLink(const ReportRef& ref) {
    ParticleReport* report = findReport(ref);
    if (!report || report->poll.download_url.empty()) return;
    services_.files.copyToClipboard(report->poll.download_url);
    report->message = "Download link copied. Treat it like a password: anyone with it can download the report "
                      "until it expires.";
}

void ParticleController::copyId(const ReportRef& ref) {
    ParticleReport* report = findReport(ref);
    if (!report || report->poll.record.id.value.empty()) return;
    services_.files.copyToClipboard(report->poll.record.id.value);
    report->message = "Report id " + report->poll.record.id.value + " copied (quote it to Particle support).";
}

void ParticleController::forget(const ReportRef& ref) {
    for (const ParticleReport& r : state_.reports)  // other tabs drop it too
        if (r.poll.record.id.value == ref.id && r.poll.record.scope.key() == ref.scope_key &&
            (!ref.id.empty() || r.poll.record.requested_at == ref.requested_at))
            forgotten_.push_back(core::reportKey(r.poll.record));
    state_.reports.erase(std::remove_if(state_.reports.begin(), state_.reports.end(),
                                        [&ref](const ParticleReport& r) {
                                            return r.poll.record.id.value == ref.id &&
                                                   r.poll.record.scope.key() == ref.scope_key &&
                                                   (!ref.id.empty() || r.poll.record.requested_at == ref.requested_at);
                                        }),
                         state_.reports.end());
    saveReports();
    updateOutstanding();
}

void ParticleController::updateOutstanding() { state_.outstanding = core::outstandingReportCount(records(), state_.scope); }

std::vector<core::ReportRecord> ParticleController::records() const {
    std::vector<core::ReportRecord> out;
    for (const ParticleReport& r : state_.reports) out.push_back(r.poll.record);
    return out;
}

}  // namespace ud::app
