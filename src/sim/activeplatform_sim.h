// A simulated ActivePlatform installation (doc section 9): the daily analytics
// endpoint with token check, subscription lookup, date validation, JSON:API
// errors and the documented content type; CORS; fault switches; recording of
// what clients sent (never token values); and fake-only control endpoints
// under /__fake/. Deterministic: the same preset, request and day give the same
// bytes. Served natively by tools/fake-activeplatform and used in the page's
// demo mode through SimulatedTransport (handle() is the handler both take).
//
// Control endpoints (POST or GET; parameters in the query string):
//   /__fake/reset                       preset, switches, faults and records back to the start
//   /__fake/preset?name=small|large|empty|mixed|demo
//   /__fake/fault?kind=<kind>&count=N&status=S&retry_after=S&delay_ms=MS
//       kinds: status, latency, hang, drop_before_headers, drop_mid_body, truncated_json,
//       invalid_json, numbers, items_missing, unknown_extras, html_error, empty_body,
//       wrong_content_type, none. count -1 = every request until reset.
//   /__fake/config?unknown_token=401|403&foreign_subscription=404|403&non_payg=422|empty
//       &both_pairs=422|dates&max_days=N&max_periods=N&content_type=jsonapi|json
//       &id=string|integer&cors=on|off&cors_origin=<origin>|*&latency_ms=N
//   /__fake/expected_totals?subscription_id=&date_from=&date_to= (or period_from/period_to)
//                                       per-currency totals summed from the generated lines
//   /__fake/requests                    recorded requests as JSON (newest last)
//   /__fake/counts                      counters as JSON
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/activeplatform_generator.h"
#include "core/base/date.h"
#include "core/base/http.h"

namespace ud::core {

// Tokens and subscriptions every preset knows (doc 9.2, 9.3).
inline constexpr std::string_view kSimDemoToken = "demo-manager-token";        // reseller 1001
inline constexpr std::string_view kSimTestToken = "test-manager-token";        // reseller 1001
inline constexpr std::string_view kSimOtherResellerToken = "other-reseller-token";  // reseller 2002
inline constexpr std::string_view kSimEurSubscription = "70112";     // 1001, pay-as-you-go, EUR
inline constexpr std::string_view kSimUsdSubscription = "70113";     // 1001, pay-as-you-go, USD
inline constexpr std::string_view kSimPrepaidSubscription = "70114";  // 1001, not pay-as-you-go
inline constexpr std::string_view kSimOtherSubscription = "80001";   // 2002, pay-as-you-go, USD

enum class SimPreset {
    Small,          // ~10 lines a day on 70112 (a few hundred a month)
    Large,          // 300 lines a day on 70112: a year is over 100k lines, ~60 MB
    Empty,          // 70112 has no consumption
    MixedCurrency,  // 70112 lines alternate EUR and USD
    Demo,           // 40 lines a day in EUR on 70112, 15 in USD on 70113
};
std::optional<SimPreset> simPresetFromName(std::string_view name);  // "small", "large", ...
const char* nameFromSimPreset(SimPreset preset);

// Persistent behaviour switches for the doc's [A] guesses (doc 9.2-9.9).
struct SimSwitches {
    bool unknown_token_forbidden = false;       // unknown token: 403 instead of 401
    bool foreign_subscription_forbidden = false;  // another reseller's subscription: 403 instead of 404
    bool non_payg_empty_items = false;          // not pay-as-you-go: 200 with empty items instead of 422
    bool dates_win_over_periods = false;        // both pairs sent: dates used instead of 422
    int max_days = 366;                         // longest date range
    int max_periods = 12;                       // longest billing-period range
    bool plain_json_content_type = false;       // answer application/json instead of vnd.api+json
    bool integer_id = false;                    // "id": 70112 instead of "70112"
    bool cors = true;                           // off reproduces the real API (no CORS headers)
    std::string cors_origin = "*";              // "*" echoes the request's Origin
    int latency_ms = 0;                         // added to every API answer (real ms, native server)
};

enum class SimFaultKind {
    None, FixedStatus, Latency, Hang, DropBeforeHeaders, DropMidBody, TruncatedJson, InvalidJson,
    NumbersNotStrings, ItemsMissing, UnknownExtras, HtmlError, EmptyBody, WrongContentType, HugeBody,
};
std::optional<SimFaultKind> simFaultKindFromName(std::string_view name);

// A fault for the next `remaining` API requests (-1 = until reset).
struct SimFault {
    SimFaultKind kind = SimFaultKind::None;
    int status = 0;          // Status / HtmlError / EmptyBody: the HTTP status to send
    int retry_after_s = -1;  // Status 429/503: Retry-After
    int delay_ms = 0;        // Latency
    int remaining = 1;
    std::size_t bytes = 300u << 20;  // HugeBody: a 200 JSON body this large (a client's answer cap)
};

struct RecordedRequest {
    std::string method;
    std::string path;                                        // without the query
    std::vector<std::pair<std::string, std::string>> query;  // decoded
    std::vector<std::string> header_names;                   // names only, never values
    bool token_present = false;
    int status = 0;  // what the simulator answered (0 = dropped)
};

struct SimCounts {
    int api_requests = 0;          // everything except /__fake/ and OPTIONS
    int analytics_daily = 0;
    int preflights = 0;            // OPTIONS
    int missing_accept = 0;        // API requests without Accept: application/vnd.api+json
    int missing_content_type = 0;  // ... without Content-Type: application/vnd.api+json
    int missing_token = 0;
    int faults_applied = 0;
};

class ActivePlatformSim {
public:
    // `prefix` mimics a reverse proxy path ("/ap"); "" serves at the root.
    explicit ActivePlatformSim(SimPreset preset = SimPreset::Small, std::string prefix = "");

    HttpResponse handle(const HttpRequest& request, Timestamp now);

    void reset();
    void setPreset(SimPreset preset) { preset_ = preset; }
    SimPreset preset() const { return preset_; }
    void setFault(SimFault fault) { fault_ = fault; }
    SimSwitches& switches() { return switches_; }
    const std::deque<RecordedRequest>& requests() const { return requests_; }
    const SimCounts& counts() const { return counts_; }

    // The generator settings for a subscription under the current preset (bench, tests).
    AnalyticsGeneratorOptions generatorOptionsFor(std::string_view subscription_id) const;

private:
    struct Subscription {
        std::string_view id, reseller;
        bool pay_as_you_go;
    };
    HttpResponse handleApi(const HttpRequest& request, std::string_view path,
                           const std::vector<std::pair<std::string, std::string>>& query, Timestamp now);
    HttpResponse handleAnalytics(const HttpRequest& request,
                                 const std::vector<std::pair<std::string, std::string>>& query, Timestamp now,
                                 SimFaultKind fault);
    HttpResponse handleControl(const HttpRequest& request, std::string_view path,
                               const std::vector<std::pair<std::string, std::string>>& query, Timestamp now);
    HttpResponse expectedTotals(const std::vector<std::pair<std::string, std::string>>& query, Timestamp now) const;
    HttpResponse applyConfig(const std::vector<std::pair<std::string, std::string>>& query);
    HttpResponse applyFault(const std::vector<std::pair<std::string, std::string>>& query);
    std::string requestsJson() const;
    std::string countsJson() const;
    void addCors(const HttpRequest& request, HttpResponse& response, bool always) const;
    HttpResponse preflight(const HttpRequest& request) const;
    std::optional<SimFault> takeFault();

    SimPreset initial_preset_;
    SimPreset preset_;
    std::string prefix_;
    SimSwitches switches_;
    SimFault fault_;
    std::deque<RecordedRequest> requests_;
    SimCounts counts_;
};

// A JSON:API error document: {"errors":[{"status":"422","title":..,"detail":..,"source":{"parameter":..}}]}.
HttpResponse jsonApiErrorResponse(int status, std::string_view detail, std::string_view parameter = {});

}  // namespace ud::core
