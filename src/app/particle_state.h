// Particle Cloud: login, scope, agreements, report requests and their polling (issue 5).
// State owned by the App, changed only by ParticleController, read by the UI.
// Secrets (the token, the MFA challenge, download URLs) live here in memory
// only; state JSON reports them as present/absent, storage never sees them
// unless the user ticked "remember" (the token, nothing else).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/particle/particle_forecast.h"
#include "core/particle/particle_models.h"
#include "core/particle/particle_report_poller.h"
#include "core/particle/particle_token_text.h"
#include "core/base/result.h"
#include "core/table/chart_series.h"
#include "core/table/daily_rates.h"

namespace ud::app {

// Storage keys. The token key is written only with "remember"; the reports key
// holds ReportRecords (no token, no download URL).
inline constexpr const char* kParticleTokenKey = "usagedesk.particle.token";
inline constexpr const char* kParticleReportsKey = "usagedesk.particle.reports";

enum class ParticleSession { SignedOut, Checking, SignedIn };

struct ParticleLogin {
    ParticleSession session = ParticleSession::SignedOut;
    std::string token;               // secret, memory only
    bool token_created_here = false; // "Log out" revokes it
    bool remember = false;
    std::string username;
    std::optional<core::Timestamp> token_expires_at;  // empty = never, when token_expiry is Known
    core::TokenExpiryInfo token_expiry = core::TokenExpiryInfo::Checking;
    bool busy = false;               // a token step or the check is in flight
    bool needs_otp = false;          // the password grant asked for the 6-digit code
    std::string mfa_token;           // secret, memory only, for the code step
    std::optional<std::int64_t> requested_lifetime_s;  // carried from password to code step
    std::optional<core::Error> error;  // the last login step failed
    std::string message;             // "Logged out; the token was revoked.", "Session expired..."
    std::string warning;             // a remembered sign-in not used, and why (drawn as a warning, not as news)
};

// One loadable list (orgs, agreements, notifications): the last good data stays
// when a reload fails.
template <typename T>
struct Loaded {
    std::vector<T> items;
    bool loading = false;
    bool loaded = false;
    std::optional<core::Error> error;
};

// The request form as typed; the controller re-checks it on every edit.
struct ReportForm {
    core::ReportType type = core::ReportType::Devices;
    std::string start;    // YYYY-MM-DD
    std::string end;      // YYYY-MM-DD, inclusive
    std::string devices;  // optional filter: device IDs, comma separated (the API takes no names)
    std::string products; // optional filter: product ids, comma separated
    bool notify_when_ready = false;  // "notify me": a system notification when the report is ready
};

// A report of the list, with what the panel shows about it.
struct ParticleReport {
    core::ReportPoll poll;         // record + in-memory download URL
    bool downloading = false;      // "Download CSV" / "Open in viewer" in flight
    std::string message;           // last download outcome
    std::optional<core::Error> download_error;
    std::optional<core::Error> again_error;  // "Request again" was refused (e.g. 3 already being prepared)
    std::uint64_t local_id = 0;    // names it before the server gives an id
    bool notify = false;           // ReportForm::notify_when_ready when requested (memory only)
};

// A report's daily data operations, kept for the forecast (issue 14): the last
// CSV of a scope that was downloaded or opened in the viewer.
struct ParticleReportDaily {
    std::string scope_key;
    std::string file_name;
    core::DailyValues daily;  // over the report's range; days without rows are 0
};

// Where the billing period is heading (core/particle/particle_forecast.h), for
// the chosen agreement; recomputed when the agreement, the report data or the day changes.
struct ParticleForecastState {
    bool shown = false;  // an agreement is chosen
    core::ParticleForecast forecast;
    std::optional<core::Decimal> projected_fraction;  // primary projection / included, for the bar's marker
    std::string report_file;  // the report whose daily data the rates use ("" = counter only)
    std::optional<core::StackedSeries> chart;  // the report's days and the projection to the period's end
    std::string inputs;  // what it was computed from (recompute only on change)
};

struct ParticleState {
    core::Timestamp now = 0;       // the clock at the last tick, for countdowns
    ParticleLogin login;
    Loaded<core::Organization> orgs;
    core::Scope scope;             // sandbox until the user picks an organization
    Loaded<core::ServiceAgreement> agreements;
    std::string agreement_id;      // the chosen agreement of the scope
    Loaded<core::UsageNotification> notifications;

    ReportForm form;
    std::size_t form_revision = 0; // bumped when the controller rewrites the form (defaults, presets)
    std::string start_error, end_error, range_error, range_warning;  // inline, next to the fields
    bool show_field_errors = false;  // after the first "Request report"
    bool requesting = false;       // the POST is in flight
    std::optional<core::Error> request_error;
    int outstanding = 0;           // reports being prepared in this scope (of kMaxOutstandingReports)

    std::vector<ParticleReport> reports;  // every scope, newest first; the panel shows this scope's
    std::string reports_message;   // e.g. restored records that could not be read
    // Offline outside the demo: the automatic status checks wait (the list says
    // so and the page does not wake for them) and go on when the network is back.
    bool waiting_for_network = false;

    std::optional<ParticleReportDaily> report_daily;  // memory only
    ParticleForecastState forecast;
};

}  // namespace ud::app
