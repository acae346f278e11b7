// Particle response parsers: one function per model, keys mapped in one place,
// every get<>() preceded by a contains()/type check (no exceptions in src/).
#include "core/particle/particle_parse.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include <nlohmann/json.hpp>

namespace ud::core {
namespace {

using nlohmann::json;

Error parseError(std::string what) {
    return makeError(ErrorKind::Parse, "Unexpected answer from the Particle API: " + std::move(what) + ".");
}

std::string text(const json& j, const char* key) {
    if (j.is_object() && j.contains(key) && j[key].is_string()) return j[key].get<std::string>();
    return {};
}

// A field that must be text when present (null counts as absent): a number or
// an object there is a damaged answer, not a missing value, and must not read
// as one ("never expires", "pending").
std::optional<Error> notTextError(const json& j, const char* key, const std::string& what) {
    if (!j.is_object() || !j.contains(key) || j[key].is_string() || j[key].is_null()) return std::nullopt;
    return parseError(what + " (" + key + ") is not text");
}

// Ids arrive as strings or numbers; both become the same string.
std::string idText(const json& j, const char* key) {
    if (!j.is_object() || !j.contains(key)) return {};
    const json& v = j[key];
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer()) return v.is_number_unsigned() ? std::to_string(v.get<unsigned long long>())
                                                             : std::to_string(v.get<long long>());
    return {};
}

long long count(const json& j, const char* key) {
    if (j.is_object() && j.contains(key) && j[key].is_number_integer()) return j[key].get<long long>();
    return -1;
}

const json* child(const json& j, const char* key) {
    if (j.is_object() && j.contains(key) && j[key].is_object()) return &j[key];
    return nullptr;
}

std::optional<Timestamp> timestamp(const json& j, const char* key) {
    std::string s = text(j, key);
    if (s.empty()) return std::nullopt;
    return timestampFromText(s);
}

Result<json> parseObject(std::string_view body) {
    if (body.empty()) return parseError("the answer was empty");
    json j = json::parse(body, nullptr, false);
    if (j.is_discarded()) return parseError("not JSON");
    if (!j.is_object()) return parseError("expected a JSON object");
    return j;
}

Result<ServiceAgreement> agreementFromJson(const json& item) {
    ServiceAgreement a;
    a.id.value = idText(item, "id");
    if (a.id.value.empty()) return parseError("a service agreement has no id");
    const json* attrs = child(item, "attributes");
    if (!attrs) return parseError("service agreement " + a.id.value + " has no attributes");
    auto start = dateFromIso(text(*attrs, "current_billing_period_start"));
    auto end = dateFromIso(text(*attrs, "current_billing_period_end"));
    if (!start || !end) return parseError("service agreement " + a.id.value + " has no current billing period");
    a.current_billing_period = {*start, *end};
    a.name = text(*attrs, "name");
    a.agreement_type = text(*attrs, "agreement_type");
    a.state = text(*attrs, "state");
    a.next_billing_period_start = dateFromIso(text(*attrs, "next_billing_period_start"));
    if (const json* summary = child(*attrs, "current_usage_summary"))
        if (const json* conn = child(*summary, "connectivity"))
            if (const json* all = child(*conn, "all")) {
                a.owned_devices = count(*all, "owned_devices");
                a.billable_devices = count(*all, "billable_devices");
                a.device_messages = count(*all, "device_messages");
            }
    if (const json* terms = child(*attrs, "pricing_terms")) {
        if (const json* messaging = child(*terms, "messaging")) a.max_messages = count(*messaging, "max_messages");
        if (const json* device = child(*terms, "device")) a.max_devices = count(*device, "max_devices");
    }
    return a;
}

}  // namespace

Result<AccessToken> accessTokenFromJson(std::string_view body) {
    auto j = parseObject(body);
    if (!j) return j.error();
    AccessToken t;
    t.access_token = text(*j, "access_token");
    if (t.access_token.empty()) return parseError("no access_token in the token answer");
    t.token_type = text(*j, "token_type");
    if (j->contains("expires_in") && (*j)["expires_in"].is_number_integer())
        t.expires_in_s = (*j)["expires_in"].get<std::int64_t>();
    return t;
}

Result<ParticleUser> userFromJson(std::string_view body) {
    auto j = parseObject(body);
    if (!j) return j.error();
    ParticleUser u;
    u.username = text(*j, "username");
    if (u.username.empty()) return parseError("no username in the account answer");
    if (const json* mfa = child(*j, "mfa"))
        u.mfa_enabled = mfa->contains("enabled") && (*mfa)["enabled"].is_boolean() && (*mfa)["enabled"].get<bool>();
    return u;
}

Result<TokenInfo> tokenInfoFromJson(std::string_view body) {
    auto j = parseObject(body);
    if (!j) return j.error();
    TokenInfo t;
    if (auto e = notTextError(*j, "expires_at", "the token's expiry")) return *e;
    std::string expires = text(*j, "expires_at");
    if (!expires.empty()) {
        t.expires_at = timestampFromText(expires);
        if (!t.expires_at) return parseError("expires_at is not a timestamp");
    }
    t.client = text(*j, "client");
    if (t.client.empty()) t.client = text(*j, "client_id");
    if (j->contains("scopes") && (*j)["scopes"].is_array())
        for (const json& s : (*j)["scopes"])
            if (s.is_string()) t.scopes.push_back(s.get<std::string>());
    return t;
}

Result<std::vector<Organization>> organizationsFromJson(std::string_view body) {
    auto j = parseObject(body);
    if (!j) return j.error();
    if (!j->contains("organizations") || !(*j)["organizations"].is_array())
        return parseError("no organizations list");
    std::vector<Organization> out;
    for (const json& item : (*j)["organizations"]) {
        Organization o{idText(item, "id"), text(item, "slug"), text(item, "name")};
        if (o.id.empty()) return parseError("an organization has no id");
        for (const char* key : {"name", "slug"})
            if (auto e = notTextError(item, key, "organization " + o.id + "'s " + key)) return *e;
        if (o.name.empty()) o.name = o.slug.empty() ? o.id : o.slug;
        out.push_back(std::move(o));
    }
    return out;
}

Result<std::vector<ServiceAgreement>> serviceAgreementsFromJson(std::string_view body) {
    auto j = parseObject(body);
    if (!j) return j.error();
    if (!j->contains("data") || !(*j)["data"].is_array()) return parseError("no service agreement list (data)");
    std::vector<ServiceAgreement> out;
    for (const json& item : (*j)["data"]) {
        auto a = agreementFromJson(item);
        if (!a) return a.error();
        out.push_back(std::move(a.value()));
    }
    return out;
}

Result<UsageReport> usageReportFromJson(std::string_view body) {
    auto j = parseObject(body);
    if (!j) return j.error();
    const json* data = child(*j, "data");
    if (!data) return parseError("no report (data)");
    UsageReport r;
    r.id.value = idText(*data, "id");
    if (r.id.value.empty()) return parseError("the report has no id");
    const json* attrs = child(*data, "attributes");
    if (!attrs) return parseError("report " + r.id.value + " has no attributes");
    // The docs' tools read `state`; the tutorial text says `status`. Accept both.
    for (const char* key : {"state", "status", "download_url"})
        if (auto e = notTextError(*attrs, key, "report " + r.id.value + "'s " + key)) return *e;
    r.state_text = text(*attrs, "state");
    if (r.state_text.empty()) r.state_text = text(*attrs, "status");
    r.download_url = text(*attrs, "download_url");
    r.state = reportStateFromText(r.state_text, !r.download_url.empty());
    r.service_agreement_id = idText(*attrs, "service_agreement_id");
    r.report_type = text(*attrs, "report_type");
    auto first = dateFromIso(text(*attrs, "date_period_start"));
    auto last = dateFromIso(text(*attrs, "date_period_end"));
    if (first && last) r.range = DateRange{*first, *last};
    r.created_at = timestamp(*attrs, "created_at");
    r.expires_at = timestamp(*attrs, "expires_at");
    return r;
}

Result<std::vector<UsageNotification>> notificationsFromJson(std::string_view body) {
    auto j = parseObject(body);
    if (!j) return j.error();
    if (!j->contains("data") || !(*j)["data"].is_array()) return parseError("no notification list (data)");
    std::vector<UsageNotification> out;
    for (const json& item : (*j)["data"]) {
        UsageNotification n;
        n.id = idText(item, "id");
        const json* attrs = child(item, "attributes");
        if (!attrs) return parseError("a notification has no attributes");
        for (const char* key : {"event_name", "state", "created_at", "time_period"})
            if (auto e = notTextError(*attrs, key, "notification " + n.id + "'s " + key)) return *e;
        n.state = text(*attrs, "state");
        n.event_name = text(*attrs, "event_name");
        if (const json* details = child(*attrs, "details")) n.event_type = text(*details, "event_type");
        if (n.event_name.empty()) n.event_name = n.event_type;
        n.time_period = text(*attrs, "time_period");
        n.created_at = text(*attrs, "created_at");
        out.push_back(std::move(n));
    }
    return out;
}

Result<LoginOutcome> loginOutcomeFromResponse(const HttpResponse& response, ParticleCall step, std::string_view host) {
    if (response.status == 403 && apiErrorFromBody(response.body) == "mfa_required") {
        json j = json::parse(response.body, nullptr, false);
        LoginOutcome o;
        o.mfa_token = text(j, "mfa_token");
        if (o.mfa_token.empty()) return parseError("the sign-in needs a code but no mfa_token came with it");
        return o;
    }
    auto token = particleResult<AccessToken>(response, step, host, accessTokenFromJson);
    if (!token) return token.error();
    LoginOutcome o;
    o.token = std::move(token.value());
    return o;
}

const ServiceAgreement* preferredAgreement(const std::vector<ServiceAgreement>& agreements) {
    for (const auto& a : agreements)
        if (a.state == "active") return &a;
    return agreements.empty() ? nullptr : &agreements.front();
}

namespace {

// A 200 from the storage server is not yet a CSV: a network's sign-in portal or
// a proxy's error page also answers 200, in HTML. Saving that as the report
// would lose nothing visible until someone opens the file.
Status checkDownloadedCsv(const HttpResponse& response, std::string_view host) {
    if (response.body.empty())
        return makeError(ErrorKind::Parse, "The CSV download from " + std::string(host) +
                                               " was empty; the report file has at least a header line. Try again.");
    std::string_view type = headerValue(response.headers, "Content-Type");
    std::string_view start(response.body.data(), std::min<std::size_t>(response.body.size(), 512));
    if (start.substr(0, 3) == "\xEF\xBB\xBF") start.remove_prefix(3);
    while (!start.empty() && (start.front() == ' ' || start.front() == '\t' || start.front() == '\r' || start.front() == '\n'))
        start.remove_prefix(1);
    if (type.find("html") != std::string_view::npos || (!start.empty() && start.front() == '<'))
        return makeError(ErrorKind::Parse, "The download link answered with a web page, not a CSV (a network's "
                                           "sign-in page or an error page from " + std::string(host) +
                                           "). Nothing was saved. Try again, or copy the link and open it in a new tab.");
    return Ok{};
}

}  // namespace

Status checkParticleAnswer(const HttpResponse& response, ParticleCall call, std::string_view host) {
    if (!isSuccess(response)) return particleErrorFromResponse(response, call, host);
    if (call == ParticleCall::Download) return checkDownloadedCsv(response, host);
    if (response.status == 204) return Ok{};
    if (response.body.empty()) return parseError("the answer was empty");
    json j = json::parse(response.body, nullptr, false);
    if (j.is_discarded()) {
        std::string type(headerValue(response.headers, "Content-Type"));
        return parseError(type.empty() || type.find("json") != std::string::npos
                              ? "not JSON"
                              : "expected JSON but got " + type.substr(0, type.find(';')));
    }
    return Ok{};
}

std::string sentenceFromNotification(const UsageNotification& n) {
    // event_type is preferred; event_name carries a "developer:usage_activity:" prefix.
    std::string_view type = n.event_type.empty() ? std::string_view(n.event_name) : std::string_view(n.event_type);
    if (auto colon = type.rfind(':'); colon != std::string_view::npos) type.remove_prefix(colon + 1);
    constexpr std::string_view kThreshold = "usage_threshold_";
    if (type.substr(0, kThreshold.size()) == kThreshold)
        return std::string(type.substr(kThreshold.size())) + " % of the included usage reached";
    if (type == "automatic_pause") return "Service paused: the included usage is used up";
    if (type == "automatic_unpause") return "Service resumed";
    // An event the page does not know: its name in words, and the period it is about.
    std::string sentence = "Usage notification";
    if (!type.empty()) {
        sentence.assign(type);
        for (char& c : sentence)
            if (c == '_' || c == '-' || c == '.') c = ' ';
        sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
    }
    if (!n.time_period.empty()) sentence += " (period " + n.time_period + ")";
    return sentence;
}

}  // namespace ud::core
