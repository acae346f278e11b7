// ParticleState as JSON for the browser test hook. Secrets (the token, the MFA
// challenge, download URLs) appear only as booleans.
#include "app/state_json.h"

#include "core/particle/particle_report_text.h"

namespace ud::app {
namespace {

const char* nameFromSession(ParticleSession session) {
    switch (session) {
        case ParticleSession::SignedOut: return "signed_out";
        case ParticleSession::Checking: return "checking";
        case ParticleSession::SignedIn: return "signed_in";
    }
    return "unknown";
}

template <typename T, typename ToJson>
nlohmann::json jsonFromLoaded(const Loaded<T>& loaded, ToJson to_json) {
    nlohmann::json items = nlohmann::json::array();
    for (const T& item : loaded.items) items.push_back(to_json(item));
    return {{"items", items}, {"loading", loaded.loading}, {"loaded", loaded.loaded}, {"error", jsonFromError(loaded.error)}};
}

nlohmann::json jsonFromAgreement(const core::ServiceAgreement& a) {
    return {{"id", a.id.value},
            {"name", a.name},
            {"type", a.agreement_type},
            {"state", a.state},
            {"period_start", core::isoFromDate(a.current_billing_period.first)},
            {"period_end", core::isoFromDate(a.current_billing_period.last)},
            {"device_messages", a.device_messages},
            {"max_messages", a.max_messages},
            {"billable_devices", a.billable_devices},
            {"max_devices", a.max_devices}};
}

nlohmann::json jsonFromReport(const ParticleReport& r, core::Timestamp now, bool signed_in, bool waiting_for_network) {
    const core::ReportRecord& rec = r.poll.record;
    return {{"id", rec.id.value},
            {"scope", rec.scope.key()},
            {"type", core::nameFromReportType(rec.type)},
            {"start", core::isoFromDate(rec.range.first)},
            {"end", core::isoFromDate(rec.range.last)},
            {"requested_at", rec.requested_at},
            {"phase", core::nameFromReportPhase(rec.phase)},
            {"next_check", rec.next_check},
            {"attempts", rec.attempts},
            {"awaiting_status", r.poll.awaiting_status},
            {"has_download_url", !r.poll.download_url.empty()},
            {"expires_at", rec.expires_at ? nlohmann::json(*rec.expires_at) : nlohmann::json(nullptr)},
            {"record_message", rec.message},
            {"downloading", r.downloading},
            {"message", r.message},
            {"download_error", jsonFromError(r.download_error)},
            {"again_error", jsonFromError(r.again_error)},
            {"rate_limited", r.poll.rate_limited},
            {"state_text", core::textFromReportState(r.poll, now, signed_in, waiting_for_network)},
            {"devices", rec.devices},
            {"products", rec.products},
            {"notify", r.notify}};
}

}  // namespace

nlohmann::json jsonFromParticleState(const ParticleState& state) {
    const ParticleLogin& login = state.login;
    nlohmann::json j;
    j["now"] = state.now;
    j["today_utc"] = core::isoFromDate(core::dateFromTimestamp(state.now));  // the day report dates are checked against
    j["login"] = {{"session", nameFromSession(login.session)},
                  {"token_present", !login.token.empty()},
                  {"token_created_here", login.token_created_here},
                  {"remember", login.remember},
                  {"username", login.username},
                  {"token_expires_at", login.token_expires_at ? nlohmann::json(*login.token_expires_at) : nlohmann::json(nullptr)},
                  {"token_expiry", core::nameFromTokenExpiryInfo(login.token_expiry)},
                  {"busy", login.busy},
                  {"needs_otp", login.needs_otp},
                  {"error", jsonFromError(login.error)},
                  {"message", login.message}, {"warning", login.warning}};
    j["orgs"] = jsonFromLoaded(state.orgs, [](const core::Organization& o) {
        return nlohmann::json{{"id", o.id}, {"slug", o.slug}, {"name", o.name}};
    });
    j["scope"] = state.scope.key();
    j["agreements"] = jsonFromLoaded(state.agreements, jsonFromAgreement);
    j["agreement_id"] = state.agreement_id;
    j["notifications"] = jsonFromLoaded(state.notifications, [](const core::UsageNotification& n) {
        return nlohmann::json{{"id", n.id}, {"state", n.state}, {"event_name", n.event_name}, {"created_at", n.created_at}};
    });
    j["form"] = {{"type", core::nameFromReportType(state.form.type)},
                 {"start", state.form.start},
                 {"end", state.form.end},
                 {"devices", state.form.devices},
                 {"products", state.form.products},
                 {"notify_when_ready", state.form.notify_when_ready}};
    j["form_revision"] = state.form_revision;
    j["form_errors"] = {{"start", state.start_error}, {"end", state.end_error}, {"range", state.range_error},
                        {"warning", state.range_warning}};
    j["requesting"] = state.requesting;
    j["request_error"] = jsonFromError(state.request_error);
    j["outstanding"] = state.outstanding;
    nlohmann::json reports = nlohmann::json::array();
    const bool signed_in = login.session == ParticleSession::SignedIn;
    for (const ParticleReport& r : state.reports)
        reports.push_back(jsonFromReport(r, state.now, signed_in, state.waiting_for_network));
    j["reports"] = reports;
    j["waiting_for_network"] = state.waiting_for_network;
    j["reports_message"] = state.reports_message;
    j["forecast"] = jsonFromParticleForecast(state.forecast);
    return j;
}

}  // namespace ud::app
