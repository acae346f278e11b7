// ParticleSim, part 4: the fake-only control endpoints under /__fake/ (shared
// by native and browser tests) and the two fixtures (test, demo).
//
//   POST   /__fake/reset                      forget tokens, reports, faults, counts, clock offset
//   POST   /__fake/advance?seconds=N          move the simulated clock forward (or {"seconds":N})
//   POST   /__fake/fault                      {"route":"create_report","kind":"rate_limit","count":1,
//                                              "retry_after":30,"delay_ms":5000,"bytes":314572800}
//   DELETE /__fake/faults                     clear all faults
//   POST   /__fake/config                     switches, e.g. {"ready_after_reads":0,"status_key":true}
//   POST   /__fake/revoke                     {"token":"..."} or {"all":true}
//   GET    /__fake/counts                     {"token":2,"create_report":1,...}
//   GET    /__fake/requests                   every recorded request (no token values)
//   GET    /__fake/state                      now, offset, reports and their states
//   GET    /__fake/report_csv?id=8804         the exact CSV the report's download URL serves
#include <nlohmann/json.hpp>

#include "sim/particle_sim.h"

namespace ud::core {

using nlohmann::json;
using namespace particle_sim_detail;

namespace {

HttpResponse controlAnswer(HttpResponse r) {
    r.headers.emplace_back("Access-Control-Allow-Origin", "*");
    return r;
}

HttpResponse ok(json body = {{"ok", true}}) { return controlAnswer(jsonResponse(200, body.dump())); }
HttpResponse bad(const std::string& why) {
    return controlAnswer(jsonResponse(400, json{{"ok", false}, {"error", why}}.dump()));
}

std::string queryValue(std::string_view query, std::string_view key) {
    for (const auto& [k, v] : pairsFromForm(query))
        if (k == key) return v;
    return {};
}

template <typename T>
void setIf(const json& j, const char* key, T& target) {
    if (!j.contains(key)) return;
    if constexpr (std::is_same_v<T, bool>) {
        if (j[key].is_boolean()) target = j[key].get<bool>();
    } else if constexpr (std::is_same_v<T, std::string>) {
        if (j[key].is_string()) target = j[key].get<std::string>();
    } else {
        if (j[key].is_number_integer()) target = j[key].get<T>();
    }
}

}  // namespace

HttpResponse ParticleSim::handleControl(const HttpRequest& request, const Route& route, Timestamp now) {
    if (route.method == "OPTIONS") {
        HttpResponse r;
        r.status = 204;
        r.headers = {{"Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS"},
                     {"Access-Control-Allow-Headers", "Content-Type"}};
        return controlAnswer(r);
    }
    const std::string what = route.segments.size() >= 2 ? route.segments[1] : "";
    json body = request.body.empty() ? json::object() : json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) return bad("body must be a JSON object");

    if (what == "reset") {
        reset();
        return ok();
    }
    if (what == "advance") {
        std::int64_t seconds = 0;
        std::string q = queryValue(route.query, "seconds");
        if (!q.empty() && q.size() < 12 && q.find_first_not_of("0123456789") == std::string::npos) seconds = std::stoll(q);
        setIf(body, "seconds", seconds);
        advanceSeconds(seconds);
        return ok({{"ok", true}, {"now", isoFromTimestamp(simNow(now))}, {"offset_s", offset_ms_ / 1000}});
    }
    if (what == "fault" && route.method == "POST") {
        ParticleFault fault;
        std::string kind;
        setIf(body, "route", fault.route);
        setIf(body, "kind", kind);
        setIf(body, "count", fault.count);
        setIf(body, "retry_after", fault.retry_after_s);
        setIf(body, "delay_ms", fault.delay_ms);
        setIf(body, "bytes", fault.bytes);
        auto k = particleFaultKindFromName(kind);
        if (!k) return bad("unknown fault kind: " + kind);
        fault.kind = *k;
        addFault(fault);
        return ok();
    }
    if (what == "faults" && route.method == "DELETE") {
        clearFaults();
        return ok();
    }
    if (what == "config" && route.method == "POST") {
        ParticleSimConfig& c = config_;
        setIf(body, "ready_after_reads", c.ready_after_reads);
        setIf(body, "ready_after_seconds", c.ready_after_seconds);
        setIf(body, "otp", c.otp);
        setIf(body, "wrong_otp_400", c.wrong_otp_400);
        setIf(body, "missing_token_401", c.missing_token_401);
        setIf(body, "limit_as_422", c.limit_as_422);
        setIf(body, "status_key", c.status_key);
        setIf(body, "processing_state", c.processing_state);
        setIf(body, "fail_reports", c.fail_reports);
        setIf(body, "reject_old_device_reports", c.reject_old_device_reports);
        setIf(body, "numeric_ids", c.numeric_ids);
        setIf(body, "download_cors", c.download_cors);
        setIf(body, "csv_variant", c.csv_variant);
        setIf(body, "lockout_after_failures", c.lockout_after_failures);
        setIf(body, "lockout_seconds", c.lockout_seconds);
        return ok();
    }
    if (what == "revoke" && route.method == "POST") {
        bool all = false;
        std::string token;
        setIf(body, "all", all);
        setIf(body, "token", token);
        int n = all ? revokeAllTokens() : (revokeToken(token) ? 1 : 0);
        return ok({{"ok", true}, {"revoked", n}});
    }
    if (what == "counts") return ok(json(counts_));
    if (what == "requests") {
        json list = json::array();
        for (const auto& r : recorded_)
            list.push_back({{"method", r.method}, {"path", r.path}, {"route", r.route},
                            {"headers", r.header_names}, {"has_authorization", r.has_authorization},
                            {"content_type", r.content_type}});
        return ok(list);
    }
    if (what == "state") {
        json reports = json::array();
        for (const auto& [id, r] : reports_)
            reports.push_back({{"id", id}, {"owner", r.owner}, {"scope", r.scope_key},
                               {"state", reportStateName(r, now)}, {"reads", r.reads}});
        return ok({{"now", isoFromTimestamp(simNow(now))}, {"offset_s", offset_ms_ / 1000},
                   {"otp", config_.otp}, {"reports", reports}});
    }
    if (what == "report_csv") {
        std::string csv = reportCsv(queryValue(route.query, "id"));
        if (csv.empty()) return controlAnswer(jsonResponse(404, R"({"ok":false,"error":"no such report"})"));
        HttpResponse r;
        r.status = 200;
        r.headers = {{"Content-Type", "text/csv"}};
        r.body = std::move(csv);
        return controlAnswer(r);
    }
    return controlAnswer(jsonResponse(404, R"({"ok":false,"error":"unknown control endpoint"})"));
}

// ---- fixtures ---------------------------------------------------------------------

namespace {

ParticleSimAgreement sandboxAgreement(std::string id, int usage_percent) {
    ParticleSimAgreement a;
    a.id = std::move(id);
    a.usage_percent = usage_percent;
    a.products = {{"20154", "Greenhouse sensors", 4}, {"20177", "Door monitors", 2}};
    return a;
}

ParticleSimAgreement orgAgreement(std::string id, std::string name, int billing_day, int usage_percent) {
    ParticleSimAgreement a;
    a.id = std::move(id);
    a.name = std::move(name);
    a.agreement_type = "enterprise";
    a.billing_day = billing_day;
    a.max_messages = 5000000;
    a.max_devices = 10000;
    a.usage_percent = usage_percent;
    a.products = {{"31001", "Fleet trackers", 5}, {"31002", "Cold chain, EU", 4}, {"31003", "Pumps", 3}};
    return a;
}

// Demo: usage from the daily model (runs out a few days after today, before the
// period ends; a spike; a device new and one gone since the last period).
ParticleSimAgreement modelAgreement(ParticleSimAgreement a) {
    a.usage_from_model = true;
    return a;
}

}  // namespace

ParticleSimConfig testParticleSimConfig() {
    ParticleSimConfig c;
    c.orgs = {{"64a1f0c2e4b0d97a55c3e210", "acme-fleet", "Acme Fleet", orgAgreement("4200", "Acme enterprise", 1, 72)},
              {"64a1f0c2e4b0d97a55c3e311", "beta-labs", "Beta Labs", orgAgreement("4300", "Beta basic", 15, 40)}};
    c.accounts = {
        {"user@example.com", "secret", false, false, {"64a1f0c2e4b0d97a55c3e210", "64a1f0c2e4b0d97a55c3e311"},
         sandboxAgreement("3117", 83)},
        {"mfa@example.com", "secret", true, false, {"64a1f0c2e4b0d97a55c3e210"}, sandboxAgreement("3118", 100)},
        {"solo@example.com", "secret", false, false, {}, sandboxAgreement("3119", 12)},
        {"sso@example.com", "", false, true, {"64a1f0c2e4b0d97a55c3e210"}, sandboxAgreement("3120", 0)},
    };
    return c;
}

ParticleSimConfig demoParticleSimConfig() {
    ParticleSimConfig c = testParticleSimConfig();
    c.download_base = "https://storage.demo.usagedesk.test";
    c.ready_after_seconds = 12;  // seen by the first check, 15 s after the request
    c.accounts = {
        {kDemoParticleEmail, kDemoParticlePassword, false, false, {"64a1f0c2e4b0d97a55c3e210", "64a1f0c2e4b0d97a55c3e311"},
         modelAgreement(sandboxAgreement("3117", 93))},
        {"mfa@usagedesk.test", "demo", true, false, {"64a1f0c2e4b0d97a55c3e210"}, sandboxAgreement("3118", 100)},
        {"sso@usagedesk.test", "", false, true, {}, sandboxAgreement("3120", 0)},
    };
    return c;
}

}  // namespace ud::core
