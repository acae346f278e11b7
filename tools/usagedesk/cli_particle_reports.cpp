// Particle usage report commands: request, status, wait, download, and get
// (request -> wait -> download, as the tutorial's script does). Waiting runs
// core's report poller (15 s, 30 s, then every 60 s; Retry-After; network
// back-off; 60-minute give-up); the 3-at-a-time limit is explained before a
// 4th report is sent, from the records kept by cli_report_records.
#include <memory>
#include <optional>

#include "cli_commands.h"
#include "cli_output.h"
#include "cli_particle_session.h"
#include "cli_report_records.h"
#include "cli_secrets.h"
#include "core/particle/particle_report_quota.h"
#include "core/particle/particle_report_rules.h"

namespace ud::cli {
namespace {

using core::ParticleCall;

struct ReportOptions {
    std::string org;
    std::string agreement;
    std::string type = "devices";
    std::string from, to;
    std::vector<std::string> devices, products;
    std::string id;
    std::string output;
    bool token_stdin = false;
    bool show_url = false;
};

core::Result<core::UsageReport> fetchStatus(const ParticleSession& s, const core::Scope& scope, const core::ReportId& id) {
    return particleCall<core::UsageReport>(s, core::usageReportRequest(s.base, s.token, scope, id),
                                           ParticleCall::ReportStatus, core::usageReportFromJson);
}

// Brings the stored outstanding reports of `scope` up to date, so the limit
// counts only reports still being prepared.
void refreshOutstanding(const ParticleSession& s, std::vector<core::ReportRecord>& records, const core::Scope& scope) {
    const core::Timestamp now = nowMs();
    for (auto& record : records) {
        if (!(record.scope == scope) || !core::isOutstandingPhase(record.phase) || record.id.value.empty()) continue;
        core::ReportPoll poll = core::resumeReportPoll(record, now);
        poll.record.phase = core::ReportPhase::Pending;
        auto status = fetchStatus(s, scope, record.id);
        if (status) record = core::step(poll, core::report_event::StatusArrived{*status}, now).state.record;
        else if (status.error().http_status == 404) record.phase = core::ReportPhase::Failed;  // gone: not outstanding
    }
}

std::string outstandingIds(const std::vector<core::ReportRecord>& records, const core::Scope& scope) {
    std::string ids;
    for (const auto& r : records)
        if (r.scope == scope && core::isOutstandingPhase(r.phase)) ids += (ids.empty() ? "" : ", ") + r.id.value;
    return ids;
}

// Validates, checks the limit, sends the request. Returns an exit code (0 = `poll` holds the new report).
int requestReport(const ParticleSession& s, const ReportOptions& o, core::ReportPoll& poll) {
    const core::Scope scope = scopeFromOption(o.org);
    auto type = core::reportTypeFromName(o.type);
    if (!type) return fail(Exit::Usage, "--type must be devices or products");
    auto agreement = scopeAgreement(s, scope, o.agreement);
    if (!agreement) return failWith(agreement.error());
    const core::Date today = core::dateFromTimestamp(nowMs());
    const core::DateRange fallback = core::defaultReportRange(*agreement, today);
    const std::string from = o.from.empty() ? core::isoFromDate(fallback.first) : o.from;
    const std::string to = o.to.empty() ? core::isoFromDate(fallback.last) : o.to;
    core::ReportRangeCheck check = core::checkReportRange(from, to, *type, today);
    if (!check.ok()) {
        std::string why;
        for (const auto& [field, message] : {std::pair{"--from", check.start_error}, std::pair{"--to", check.end_error},
                                             std::pair{"range", check.range_error}})
            if (!message.empty()) why += (why.empty() ? "" : "; ") + std::string(field) + ": " + message;
        return fail(Exit::Usage, why + " (nothing was sent)");
    }
    if (!check.warning.empty()) warn(check.warning);

    auto records = loadReportRecords();
    refreshOutstanding(s, records, scope);
    saveReportRecords(records);
    if (core::Status quota = core::checkReportQuota(records, scope); !quota)
        return fail(Exit::Limit, quota.error().message + " Being prepared: " + outstandingIds(records, scope) +
                                     " (nothing was sent).");

    core::UsageReportSpec spec;
    spec.type = *type;
    spec.range = *check.range;
    spec.devices = o.devices;
    spec.products = o.products;
    poll = core::startReportPoll(scope, agreement->id, spec, nowMs());
    auto created = particleCall<core::UsageReport>(s, core::createUsageReportRequest(s.base, s.token, scope, agreement->id, spec),
                                                   ParticleCall::CreateReport, core::usageReportFromJson);
    if (!created) return failWith(created.error());
    poll = core::step(poll, core::report_event::Created{*created}, nowMs()).state;
    storeReportRecord(poll.record);
    return 0;
}

// Runs the poller until the report is final. Returns an exit code.
int waitForReport(const ParticleSession& s, core::ReportPoll& poll) {
    std::optional<core::Error> last_error;
    while (!core::isFinalPhase(poll.record.phase) && poll.record.phase != core::ReportPhase::SignedOut) {
        core::ReportStep tick = core::step(poll, core::report_event::Tick{}, nowMs());
        poll = tick.state;
        if (tick.commands.empty()) break;
        const core::ReportCommand& command = tick.commands.front();
        if (command.kind == core::ReportCommandKind::ScheduleWake) {
            sleepUntil(*s.cli, command.at, "report " + poll.record.id.value + ": " +
                                               (poll.record.message.empty() ? "pending" : poll.record.message) + " Next check");
        } else if (command.kind == core::ReportCommandKind::CheckStatus) {
            progressLine(*s.cli, "report " + poll.record.id.value + ": checking");
            auto status = fetchStatus(s, poll.record.scope, poll.record.id);
            if (status) {
                poll = core::step(poll, core::report_event::StatusArrived{*status}, nowMs()).state;
                last_error.reset();
            } else {
                last_error = status.error();
                poll = core::step(poll, core::report_event::StatusFailed{status.error()}, nowMs()).state;
            }
            storeReportRecord(poll.record);
        }
    }
    progressDone(*s.cli);
    switch (poll.record.phase) {
        case core::ReportPhase::Available: return 0;
        case core::ReportPhase::SignedOut: return fail(Exit::Auth, poll.record.message);
        case core::ReportPhase::Failed: return last_error ? failWith(*last_error) : fail(Exit::Failed, poll.record.message);
        default: return fail(Exit::Failed, poll.record.message.empty() ? "the report did not finish." : poll.record.message);
    }
}

// The CSV from the storage host, byte for byte, to `path` ("-" = stdout).
core::Result<std::size_t> downloadTo(const ParticleSession& s, const std::string& download_url, const std::string& path) {
    core::HttpResponse response = send(*s.cli, core::reportDownloadRequest(download_url));
    if (!core::isSuccess(response)) return particleError(s, response, ParticleCall::Download, download_url);
    if (auto written = writeFileAtomically(path, response.body); !written) return written.error();
    return response.body.size();
}

std::string shownUrl(const std::string& url, bool show) { return show ? url : core::maskedDownloadUrl(url); }

nlohmann::json jsonFromReport(const core::UsageReport& r, bool show_url) {
    auto when = [](const std::optional<core::Timestamp>& t) { return t ? nlohmann::json(core::isoFromTimestamp(*t)) : nlohmann::json(nullptr); };
    nlohmann::json j = {{"id", r.id.value}, {"state", r.state_text}, {"type", r.report_type},
                        {"created_at", when(r.created_at)}, {"expires_at", when(r.expires_at)}};
    j["start"] = r.range ? nlohmann::json(core::isoFromDate(r.range->first)) : nlohmann::json(nullptr);
    j["end"] = r.range ? nlohmann::json(core::isoFromDate(r.range->last)) : nlohmann::json(nullptr);
    j["download_url"] = r.download_url.empty() ? nlohmann::json(nullptr) : nlohmann::json(shownUrl(r.download_url, show_url));
    return j;
}

core::Result<ParticleSession> sessionFor(const Cli& cli, const ReportOptions& o) { return particleSession(cli, o.token_stdin); }

int runRequest(const Cli& cli, const ReportOptions& o) {
    auto s = sessionFor(cli, o);
    if (!s) return failWith(s.error());
    core::ReportPoll poll;
    if (int code = requestReport(*s, o, poll)) return code;
    const core::ReportRecord& r = poll.record;
    if (cli.json)
        printJson({{"id", r.id.value}, {"state", core::nameFromReportPhase(r.phase)}, {"scope", r.scope.key()},
                   {"type", core::nameFromReportType(r.type)}, {"start", core::isoFromDate(r.range.first)},
                   {"end", core::isoFromDate(r.range.last)}});
    else printText(r.id.value + "\n");
    return 0;
}

int runStatus(const Cli& cli, const ReportOptions& o) {
    auto s = sessionFor(cli, o);
    if (!s) return failWith(s.error());
    auto status = fetchStatus(*s, scopeFromOption(o.org), core::ReportId{o.id});
    if (!status) return failWith(status.error());
    if (cli.json) {
        printJson(jsonFromReport(*status, o.show_url));
        return 0;
    }
    const core::UsageReport& r = *status;
    std::string text = "Report " + r.id.value + ": " + r.state_text + "\n";
    if (r.range) text += r.report_type + " report, " + core::isoFromDate(r.range->first) + " to " + core::isoFromDate(r.range->last) + "\n";
    if (r.created_at) text += "Requested " + core::isoFromTimestamp(*r.created_at) + "\n";
    if (r.expires_at) text += "Downloadable until " + core::isoFromTimestamp(*r.expires_at) + "\n";
    if (!r.download_url.empty())
        text += "Link " + shownUrl(r.download_url, o.show_url) + (o.show_url ? "" : "  (--show-url prints it; anyone with it can download)") + "\n";
    printText(text);
    return 0;
}

int runWait(const Cli& cli, const ReportOptions& o) {
    auto s = sessionFor(cli, o);
    if (!s) return failWith(s.error());
    const core::Scope scope = scopeFromOption(o.org);
    auto records = loadReportRecords();
    core::ReportRecord record;
    if (const core::ReportRecord* known = findReportRecord(records, core::ReportId{o.id}, scope)) record = *known;
    else {
        record.id = core::ReportId{o.id};  // requested elsewhere: the 60-minute limit counts from now
        record.scope = scope;
        record.requested_at = nowMs();
    }
    core::ReportPoll poll = core::resumeReportPoll(record, nowMs());
    poll.record.phase = core::ReportPhase::Pending;
    poll.record.next_check = nowMs();  // asked now: look at once, then follow the schedule
    if (int code = waitForReport(*s, poll)) return code;
    const core::ReportRecord& r = poll.record;
    const std::string until = r.expires_at ? core::isoFromTimestamp(*r.expires_at) : std::string();
    if (cli.json) printJson({{"id", r.id.value}, {"state", "available"}, {"expires_at", until.empty() ? nlohmann::json(nullptr) : nlohmann::json(until)}});
    else printText("Report " + r.id.value + " is ready" + (until.empty() ? "" : " (downloadable until " + until + ")") + ".\n");
    return 0;
}

int printSaved(const Cli& cli, const std::string& id, const std::string& path, std::size_t bytes) {
    if (path == "-") return 0;
    if (cli.json) printJson({{"id", id}, {"file", path}, {"bytes", bytes}});
    else printText("Saved report " + id + " to " + path + " (" + std::to_string(bytes) + " bytes).\n");
    return 0;
}

int runDownload(const Cli& cli, const ReportOptions& o) {
    auto s = sessionFor(cli, o);
    if (!s) return failWith(s.error());
    auto status = fetchStatus(*s, scopeFromOption(o.org), core::ReportId{o.id});
    if (!status) return failWith(status.error());
    if (status->state != core::ReportState::Available || status->download_url.empty())
        return fail(Exit::Failed, "report " + o.id + " is not ready to download (state: " + status->state_text +
                                      "); `usagedesk report wait " + o.id + "` waits for it.");
    auto saved = downloadTo(*s, status->download_url, o.output);
    if (!saved) return failWith(saved.error());
    return printSaved(cli, o.id, o.output, *saved);
}

int runGet(const Cli& cli, const ReportOptions& o) {
    auto s = sessionFor(cli, o);
    if (!s) return failWith(s.error());
    core::ReportPoll poll;
    if (int code = requestReport(*s, o, poll)) return code;
    progressLine(cli, "report " + poll.record.id.value + " requested");
    if (int code = waitForReport(*s, poll)) return code;
    auto saved = downloadTo(*s, poll.download_url, o.output);
    if (!saved) return failWith(saved.error());
    return printSaved(cli, poll.record.id.value, o.output, *saved);
}

}  // namespace

void addParticleReportCommands(CLI::App& app, Program& program) {
    CLI::App* report = app.add_subcommand("report", "Particle data operations usage reports")->require_subcommand(1);
    auto o = std::make_shared<ReportOptions>();
    auto common = [&](CLI::App* sub, const char* examples, int (*run)(const Cli&, const ReportOptions&)) {
        sub->add_option("--org", o->org, "Organization id or slug (default: the developer sandbox)");
        sub->add_flag("--token-stdin", o->token_stdin, "Read the access token from the first line of stdin");
        sub->footer(examples);
        sub->callback([&program, o, run] { program.run = [&program, o, run] { return run(program.cli, *o); }; });
    };
    auto spec = [&](CLI::App* sub) {
        sub->add_option("--type", o->type, "devices or products")->capture_default_str()->check(CLI::IsMember({"devices", "products"}));
        sub->add_option("--from", o->from, "First day, YYYY-MM-DD (default: start of this billing period)");
        sub->add_option("--to", o->to, "Last day, YYYY-MM-DD, inclusive (default: today)");
        sub->add_option("--agreement", o->agreement, "Service agreement id (default: the active one)");
        sub->add_option("--devices", o->devices, "Only these device ids (comma-separated)")->delimiter(',');
        sub->add_option("--products", o->products, "Only these product ids (comma-separated)")->delimiter(',');
    };
    CLI::App* request = report->add_subcommand("request", "Request a report and print its id (at most 3 are prepared at a time)");
    spec(request);
    common(request, "Examples:\n  id=$(usagedesk report request --from 2026-05-04 --to 2026-05-31)\n"
                    "  usagedesk report request --type products --org acme-fleet", runRequest);

    CLI::App* status = report->add_subcommand("status", "Show a report's state (the download link masked unless --show-url)");
    status->add_option("id", o->id, "Report id")->required();
    status->add_flag("--show-url", o->show_url, "Print the download link (anyone with it can download the report)");
    common(status, "Examples:\n  usagedesk report status 8804\n  usagedesk --json report status 8804 | jq -r .state", runStatus);

    CLI::App* wait = report->add_subcommand("wait", "Wait until a report is ready: checks now, then 15 s, 30 s and every "
                                                    "60 s (honouring Retry-After), for up to 60 minutes");
    wait->add_option("id", o->id, "Report id")->required();
    common(wait, "Examples:\n  usagedesk report wait 8804 && usagedesk report download 8804 -o usage.csv", runWait);

    CLI::App* download = report->add_subcommand("download", "Save a ready report's CSV exactly as served");
    download->add_option("id", o->id, "Report id")->required();
    download->add_option("-o,--output", o->output, "File to write (- for stdout)")->required();
    common(download, "Examples:\n  usagedesk report download 8804 -o usage.csv\n  usagedesk report download 8804 -o - | head", runDownload);

    CLI::App* get = report->add_subcommand("get", "Request, wait and download in one step (the tutorial's script)");
    spec(get);
    get->add_option("-o,--output", o->output, "File to write (- for stdout)")->required();
    common(get, "Examples:\n  usagedesk report get -o usage.csv\n"
                "  usagedesk report get --org acme-fleet --from 2026-05-01 --to 2026-05-31 -o acme-may.csv", runGet);
}

}  // namespace ud::cli
