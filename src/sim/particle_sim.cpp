// ParticleSim, part 1: request dispatch, CORS, fault switches, request
// recording, bearer authentication and the account routes (/v1/user,
// /v1/access_tokens/current, /v1/orgs). Tokens are in particle_sim_tokens.cpp.
#include "sim/particle_sim.h"

#include <nlohmann/json.hpp>

#include "sim/fake_directives.h"

namespace ud::core {

using nlohmann::json;
using namespace particle_sim_detail;


namespace particle_sim_detail {

HttpResponse jsonResponse(int status, const std::string& body) {
    HttpResponse r;
    r.status = status;
    r.headers = {{"Content-Type", "application/json; charset=utf-8"}};
    r.body = body;
    return r;
}

std::string rubyFromTimestamp(Timestamp ts) {
    std::string iso = isoFromTimestamp(ts);  // 2026-01-05T10:00:00Z
    if (iso.size() >= 19) iso = iso.substr(0, 10) + " " + iso.substr(11, 8);
    return iso + " +0000";
}

std::string oauthError(const std::string& error, const std::string& description) {
    return nlohmann::json{{"error", error}, {"error_description", description}}.dump();
}

std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
    std::uint64_t z = a + 0x9e3779b97f4a7c15ULL * (b + 1);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

}  // namespace particle_sim_detail

namespace {

constexpr ParticleFaultKind kAllFaults[] = {
    ParticleFaultKind::Unauthorized, ParticleFaultKind::Forbidden,     ParticleFaultKind::NotFound,
    ParticleFaultKind::RateLimited,  ParticleFaultKind::ServerError,   ParticleFaultKind::Unavailable,
    ParticleFaultKind::Slow,         ParticleFaultKind::Drop,          ParticleFaultKind::MalformedJson,
    ParticleFaultKind::WrongContentType, ParticleFaultKind::EmptyBody,     ParticleFaultKind::WrongTypes,
    ParticleFaultKind::HugeBody,
};

std::vector<std::string> splitPath(std::string_view path) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < path.size()) {
        std::size_t slash = path.find('/', pos);
        if (slash == std::string_view::npos) slash = path.size();
        if (slash > pos) out.push_back(urlDecode(path.substr(pos, slash - pos)));
        pos = slash + 1;
    }
    return out;
}

std::string targetFromUrl(std::string_view url) {
    std::size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) return std::string(url);
    std::size_t slash = url.find('/', scheme + 3);
    return slash == std::string_view::npos ? std::string("/") : std::string(url.substr(slash));
}


HttpResponse faultResponse(const ParticleFault& fault) {
    switch (fault.kind) {
        case ParticleFaultKind::Unauthorized:
            return jsonResponse(401, oauthError("invalid_token", "The access token provided is invalid."));
        case ParticleFaultKind::Forbidden:
            return jsonResponse(403, R"({"ok":false,"error":"Permission denied"})");
        case ParticleFaultKind::NotFound: return jsonResponse(404, R"({"ok":false,"error":"Not found"})");
        case ParticleFaultKind::RateLimited: {
            HttpResponse r = jsonResponse(429, oauthError("rate_limit_exceeded", "Rate limit exceeded."));
            if (fault.retry_after_s >= 0) r.headers.emplace_back("Retry-After", std::to_string(fault.retry_after_s));
            return r;
        }
        case ParticleFaultKind::ServerError:
            return jsonResponse(500, R"({"ok":false,"error":"Internal server error"})");
        case ParticleFaultKind::Unavailable: {
            HttpResponse r;
            r.status = 503;
            r.headers = {{"Content-Type", "text/html"}};
            r.body = "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>";
            return r;
        }
        case ParticleFaultKind::MalformedJson: return jsonResponse(200, R"({"data": {"id": "88)");
        case ParticleFaultKind::WrongContentType: {
            HttpResponse r;
            r.status = 200;
            r.headers = {{"Content-Type", "text/html; charset=utf-8"}};
            r.body = "<!doctype html><html><body>Please sign in to the network</body></html>";
            return r;
        }
        case ParticleFaultKind::EmptyBody: return jsonResponse(200, "");
        case ParticleFaultKind::HugeBody: return jsonResponse(200, hugeJsonBody(fault.bytes));
        case ParticleFaultKind::Drop: return droppedConnectionResponse();
        case ParticleFaultKind::Slow:
        case ParticleFaultKind::WrongTypes: break;  // handled by the caller: the normal answer, changed
    }
    return jsonResponse(500, "{}");
}

// Every string a number, every number a string, booleans strings too: the
// shape of the answer kept, its types all wrong (objects and arrays recurse).
void swapTypes(nlohmann::json& j) {
    if (j.is_object() || j.is_array()) {
        for (auto& child : j) swapTypes(child);
    } else if (j.is_string()) {
        j = 12345;
    } else if (j.is_number() || j.is_boolean()) {
        j = j.dump();
    }
}

void addApiCors(HttpResponse& r) { r.headers.emplace_back("Access-Control-Allow-Origin", "*"); }

}  // namespace

const char* nameFromParticleFaultKind(ParticleFaultKind kind) {
    switch (kind) {
        case ParticleFaultKind::Unauthorized: return "unauthorized";
        case ParticleFaultKind::Forbidden: return "forbidden";
        case ParticleFaultKind::NotFound: return "not_found";
        case ParticleFaultKind::RateLimited: return "rate_limit";
        case ParticleFaultKind::ServerError: return "server_error";
        case ParticleFaultKind::Unavailable: return "unavailable";
        case ParticleFaultKind::Slow: return "slow";
        case ParticleFaultKind::Drop: return "drop";
        case ParticleFaultKind::MalformedJson: return "malformed_json";
        case ParticleFaultKind::WrongContentType: return "wrong_content_type";
        case ParticleFaultKind::EmptyBody: return "empty_body";
        case ParticleFaultKind::WrongTypes: return "wrong_types";
        case ParticleFaultKind::HugeBody: return "huge_body";
    }
    return "";
}

std::optional<ParticleFaultKind> particleFaultKindFromName(std::string_view name) {
    for (ParticleFaultKind k : kAllFaults)
        if (name == nameFromParticleFaultKind(k)) return k;
    return std::nullopt;
}

ParticleSim::ParticleSim(ParticleSimConfig config) : config_(std::move(config)) {
    initial_config_ = config_;
    rng_ = config_.seed;
}

void ParticleSim::reset() {
    config_ = initial_config_;
    rng_ = config_.seed;
    offset_ms_ = 0;
    tokens_.clear();
    mfa_.clear();
    reports_.clear();
    faults_.clear();
    counts_.clear();
    recorded_.clear();
    failed_token_attempts_ = 0;
    lockout_until_ = 0;
    next_report_id_ = 8804;
}

int ParticleSim::count(std::string_view route) const {
    auto it = counts_.find(route);
    return it == counts_.end() ? 0 : it->second;
}

std::string ParticleSim::randomHex(std::size_t chars) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    while (out.size() < chars) {
        rng_ = mix(rng_, out.size());
        for (int i = 0; i < 16 && out.size() < chars; ++i) out.push_back(kHex[(rng_ >> (i * 4)) & 0xf]);
    }
    return out;
}

const ParticleSimAccount* ParticleSim::account(std::string_view email) const {
    for (const auto& a : config_.accounts)
        if (a.email == email) return &a;
    return nullptr;
}

bool ParticleSim::revokeToken(std::string_view token) {
    auto it = tokens_.find(token);
    if (it == tokens_.end()) return false;
    tokens_.erase(it);
    return true;
}

int ParticleSim::revokeAllTokens() {
    int n = static_cast<int>(tokens_.size());
    tokens_.clear();
    return n;
}

std::string ParticleSim::issueToken(std::string_view email, std::int64_t expires_in_s, Timestamp now) {
    std::string token = randomHex(40);
    Token t{std::string(email), std::nullopt};
    if (expires_in_s > 0) t.expires_at = simNow(now) + expires_in_s * 1000;
    tokens_[token] = t;
    return token;
}

std::string ParticleSim::routeName(std::string_view method, std::string_view path) {
    auto seg = splitPath(path);
    if (!seg.empty() && seg[0] == "__fake") return "control";
    if (!seg.empty() && seg[0] == "reports") return method == "OPTIONS" ? "download_preflight" : "download";
    if (method == "OPTIONS") return "preflight";
    if (seg.size() == 2 && seg[0] == "oauth" && seg[1] == "token") return method == "POST" ? "token" : "unknown";
    if (seg.empty() || seg[0] != "v1") return "unknown";
    if (seg.size() == 2 && seg[1] == "user" && method == "GET") return "user";
    if (seg.size() == 3 && seg[1] == "access_tokens" && seg[2] == "current")
        return method == "GET" ? "token_info" : method == "DELETE" ? "revoke" : "unknown";
    if (seg.size() == 2 && seg[1] == "orgs" && method == "GET") return "orgs";
    std::size_t rest = seg.size() >= 2 && seg[1] == "user" ? 2 : seg.size() >= 3 && seg[1] == "orgs" ? 3 : 0;
    if (rest == 0) return "unknown";
    std::size_t n = seg.size() - rest;
    if (n == 1 && seg[rest] == "service_agreements" && method == "GET") return "agreements";
    if (n == 3 && seg[rest] == "service_agreements" && seg[rest + 2] == "usage_reports" && method == "POST")
        return "create_report";
    if (n == 3 && seg[rest] == "service_agreements" && seg[rest + 2] == "notifications" && method == "GET")
        return "notifications";
    if (n == 2 && seg[rest] == "usage_reports" && method == "GET") return "report_status";
    return "unknown";
}

HttpResponse ParticleSim::handle(const HttpRequest& request, Timestamp now) {
    Route route;
    route.method = request.method;
    route.target = targetFromUrl(request.url);
    std::size_t q = route.target.find('?');
    route.path = route.target.substr(0, q);
    route.query = q == std::string::npos ? "" : route.target.substr(q + 1);
    route.segments = splitPath(route.path);
    route.name = routeName(route.method, route.path);
    if (route.segments.size() >= 2 && route.segments[0] == "v1" && route.segments[1] == "user") {
        route.scope = Scope::sandbox();
        route.rest.assign(route.segments.begin() + 2, route.segments.end());
    } else if (route.segments.size() >= 3 && route.segments[0] == "v1" && route.segments[1] == "orgs") {
        route.scope = Scope::organization(route.segments[2]);
        route.rest.assign(route.segments.begin() + 3, route.segments.end());
    }
    if (route.name == "control") return handleControl(request, route, now);

    ParticleSimRequest rec{request.method, route.target, route.name, {}, false, ""};
    for (const auto& [k, v] : request.headers) rec.header_names.push_back(k);
    rec.has_authorization = !headerValue(request.headers, "Authorization").empty();
    rec.content_type = std::string(headerValue(request.headers, "Content-Type"));
    recorded_.push_back(std::move(rec));
    ++counts_[route.name];

    const bool is_download = route.name == "download" || route.name == "download_preflight";
    HttpResponse response;
    std::optional<ParticleFault> fault = applyFault(route);
    if (fault && fault->kind == ParticleFaultKind::Slow) {
        response = dispatch(request, route, now);  // the normal answer, late
        response.headers.emplace_back(std::string(kFakeDelayHeader), std::to_string(fault->delay_ms));
    } else if (fault && fault->kind == ParticleFaultKind::WrongTypes) {
        response = dispatch(request, route, now);
        nlohmann::json j = nlohmann::json::parse(response.body, nullptr, false);
        if (!j.is_discarded()) {
            swapTypes(j);
            response.body = j.dump();
        }
    } else if (fault) {
        response = faultResponse(*fault);
    } else {
        response = dispatch(request, route, now);
    }
    // CORS headers on a dropped answer too: a real API sends its headers before the break.
    if (!is_download || config_.download_cors) addApiCors(response);
    return response;
}

std::optional<ParticleFault> ParticleSim::applyFault(const Route& route) {
    if (route.name == "preflight" || route.name == "download_preflight") return std::nullopt;
    for (auto it = faults_.begin(); it != faults_.end(); ++it) {
        // A route name, "*" (every API route, not the download origin), or a path fragment "/...".
        const bool matches = it->route == route.name || (it->route == "*" && route.name != "download") ||
                             (it->route.size() > 1 && it->route.front() == '/' &&
                              route.path.find(it->route) != std::string::npos);
        if (!matches || it->count == 0) continue;
        ParticleFault fault = *it;
        if (it->count > 0 && --it->count == 0) faults_.erase(it);
        return fault;
    }
    return std::nullopt;
}

HttpResponse ParticleSim::dispatch(const HttpRequest& request, const Route& route, Timestamp now) {
    if (route.name == "preflight") {
        HttpResponse r;
        r.status = 204;
        r.headers = {{"Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS"},
                     {"Access-Control-Allow-Headers", "Authorization, Content-Type, Accept"},
                     {"Access-Control-Max-Age", "600"}};
        return r;
    }
    if (route.name == "download_preflight") {
        HttpResponse r;
        r.status = 200;
        if (config_.download_cors) r.headers = {{"Access-Control-Allow-Headers", "Accept"}};
        return r;
    }
    if (route.name == "download") return handleDownload(request, route, now);
    if (route.name == "token") return handleToken(request, now);
    if (route.name == "unknown") return jsonResponse(404, R"({"ok":false,"error":"Not found"})");
    std::string email;
    if (auto failure = authenticate(request, route, now, email)) return *failure;
    if (route.name == "user" || route.name == "token_info" || route.name == "revoke" || route.name == "orgs")
        return handleAccount(route, email, request);
    return handleScoped(request, route, email, now);
}

// ---- bearer authentication ----------------------------------------------------

std::optional<HttpResponse> ParticleSim::authenticate(const HttpRequest& request, const Route& route, Timestamp now,
                                                      std::string& email) {
    // Stricter than the real API on purpose: a token in the URL is a leak.
    if (route.query.find("access_token=") != std::string::npos)
        return jsonResponse(400, oauthError("invalid_request", "Access tokens must not be sent in the URL."));
    std::string_view auth = headerValue(request.headers, "Authorization");
    if (auth.substr(0, 7) != "Bearer " || auth.size() == 7) {
        if (config_.missing_token_401)
            return jsonResponse(401, oauthError("invalid_token", "The access token was not found"));
        return jsonResponse(400, oauthError("invalid_request", "The access token was not found"));
    }
    auto it = tokens_.find(auth.substr(7));
    if (it == tokens_.end())
        return jsonResponse(401, oauthError("invalid_token", "The access token provided is invalid."));
    if (it->second.expires_at && *it->second.expires_at <= simNow(now))
        return jsonResponse(401, oauthError("invalid_token", "The access token provided has expired."));
    email = it->second.email;
    return std::nullopt;
}

// ---- account routes -------------------------------------------------------------

HttpResponse ParticleSim::handleAccount(const Route& route, const std::string& email, const HttpRequest& request) {
    const ParticleSimAccount* acct = account(email);
    if (!acct) return jsonResponse(404, R"({"ok":false,"error":"User not found"})");
    if (route.name == "user") {
        json body = {{"username", acct->email},
                     {"subscription_ids", json::array()},
                     {"account_info", {{"first_name", ""}, {"last_name", ""}, {"business_account", false}}},
                     {"mfa", {{"enabled", acct->mfa}}},
                     {"scim_provisioned", false},
                     {"no_password", acct->sso}};
        return jsonResponse(200, body.dump());
    }
    std::string token(headerValue(request.headers, "Authorization").substr(7));
    if (route.name == "token_info") {
        const Token& t = tokens_.at(token);
        json body = {{"client", "particle"}, {"scopes", json::array()}, {"orgs", json::array()}};
        body["expires_at"] = t.expires_at ? json(isoFromTimestamp(*t.expires_at)) : json(nullptr);
        return jsonResponse(200, body.dump());
    }
    if (route.name == "revoke") {
        tokens_.erase(token);
        return jsonResponse(200, R"({"ok":true})");
    }
    json orgs = json::array();
    for (const auto& id : acct->org_ids)
        for (const auto& org : config_.orgs)
            if (org.id == id) orgs.push_back({{"id", org.id}, {"slug", org.slug}, {"name", org.name}});
    return jsonResponse(200, json{{"organizations", orgs}}.dump());
}

}  // namespace ud::core
