// The simulated ActivePlatform's fake-only control endpoints (/__fake/...):
// reset, preset, fault and config switches, and the JSON views of recorded
// requests and counters that tests assert on. Not part of the real API.
#include <array>
#include <charconv>

#include <nlohmann/json.hpp>

#include "sim/activeplatform_sim.h"

namespace ud::core {
namespace {

using Query = std::vector<std::pair<std::string, std::string>>;

constexpr std::array<std::pair<std::string_view, SimPreset>, 5> kPresetNames{{
    {"small", SimPreset::Small}, {"large", SimPreset::Large}, {"empty", SimPreset::Empty},
    {"mixed", SimPreset::MixedCurrency}, {"demo", SimPreset::Demo}}};

constexpr std::array<std::pair<std::string_view, SimFaultKind>, 15> kFaultNames{{
    {"none", SimFaultKind::None}, {"status", SimFaultKind::FixedStatus}, {"latency", SimFaultKind::Latency},
    {"hang", SimFaultKind::Hang}, {"drop_before_headers", SimFaultKind::DropBeforeHeaders},
    {"drop_mid_body", SimFaultKind::DropMidBody}, {"truncated_json", SimFaultKind::TruncatedJson},
    {"invalid_json", SimFaultKind::InvalidJson}, {"numbers", SimFaultKind::NumbersNotStrings},
    {"items_missing", SimFaultKind::ItemsMissing}, {"unknown_extras", SimFaultKind::UnknownExtras},
    {"html_error", SimFaultKind::HtmlError}, {"empty_body", SimFaultKind::EmptyBody},
    {"wrong_content_type", SimFaultKind::WrongContentType}, {"huge_body", SimFaultKind::HugeBody}}};

std::optional<int> intFrom(std::string_view text) {
    int v = 0;
    auto res = std::from_chars(text.data(), text.data() + text.size(), v);
    if (res.ec != std::errc() || res.ptr != text.data() + text.size()) return std::nullopt;
    return v;
}

HttpResponse jsonTextResponse(int status, std::string body) {
    HttpResponse r;
    r.status = status;
    r.headers = {{"Content-Type", "application/json"}};
    r.body = std::move(body);
    return r;
}

HttpResponse jsonResponse(int status, const nlohmann::json& doc) {
    return jsonTextResponse(status, doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

HttpResponse badControl(std::string message) { return jsonResponse(400, {{"error", std::move(message)}}); }

}  // namespace

std::optional<SimPreset> simPresetFromName(std::string_view name) {
    for (const auto& [n, p] : kPresetNames)
        if (n == name) return p;
    return std::nullopt;
}

const char* nameFromSimPreset(SimPreset preset) {
    for (const auto& [n, p] : kPresetNames)
        if (p == preset) return n.data();
    return "small";
}

std::optional<SimFaultKind> simFaultKindFromName(std::string_view name) {
    for (const auto& [n, k] : kFaultNames)
        if (n == name) return k;
    return std::nullopt;
}

HttpResponse ActivePlatformSim::handleControl(const HttpRequest& request, std::string_view path, const Query& query,
                                              Timestamp now) {
    HttpResponse r;
    // GET is accepted too: cpp-httplib refuses a POST without Content-Length
    // (plain `curl -X POST`), and these endpoints are fake-only anyway.
    bool is_command = request.method == "POST" || request.method == "GET";
    if (request.method == "OPTIONS") {
        r.status = 204;
        r.headers.emplace_back("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        r.headers.emplace_back("Access-Control-Allow-Headers", "Content-Type");
    } else if (path == "/__fake/requests") {
        r = jsonTextResponse(200, requestsJson());
    } else if (path == "/__fake/counts") {
        r = jsonTextResponse(200, countsJson());
    } else if (path == "/__fake/expected_totals") {
        r = expectedTotals(query, now);
    } else if (!is_command) {
        r = badControl("use POST or GET for " + std::string(path));
    } else if (path == "/__fake/reset") {
        reset();
        r = jsonResponse(200, {{"ok", true}});
    } else if (path == "/__fake/preset") {
        std::string name;
        for (const auto& [k, v] : query)
            if (k == "name") name = v;
        auto preset = simPresetFromName(name);
        if (!preset) return badControl("unknown preset '" + name + "' (small, large, empty, mixed, demo)");
        preset_ = *preset;
        r = jsonResponse(200, {{"ok", true}, {"preset", name}});
    } else if (path == "/__fake/fault") {
        r = applyFault(query);
    } else if (path == "/__fake/config") {
        r = applyConfig(query);
    } else {
        r = badControl("unknown control endpoint " + std::string(path));
    }
    addCors(request, r, /*always=*/true);  // browser tests drive the fake from the page's origin
    return r;
}

HttpResponse ActivePlatformSim::applyFault(const Query& query) {
    SimFault f;
    for (const auto& [k, v] : query) {
        if (k == "kind") {
            auto kind = simFaultKindFromName(v);
            if (!kind) return badControl("unknown fault kind '" + v + "'");
            f.kind = *kind;
            continue;
        }
        auto n = intFrom(v);
        if (!n) return badControl(k + " must be an integer");
        if (k == "count") f.remaining = *n;
        else if (k == "status") f.status = *n;
        else if (k == "retry_after") f.retry_after_s = *n;
        else if (k == "delay_ms") f.delay_ms = *n;
        else if (k == "bytes" && *n > 0) f.bytes = static_cast<std::size_t>(*n);
        else return badControl("unknown fault parameter '" + k + "'");
    }
    fault_ = f;
    return jsonResponse(200, {{"ok", true}});
}

HttpResponse ActivePlatformSim::applyConfig(const Query& query) {
    SimSwitches& s = switches_;
    for (const auto& [k, value] : query) {
        const auto& v = value;  // clang 14 (the WASM compiler) cannot capture structured bindings
        auto choose = [&](bool& flag, std::string_view off, std::string_view on) {
            if (v == off) flag = false;
            else if (v == on) flag = true;
            else return false;
            return true;
        };
        bool ok = true;
        if (k == "unknown_token") ok = choose(s.unknown_token_forbidden, "401", "403");
        else if (k == "foreign_subscription") ok = choose(s.foreign_subscription_forbidden, "404", "403");
        else if (k == "non_payg") ok = choose(s.non_payg_empty_items, "422", "empty");
        else if (k == "both_pairs") ok = choose(s.dates_win_over_periods, "422", "dates");
        else if (k == "content_type") ok = choose(s.plain_json_content_type, "jsonapi", "json");
        else if (k == "id") ok = choose(s.integer_id, "string", "integer");
        else if (k == "cors") ok = choose(s.cors, "off", "on");
        else if (k == "cors_origin") s.cors_origin = v;
        else if (k == "max_days" || k == "max_periods" || k == "latency_ms") {
            auto n = intFrom(v);
            ok = n && *n >= 0;
            if (ok) (k == "max_days" ? s.max_days : k == "max_periods" ? s.max_periods : s.latency_ms) = *n;
        } else {
            return badControl("unknown switch '" + k + "'");
        }
        if (!ok) return badControl("bad value '" + v + "' for " + k);
    }
    return jsonResponse(200, {{"ok", true}});
}

std::string ActivePlatformSim::requestsJson() const {
    nlohmann::json list = nlohmann::json::array();
    for (const RecordedRequest& r : requests_) {
        nlohmann::json query = nlohmann::json::object();
        for (const auto& [k, v] : r.query) query[k] = v;
        list.push_back({{"method", r.method}, {"path", r.path}, {"query", query}, {"headers", r.header_names},
                        {"token_present", r.token_present}, {"status", r.status}});
    }
    return list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string ActivePlatformSim::countsJson() const {
    const SimCounts& c = counts_;
    nlohmann::json doc = {{"api_requests", c.api_requests},       {"analytics_daily", c.analytics_daily},
                          {"preflights", c.preflights},           {"missing_accept", c.missing_accept},
                          {"missing_content_type", c.missing_content_type}, {"missing_token", c.missing_token},
                          {"faults_applied", c.faults_applied},   {"preset", nameFromSimPreset(preset_)}};
    return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace ud::core
