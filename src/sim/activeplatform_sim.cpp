// The simulated ActivePlatform's API side: routing, CORS, token and subscription
// checks, date validation, faults applied to answers. Control endpoints and the
// JSON views of the records live in activeplatform_sim_control.cpp.
#include "sim/activeplatform_sim.h"

#include <algorithm>
#include <array>

#include <nlohmann/json.hpp>

#include "core/activeplatform/activeplatform_api.h"
#include "core/base/decimal.h"
#include "sim/fake_directives.h"

namespace ud::core {
namespace {

constexpr std::size_t kMaxRecorded = 200;
constexpr int kHangMs = 10 * 60 * 1000;  // longer than any client timeout; the server wakes on stop

struct Manager {
    std::string_view token, reseller;
};
constexpr std::array<Manager, 3> kManagers{{
    {kSimDemoToken, "1001"}, {kSimTestToken, "1001"}, {kSimOtherResellerToken, "2002"}}};

std::string_view firstValue(const std::vector<std::pair<std::string, std::string>>& query, std::string_view key,
                            bool* present = nullptr) {
    for (const auto& [k, v] : query)
        if (k == key) {
            if (present) *present = true;
            return v;
        }
    if (present) *present = false;
    return {};
}

bool isDigits(std::string_view s) {
    return !s.empty() && s.size() <= 18 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string reasonFor(int status) {
    std::string_view phrase = core::reasonPhrase(status);
    return std::string(phrase.empty() ? "Error" : phrase);
}

// Splits "http://host/ap/api?x=1" or "/ap/api?x=1" into path and decoded query.
std::pair<std::string, std::vector<std::pair<std::string, std::string>>> pathAndQuery(std::string_view url) {
    std::size_t scheme = url.find("://");
    if (scheme != std::string_view::npos) {
        std::size_t slash = url.find('/', scheme + 3);
        url = slash == std::string_view::npos ? std::string_view("/") : url.substr(slash);
    }
    std::size_t q = url.find('?');
    std::string path(url.substr(0, q));
    if (q == std::string_view::npos) return {path, {}};
    return {path, pairsFromForm(url.substr(q + 1))};
}

// Either pair as a day range, or the 422 that explains what is wrong (doc 9.4).
struct RangeCheck {
    std::optional<DateRange> range;
    std::optional<HttpResponse> error;
};

RangeCheck checkRange(const std::vector<std::pair<std::string, std::string>>& query, const SimSwitches& sw) {
    bool has_df = false, has_dt = false, has_pf = false, has_pt = false;
    std::string_view df = firstValue(query, "date_from", &has_df), dt = firstValue(query, "date_to", &has_dt);
    std::string_view pf = firstValue(query, "period_from", &has_pf), pt = firstValue(query, "period_to", &has_pt);
    bool dates = has_df || has_dt, periods = has_pf || has_pt;
    auto fail = [](std::string detail, std::string_view parameter) {
        return RangeCheck{std::nullopt, jsonApiErrorResponse(422, detail, parameter)};
    };
    if (!dates && !periods)
        return fail("date_from and date_to, or period_from and period_to, are required", "date_from");
    if (dates && periods && !sw.dates_win_over_periods)
        return fail("send either date_from/date_to or period_from/period_to, not both", "period_from");
    if (dates) {
        if (!has_df) return fail("date_from is required together with date_to", "date_from");
        if (!has_dt) return fail("date_to is required together with date_from", "date_to");
        auto from = dateFromIso(df);
        if (!from) return fail("date_from must be a date in the form YYYY-MM-DD", "date_from");
        auto to = dateFromIso(dt);
        if (!to) return fail("date_to must be a date in the form YYYY-MM-DD", "date_to");
        if (*to < *from) return fail("date_from must not be after date_to", "date_from");
        if (daysBetween(*from, *to) + 1 > sw.max_days)
            return fail("the range must not exceed " + std::to_string(sw.max_days) + " days", "date_to");
        return RangeCheck{DateRange{*from, *to}, std::nullopt};
    }
    if (!has_pf) return fail("period_from is required together with period_to", "period_from");
    if (!has_pt) return fail("period_to is required together with period_from", "period_to");
    auto from = yearMonthFromIso(pf);
    if (!from) return fail("period_from must be a billing period in the form YYYY-MM", "period_from");
    auto to = yearMonthFromIso(pt);
    if (!to) return fail("period_to must be a billing period in the form YYYY-MM", "period_to");
    if (*to < *from) return fail("period_from must not be after period_to", "period_from");
    if ((to->year - from->year) * 12 + (to->month - from->month) + 1 > sw.max_periods)
        return fail("the range must not exceed " + std::to_string(sw.max_periods) + " billing periods", "period_to");
    // A billing period is taken to be its calendar month (doc 5.1 [A]).
    return RangeCheck{DateRange{Date{from->year, from->month, 1}, lastOfMonth(Date{to->year, to->month, 1})},
                      std::nullopt};
}

bool hasMediaType(const HttpRequest& r, std::string_view header) {
    return headerValue(r.headers, header).find(kActivePlatformMediaType) != std::string_view::npos;
}

// Body faults: the answer is the real one, damaged the way the fault says.
void damageBody(SimFaultKind kind, HttpResponse& r) {
    if (kind == SimFaultKind::TruncatedJson) r.body.resize(r.body.size() / 2);
    if (kind == SimFaultKind::InvalidJson) r.body = R"({"subscription":{"id":"70112","items":[{"total":"1.0",,}]}})";
    if (kind == SimFaultKind::WrongContentType)
        for (auto& [k, v] : r.headers)
            if (k == "Content-Type") v = "text/plain; charset=utf-8";
}

}  // namespace

HttpResponse jsonApiErrorResponse(int status, std::string_view detail, std::string_view parameter) {
    nlohmann::json error = {{"status", std::to_string(status)}, {"title", reasonFor(status)},
                            {"detail", std::string(detail)}};
    if (!parameter.empty()) error["source"] = {{"parameter", std::string(parameter)}};
    nlohmann::json doc = {{"errors", nlohmann::json::array({error})}};
    HttpResponse r;
    r.status = status;
    r.headers = {{"Content-Type", std::string(kActivePlatformMediaType)}};
    // replace: a client may send invalid UTF-8 in a parameter we echo; dump must not throw.
    r.body = doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return r;
}

ActivePlatformSim::ActivePlatformSim(SimPreset preset, std::string prefix)
    : initial_preset_(preset), preset_(preset), prefix_(std::move(prefix)) {
    while (!prefix_.empty() && prefix_.back() == '/') prefix_.pop_back();
    if (!prefix_.empty() && prefix_.front() != '/') prefix_.insert(prefix_.begin(), '/');
}

void ActivePlatformSim::reset() {
    preset_ = initial_preset_;
    switches_ = SimSwitches{};
    fault_ = SimFault{};
    requests_.clear();
    counts_ = SimCounts{};
}

AnalyticsGeneratorOptions ActivePlatformSim::generatorOptionsFor(std::string_view subscription_id) const {
    AnalyticsGeneratorOptions o;
    bool eur = subscription_id == kSimEurSubscription;
    o.seed = eur ? 70112 : subscription_id == kSimUsdSubscription ? 70113 : 80001;
    o.currencies = {eur ? "EUR" : "USD"};
    o.tax_percent = eur ? 20 : 0;
    o.integer_id = switches_.integer_id;
    o.lines_per_day = 10;
    if (eur && preset_ == SimPreset::Large) o.lines_per_day = 300;
    if (eur && preset_ == SimPreset::Empty) o.lines_per_day = 0;
    if (eur && preset_ == SimPreset::MixedCurrency) o.currencies = {"EUR", "USD"};
    if (preset_ == SimPreset::Demo) {
        o.lines_per_day = eur ? 40 : 15;
        o.demo_shape = true;
    }
    return o;
}

std::optional<SimFault> ActivePlatformSim::takeFault() {
    if (fault_.kind == SimFaultKind::None || fault_.remaining == 0) return std::nullopt;
    SimFault f = fault_;
    if (fault_.remaining > 0 && --fault_.remaining == 0) fault_ = SimFault{};
    ++counts_.faults_applied;
    return f;
}

void ActivePlatformSim::addCors(const HttpRequest& request, HttpResponse& response, bool always) const {
    if (!switches_.cors && !always) return;
    std::string origin = switches_.cors_origin;
    if (origin == "*") {
        std::string_view sent = headerValue(request.headers, "Origin");
        origin = sent.empty() ? "*" : std::string(sent);
    }
    response.headers.emplace_back("Access-Control-Allow-Origin", origin);
    response.headers.emplace_back("Vary", "Origin");
    // The page reads Retry-After on a 429; cross-origin it must be exposed.
    response.headers.emplace_back("Access-Control-Expose-Headers", "Retry-After, Content-Type");
}

HttpResponse ActivePlatformSim::preflight(const HttpRequest& request) const {
    HttpResponse r;
    if (!switches_.cors) {
        r.status = 405;  // like an API that knows nothing of CORS: the browser blocks the call
        return r;
    }
    r.status = 204;
    addCors(request, r, false);
    r.headers.emplace_back("Access-Control-Allow-Methods", "GET, OPTIONS");
    r.headers.emplace_back("Access-Control-Allow-Headers", "X-Api-Token, Content-Type, Accept");
    r.headers.emplace_back("Access-Control-Max-Age", "600");
    return r;
}

HttpResponse ActivePlatformSim::handle(const HttpRequest& request, Timestamp now) {
    auto [path, query] = pathAndQuery(request.url);
    std::string_view rest = path;
    if (!prefix_.empty() && rest.substr(0, prefix_.size()) == prefix_ &&
        (rest.size() == prefix_.size() || rest[prefix_.size()] == '/'))
        rest.remove_prefix(prefix_.size());
    if (rest.substr(0, 8) == "/__fake/") return handleControl(request, rest, query, now);

    RecordedRequest rec;
    rec.method = request.method;
    rec.path = path;
    rec.query = query;
    for (const auto& h : request.headers) rec.header_names.push_back(h.first);
    rec.token_present = !headerValue(request.headers, "X-Api-Token").empty();

    HttpResponse answer;
    if (request.method == "OPTIONS") {
        ++counts_.preflights;
        answer = preflight(request);
    } else {
        ++counts_.api_requests;
        bool under_prefix = prefix_.empty() || rest.size() != path.size();
        answer = under_prefix ? handleApi(request, rest, query, now)
                              : jsonApiErrorResponse(404, "no route for " + std::string(path));
        addCors(request, answer, false);
        if (switches_.latency_ms > 0 && fakeDelayMs(answer) == 0)
            answer.headers.emplace_back(std::string(kFakeDelayHeader), std::to_string(switches_.latency_ms));
    }
    rec.status = answer.status;
    requests_.push_back(std::move(rec));
    if (requests_.size() > kMaxRecorded) requests_.pop_front();
    return answer;
}

HttpResponse ActivePlatformSim::handleApi(const HttpRequest& request, std::string_view path,
                                          const std::vector<std::pair<std::string, std::string>>& query,
                                          Timestamp now) {
    if (!hasMediaType(request, "Accept")) ++counts_.missing_accept;
    if (!hasMediaType(request, "Content-Type")) ++counts_.missing_content_type;
    if (headerValue(request.headers, "X-Api-Token").empty()) ++counts_.missing_token;
    if (path != kAnalyticsDailyPath) return jsonApiErrorResponse(404, "no route for " + std::string(path));
    ++counts_.analytics_daily;
    if (request.method != "GET") return jsonApiErrorResponse(405, "only GET is supported");

    std::optional<SimFault> fault = takeFault();
    SimFaultKind kind = fault ? fault->kind : SimFaultKind::None;
    switch (kind) {
        case SimFaultKind::FixedStatus: {
            int status = fault->status ? fault->status : 500;
            HttpResponse r = jsonApiErrorResponse(status, "simulated failure (" + std::to_string(status) + ")");
            if (fault->retry_after_s >= 0) r.headers.emplace_back("Retry-After", std::to_string(fault->retry_after_s));
            return r;
        }
        case SimFaultKind::HtmlError: {
            HttpResponse r;
            r.status = fault->status ? fault->status : 502;
            r.headers = {{"Content-Type", "text/html"}};
            r.body = "<html><head><title>" + std::to_string(r.status) + " " + reasonFor(r.status) +
                     "</title></head><body><center><h1>" + std::to_string(r.status) + " " +
                     reasonFor(r.status) + "</h1></center><hr><center>nginx</center></body></html>";
            return r;
        }
        case SimFaultKind::EmptyBody: {
            HttpResponse r;
            r.status = fault->status ? fault->status : 200;
            r.headers = {{"Content-Type", std::string(kActivePlatformMediaType)}};
            return r;
        }
        // The native fake server can only cut an answer after its headers; both
        // drops therefore look the same to a client: no usable answer (status 0).
        case SimFaultKind::DropBeforeHeaders:
        case SimFaultKind::DropMidBody: return droppedConnectionResponse();
        case SimFaultKind::HugeBody: {
            HttpResponse r;
            r.status = 200;
            r.headers = {{"Content-Type", std::string(kActivePlatformMediaType)}};
            r.body = hugeJsonBody(fault->bytes);
            return r;
        }
        default: break;
    }

    HttpResponse r = handleAnalytics(request, query, now, kind);
    if (kind == SimFaultKind::Latency)
        r.headers.emplace_back(std::string(kFakeDelayHeader), std::to_string(fault->delay_ms));
    if (kind == SimFaultKind::Hang) r.headers.emplace_back(std::string(kFakeDelayHeader), std::to_string(kHangMs));
    if (isSuccess(r)) damageBody(kind, r);
    return r;
}

HttpResponse ActivePlatformSim::handleAnalytics(const HttpRequest& request,
                                                const std::vector<std::pair<std::string, std::string>>& query,
                                                Timestamp now, SimFaultKind fault) {
    std::string_view token = headerValue(request.headers, "X-Api-Token");
    if (token.empty()) return jsonApiErrorResponse(401, "the X-Api-Token header is missing");
    auto manager = std::find_if(kManagers.begin(), kManagers.end(), [&](const Manager& m) { return m.token == token; });
    if (manager == kManagers.end())
        return jsonApiErrorResponse(switches_.unknown_token_forbidden ? 403 : 401, "the API token is not valid");

    static constexpr std::array<Subscription, 4> kSubscriptions{{{kSimEurSubscription, "1001", true},
                                                                 {kSimUsdSubscription, "1001", true},
                                                                 {kSimPrepaidSubscription, "1001", false},
                                                                 {kSimOtherSubscription, "2002", true}}};
    bool has_id = false;
    std::string_view id = firstValue(query, "subscription_id", &has_id);
    if (!has_id || id.empty()) return jsonApiErrorResponse(422, "subscription_id is required", "subscription_id");
    if (!isDigits(id)) return jsonApiErrorResponse(422, "subscription_id must be a number", "subscription_id");
    auto sub = std::find_if(kSubscriptions.begin(), kSubscriptions.end(), [&](const Subscription& s) { return s.id == id; });
    if (sub == kSubscriptions.end())
        return jsonApiErrorResponse(404, "subscription " + std::string(id) + " was not found", "subscription_id");
    if (sub->reseller != manager->reseller)
        return jsonApiErrorResponse(switches_.foreign_subscription_forbidden ? 403 : 404,
                                    "subscription " + std::string(id) + " was not found", "subscription_id");

    RangeCheck range = checkRange(query, switches_);
    if (range.error) return *range.error;

    AnalyticsGeneratorOptions options = generatorOptionsFor(id);
    if (!sub->pay_as_you_go) {
        if (!switches_.non_payg_empty_items)
            return jsonApiErrorResponse(422, "subscription " + std::string(id) + " is not pay-as-you-go",
                                        "subscription_id");
        options.lines_per_day = 0;
    }
    options.amounts_as_numbers = fault == SimFaultKind::NumbersNotStrings;
    options.items_missing = fault == SimFaultKind::ItemsMissing;
    options.unknown_extras = fault == SimFaultKind::UnknownExtras;
    HttpResponse r;
    r.status = 200;
    r.headers = {{"Content-Type", switches_.plain_json_content_type ? "application/json"
                                                                    : std::string(kActivePlatformMediaType)}};
    r.body = analyticsBodyFromGenerator(std::string(id), *range.range, dateFromTimestamp(now), options);
    return r;
}

// The totals a client should get for the same query, from the generator's
// lines (no JSON in between). Token and subscription checks are left out.
HttpResponse ActivePlatformSim::expectedTotals(const std::vector<std::pair<std::string, std::string>>& query,
                                               Timestamp now) const {
    RangeCheck range = checkRange(query, switches_);
    if (range.error) return *range.error;
    const std::string id(firstValue(query, "subscription_id", nullptr));
    auto decimalText = [](std::int64_t micros) { return Decimal::fromUnits(static_cast<Int128>(micros) * 1000).toString(); };
    std::string body = "{\"subscription_id\":\"" + id + "\",\"currencies\":[";
    bool first = true;
    for (const auto& t : analyticsTotalsFromGenerator(*range.range, dateFromTimestamp(now), generatorOptionsFor(id))) {
        body += std::string(first ? "" : ",") + "{\"currency\":\"" + t.currency + "\",\"lines\":" + std::to_string(t.lines) +
                ",\"total\":\"" + decimalText(t.total_micros) + "\",\"taxes_total\":\"" + decimalText(t.taxes_micros) +
                "\",\"discount_amount\":\"" + decimalText(t.discount_micros) + "\"}";
        first = false;
    }
    HttpResponse r;
    r.status = 200;
    r.headers = {{"Content-Type", "application/json"}};
    r.body = body + "]}";
    return r;
}

}  // namespace ud::core
