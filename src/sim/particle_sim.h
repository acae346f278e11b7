// A simulated Particle Cloud: a deterministic, in-memory implementation of the
// contract in shared/docs/particle-api.md ("What a faithful fake server must
// do"). Pure: `handle(request, now)` answers one request; time only comes in as
// `now`, plus an offset the tests can advance. Used three ways: unit tests call
// handle() directly, tools/fake-particle serves it over HTTP on 127.0.0.1, and
// the page's demo mode answers from it through SimulatedTransport.
//
// [SECTION] index of the implementation files:
//   particle_sim.cpp          dispatch, CORS, faults, recording, auth, account routes
//   particle_sim_reports.cpp  service agreements, usage reports, notifications, downloads
//   particle_sim_csv.cpp      report CSV bodies generated from the seed
//   particle_sim_control.cpp  /__fake/ control endpoints and the fixtures (test, demo)
//   particle_sim_tokens.cpp   /oauth/token: password and MFA grants, lockout
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/date.h"
#include "core/base/http.h"
#include "core/particle/particle_models.h"

namespace ud::core {

enum class ParticleFaultKind {
    Unauthorized,      // 401 invalid_token (a token revoked mid-session)
    Forbidden,         // 403 classic body
    NotFound,          // 404 classic body
    RateLimited,       // 429 rate_limit_exceeded + Retry-After
    ServerError,       // 500 JSON
    Unavailable,       // 503 HTML page
    Slow,              // the normal answer after delay_ms of real time
    Drop,              // connection dropped (core/fake_directives.h)
    MalformedJson,     // 200 with a truncated JSON body
    WrongContentType,  // 200 text/html captive-portal page
    EmptyBody,         // 200 with no body
    WrongTypes,        // the normal answer with every string a number and every number a string
    HugeBody,          // 200 with a JSON body of `bytes` bytes (a client's answer cap)
};
const char* nameFromParticleFaultKind(ParticleFaultKind kind);  // "unauthorized", "rate_limit", ...
std::optional<ParticleFaultKind> particleFaultKindFromName(std::string_view name);

struct ParticleFault {
    std::string route = "*";  // a route name (see routeName), "*" = every API route
    ParticleFaultKind kind = ParticleFaultKind::ServerError;
    int count = -1;           // how many requests it hits; -1 = until cleared
    int retry_after_s = 30;   // RateLimited: Retry-After value; < 0 = no header
    int delay_ms = 5000;      // Slow
    std::size_t bytes = 300u << 20;  // HugeBody: the body's size
};

struct ParticleSimProduct {
    std::string id;
    std::string name;
    int devices = 3;
};

struct ParticleSimAgreement {
    std::string id;
    std::string name = "Free plan";
    std::string agreement_type = "developer";
    int billing_day = 4;  // billing periods start on this day of the month (1..28)
    long long max_messages = 100000;
    long long max_devices = 100;
    int usage_percent = 83;  // drives the usage summary and the 70/90/100 % notifications
    std::vector<ParticleSimProduct> products;
    // Demo: usage follows the daily model in particle_sim_usage.cpp instead of
    // usage_percent, so the counter, the notifications and the report CSVs agree.
    bool usage_from_model = false;
};

struct ParticleSimOrg {
    std::string id;
    std::string slug;
    std::string name;
    ParticleSimAgreement agreement;
};

struct ParticleSimAccount {
    std::string email;
    std::string password;
    bool mfa = false;  // password grant answers 403 mfa_required
    bool sso = false;  // password grant answers 403 sso_user
    std::vector<std::string> org_ids;
    ParticleSimAgreement sandbox;
};

struct ParticleSimConfig {
    std::string download_base = "https://storage.usagedesk.test";  // the second origin for CSVs
    std::string otp = "123456";  // the one code the MFA step accepts
    int ready_after_reads = 2;     // status reads that still see "pending"; the next sees "available"
    int ready_after_seconds = -1;  // >= 0: available this long after creation instead (reads ignored)
    std::uint64_t seed = 42;       // tokens, download paths and CSV numbers
    int lockout_after_failures = 10;
    int lockout_seconds = 1800;
    // Switches for the documented uncertain variants:
    bool wrong_otp_400 = false;       // wrong code: 400 invalid_grant instead of 401 invalid_token
    bool missing_token_401 = false;   // no token: 401 instead of 400 invalid_request
    bool limit_as_422 = false;        // 4th report: 422 JSON:API errors[] instead of 429
    bool status_key = false;          // report state under "status" instead of "state"
    bool processing_state = false;    // "processing" between pending and available
    bool fail_reports = false;        // reports end "failed" instead of "available"
    bool reject_old_device_reports = false;  // devices reports starting > 6 months back: 400
    bool numeric_ids = false;         // agreement ids as JSON numbers
    bool download_cors = false;       // CORS headers on the download origin
    bool csv_variant = false;         // Title Case headers, BOM, CRLF, quoted commas
    std::vector<ParticleSimAccount> accounts;
    std::vector<ParticleSimOrg> orgs;
};

// Fixtures. Test: user@example.com/secret (2 orgs), mfa@example.com/secret
// (MFA, 1 org), solo@example.com/secret (no org), sso@example.com (SSO).
ParticleSimConfig testParticleSimConfig();
// Demo mode: demo@usagedesk.test/demo and mfa@usagedesk.test/demo (code
// 123456), 2 organizations, reports ready after 12 s (so the first check,
// 15 s after the request, finds them ready).
inline constexpr const char* kDemoParticleEmail = "demo@usagedesk.test";
inline constexpr const char* kDemoParticlePassword = "demo";
ParticleSimConfig demoParticleSimConfig();

// What the test hook records per request: never a token value.
struct ParticleSimRequest {
    std::string method;
    std::string path;   // path and query as sent (a token there is a leak the tests look for)
    std::string route;  // routeName
    std::vector<std::string> header_names;
    bool has_authorization = false;
    std::string content_type;
};

class ParticleSim {
public:
    explicit ParticleSim(ParticleSimConfig config = testParticleSimConfig());

    HttpResponse handle(const HttpRequest& request, Timestamp now);

    // Test hooks (also reachable over HTTP under /__fake/).
    void reset();  // forget tokens, reports, faults, counts, clock offset
    void advanceSeconds(std::int64_t seconds) { offset_ms_ += seconds * 1000; }
    Timestamp simNow(Timestamp now) const { return now + offset_ms_; }
    void addFault(ParticleFault fault) { faults_.push_back(std::move(fault)); }
    void clearFaults() { faults_.clear(); }
    int count(std::string_view route) const;
    const std::map<std::string, int, std::less<>>& counts() const { return counts_; }
    const std::vector<ParticleSimRequest>& recorded() const { return recorded_; }
    bool revokeToken(std::string_view token);
    int revokeAllTokens();
    // The exact CSV bytes the download URL of report `id` serves ("" if unknown).
    std::string reportCsv(std::string_view id) const;
    // Issues a token directly (tests that skip the login). expires_in 0 = never.
    std::string issueToken(std::string_view email, std::int64_t expires_in_s, Timestamp now);
    ParticleSimConfig& config() { return config_; }
    // Where download URLs point; kept across reset() (a server learns its port late).
    void setDownloadBase(std::string base) {
        config_.download_base = base;
        initial_config_.download_base = std::move(base);
    }

    // "token", "user", "token_info", "revoke", "orgs", "agreements",
    // "create_report", "report_status", "notifications", "download",
    // "preflight", "control", "unknown".
    static std::string routeName(std::string_view method, std::string_view path);

private:
    struct Token {
        std::string email;
        std::optional<Timestamp> expires_at;
    };
    struct MfaChallenge {
        std::string email;
        std::optional<std::int64_t> expires_in_s;
        Timestamp created = 0;
        int attempts = 0;
    };
    struct Report {
        std::string id;
        std::string owner;      // account email
        std::string scope_key;  // Scope::key() of the creating route
        std::string agreement_id;
        ReportType type = ReportType::Devices;
        DateRange range;
        Timestamp created = 0;
        int reads = 0;
        std::optional<Timestamp> ready_at;
        std::string download_path;  // "/reports/<random>/usage_report_<id>.csv"
    };
    struct Route {  // a parsed request
        std::string method;
        std::string path;    // without query
        std::string query;   // after '?', may be empty
        std::string target;  // path + query, as sent
        std::vector<std::string> segments;
        std::string name;               // routeName
        std::optional<Scope> scope;     // for /v1/user/... and /v1/orgs/:org/...
        std::vector<std::string> rest;  // segments after the scope
    };

    // particle_sim.cpp
    HttpResponse dispatch(const HttpRequest& request, const Route& route, Timestamp now);
    std::optional<ParticleFault> applyFault(const Route& route);
    HttpResponse handleToken(const HttpRequest& request, Timestamp now);
    HttpResponse issueTokenResponse(const std::string& email, std::optional<std::int64_t> expires_in_s, Timestamp now);
    HttpResponse tokenFailure(int status, std::string error, std::string description);
    std::optional<HttpResponse> authenticate(const HttpRequest& request, const Route& route, Timestamp now,
                                             std::string& email);
    HttpResponse handleAccount(const Route& route, const std::string& email, const HttpRequest& request);
    const ParticleSimAccount* account(std::string_view email) const;
    std::string randomHex(std::size_t chars);
    // particle_sim_reports.cpp
    HttpResponse handleScoped(const HttpRequest& request, const Route& route, const std::string& email, Timestamp now);
    // scope_key: "sandbox:<email>" or "org:<org id>" (canonical, whatever the URL used).
    HttpResponse createReport(const HttpRequest& request, const std::string& scope_key, const std::string& email,
                              const ParticleSimAgreement& agreement, Timestamp now);
    HttpResponse reportStatus(const Route& route, const std::string& scope_key, Timestamp now);
    HttpResponse handleDownload(const HttpRequest& request, const Route& route, Timestamp now);
    void refreshReport(Report& report, Timestamp now, bool is_read);
    std::string reportStateName(const Report& report, Timestamp now) const;
    std::string reportJson(const Report& report, Timestamp now) const;
    int outstandingFor(const std::string& email, Timestamp now);
    const ParticleSimAgreement* agreementForScope(const std::string& scope_key) const;
    // particle_sim_control.cpp
    HttpResponse handleControl(const HttpRequest& request, const Route& route, Timestamp now);

    ParticleSimConfig config_;
    ParticleSimConfig initial_config_;
    Timestamp offset_ms_ = 0;
    std::uint64_t rng_ = 0;
    std::map<std::string, Token, std::less<>> tokens_;
    std::map<std::string, MfaChallenge, std::less<>> mfa_;
    std::map<std::string, Report, std::less<>> reports_;
    std::vector<ParticleFault> faults_;
    std::map<std::string, int, std::less<>> counts_;
    std::vector<ParticleSimRequest> recorded_;
    int failed_token_attempts_ = 0;
    Timestamp lockout_until_ = 0;
    int next_report_id_ = 8804;
};

// Shared pieces of the simulator's implementation files.
namespace particle_sim_detail {
HttpResponse jsonResponse(int status, const std::string& body);
std::string oauthError(const std::string& error, const std::string& description);  // OAuth-style body
std::string rubyFromTimestamp(Timestamp ts);  // "2026-06-01 08:42:10 +0000"
DateRange billingPeriod(const ParticleSimAgreement& agreement, Date today);
std::uint64_t mix(std::uint64_t a, std::uint64_t b);  // deterministic hash step (splitmix64)
// `today`: the report's creation day; model agreements stop there (today half done).
std::string reportCsvText(const ParticleSimAgreement& agreement, const std::string& scope_key, ReportType type,
                          const DateRange& range, std::uint64_t seed, bool variant, Date today);

// The usage model of `usage_from_model` agreements (particle_sim_usage.cpp):
//   - the period holding `today` uses max_messages / (today's day + 3) a day
//     (at most the period's length), so at that rate it runs out about three days
//     after today, before the period's end on any day but its last few; at
//     100 % the account is paused (no more data operations that period);
//   - earlier periods use 75 % of max_messages over the whole period;
//   - each device gets its share of the day, +-20 %; device 2 is gone this
//     period, the last device is new this period (absent before);
//   - device 3 uses 8x its share 3 days before today (a visible spike);
//   - today counts half of its day (the counter includes the day so far).
// Data operations of each device on `day` (0 for days after today).
std::vector<long long> modelDeviceOps(const ParticleSimAgreement& agreement, std::size_t devices, Date day, Date today,
                                      std::uint64_t seed);
// The agreement counter: data operations from the period's first day through today.
long long modelUsageSoFar(const ParticleSimAgreement& agreement, Date today, std::uint64_t seed);
// The first day on which the period's running total reaches `percent` of the plan, if it did by today.
std::optional<Date> modelDayReaching(const ParticleSimAgreement& agreement, int percent, Date today, std::uint64_t seed);
std::size_t deviceCount(const ParticleSimAgreement& agreement);
// Whether device `index` had no place in the fleet on `day` (gone or not yet added): no rows at all.
bool modelDeviceAbsent(const ParticleSimAgreement& agreement, std::size_t devices, std::size_t index, Date day,
                       Date today);
}  // namespace particle_sim_detail

}  // namespace ud::core
