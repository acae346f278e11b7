// ParticleSim, part 2: the scoped routes (service agreements, usage reports,
// notifications) and the download origin that serves report CSVs.
#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "sim/particle_sim.h"

namespace ud::core {

using nlohmann::json;
using namespace particle_sim_detail;

namespace {

constexpr Timestamp kDayMs = 24LL * 60 * 60 * 1000;
constexpr Timestamp kDownloadLifetimeMs = 7 * kDayMs;

HttpResponse classicError(int status, const std::string& message) {
    return jsonResponse(status, json{{"ok", false}, {"error", message}}.dump());
}

HttpResponse storageError(int status, const std::string& code, const std::string& message) {
    // Shaped like a cloud-storage (S3) answer: XML, not JSON.
    HttpResponse r;
    r.status = status;
    r.headers = {{"Content-Type", "application/xml"}};
    r.body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message +
             "</Message></Error>";
    return r;
}

json agreementIdJson(const std::string& id, bool numeric) {
    if (numeric && !id.empty() && id.find_first_not_of("0123456789") == std::string::npos && id.size() < 15)
        return json(std::stoll(id));
    return json(id);
}

json notificationsJson(const ParticleSimAgreement& a, Date today, std::uint64_t seed) {
    const DateRange period = billingPeriod(a, today);
    // Model agreements: each threshold on the day the running total reached it.
    auto modelDay = [&](int percent) -> std::optional<Date> {
        if (percent == 0) return period.first;
        return modelDayReaching(a, percent, today, seed);
    };
    struct Event {
        int day;
        const char* type;
        int min_percent;
    };
    const Event events[] = {{0, "automatic_unpause", 0},     {8, "usage_threshold_70", 70},
                            {15, "usage_threshold_90", 90},  {20, "usage_threshold_100", 100},
                            {20, "automatic_pause", 100}};
    json list = json::array();
    for (const Event& e : events) {
        Date day = addDays(period.first, e.day);
        if (a.usage_from_model) {
            auto reached = modelDay(e.min_percent);
            if (!reached) continue;
            day = *reached;
        } else if (a.usage_percent < e.min_percent || day > today) {
            continue;
        }
        std::string stamp = isoFromDate(day) + " 00:02:11 +0000";
        std::uint64_t h = mix(seed, static_cast<std::uint64_t>(daysFromDate(day)) * 31 + static_cast<std::uint64_t>(e.day + e.min_percent));
        char id[40];
        std::snprintf(id, sizeof id, "%08x-%04x-4%03x-9%03x-%012llx", static_cast<unsigned>(h >> 32),
                      static_cast<unsigned>(h & 0xffff), static_cast<unsigned>((h >> 16) & 0xfff),
                      static_cast<unsigned>((h >> 28) & 0xfff), static_cast<unsigned long long>(h & 0xffffffffffffULL));
        list.push_back({{"id", id}, {"type", "notification"}, {"attributes", {
            {"state", "completed"}, {"event_name", std::string("developer:usage_activity:") + e.type},
            {"time_period", isoFromDate(period.first)}, {"created_at", stamp}, {"updated_at", stamp},
            {"resource_id", a.id}, {"resource_type", "ServiceAgreement"},
            {"details", {{"event_type", e.type}, {"hierarchy_info", {{"name", e.type}, {"priority", 7}}},
                         {"next_billing_period_start", isoFromDate(addDays(period.last, 1))}}}}}});
    }
    return list;
}

json agreementJson(const ParticleSimAgreement& a, const std::string& owner_id, bool org, Date today, bool numeric,
                   std::uint64_t seed) {
    const DateRange period = billingPeriod(a, today);
    long long devices = 0;
    for (const auto& p : a.products) devices += p.devices;
    const long long messages =
        a.usage_from_model ? modelUsageSoFar(a, today, seed) : a.max_messages * a.usage_percent / 100;
    json usage = {{"owned_devices", devices}, {"billable_devices", devices}, {"device_data", 0}, {"device_messages", messages}};
    json zero = {{"owned_devices", 0}, {"billable_devices", 0}, {"device_data", 0}, {"device_messages", 0}};
    return {{"id", agreementIdJson(a.id, numeric)}, {"type", "service_agreement"}, {"attributes", {
        {"owner_id", owner_id}, {"owner_type", org ? "Organization" : "User"}, {"name", a.name},
        {"agreement_type", a.agreement_type}, {"duration", "monthly"}, {"state", "active"},
        {"starts_on", "2023-09-04"}, {"ends_on", nullptr},
        {"current_billing_period_start", isoFromDate(period.first)},
        {"current_billing_period_end", isoFromDate(period.last)},
        {"next_billing_period_start", isoFromDate(addDays(period.last, 1))},
        {"current_usage_summary", {{"device_limit_reached", false},
                                   {"connectivity", {{"all", usage}, {"wifi", usage}, {"cellular", zero}, {"asset_tracker", zero}}}}},
        {"pricing_terms", {{"rates", {{"pricing_model_version", "v2"}, {"all_platforms", {{"duration", "monthly"}, {"per_block", 0}}}}},
                           {"device", {{"name", "devices"}, {"duration", "monthly"}, {"max_devices", a.max_devices}}},
                           {"messaging", {{"name", "data_operations"}, {"duration", "monthly"}, {"max_messages", a.max_messages}}}}}}}};
}

}  // namespace

namespace particle_sim_detail {

DateRange billingPeriod(const ParticleSimAgreement& agreement, Date today) {
    const int day = std::clamp(agreement.billing_day, 1, 28);
    Date start{today.year, today.month, day};
    if (today.day < day) start = addMonths(start, -1);
    return {start, addDays(addMonths(start, 1), -1)};
}

}  // namespace particle_sim_detail

const ParticleSimAgreement* ParticleSim::agreementForScope(const std::string& scope_key) const {
    if (scope_key.rfind("sandbox:", 0) == 0) {
        const ParticleSimAccount* acct = account(scope_key.substr(8));
        return acct ? &acct->sandbox : nullptr;
    }
    for (const auto& org : config_.orgs)
        if ("org:" + org.id == scope_key) return &org.agreement;
    return nullptr;
}

HttpResponse ParticleSim::handleScoped(const HttpRequest& request, const Route& route, const std::string& email,
                                       Timestamp now) {
    const ParticleSimAccount* acct = account(email);
    if (!acct || !route.scope) return classicError(404, "Not found");
    std::string scope_key = "sandbox:" + email;
    std::string owner_id = "5d9e3b7a0c1f2e4d6b8a9c01";
    if (!route.scope->isSandbox()) {
        const ParticleSimOrg* org = nullptr;
        for (const auto& o : config_.orgs)
            if (o.id == route.scope->org || o.slug == route.scope->org) org = &o;
        if (!org) return classicError(404, "Organization not found");
        if (std::find(acct->org_ids.begin(), acct->org_ids.end(), org->id) == acct->org_ids.end())
            return classicError(403, "You do not have access to this organization");
        scope_key = "org:" + org->id;
        owner_id = org->id;
    }
    const ParticleSimAgreement* agreement = agreementForScope(scope_key);
    const Date today = dateFromTimestamp(simNow(now));
    if (route.name == "agreements") {
        json list = json::array({agreementJson(*agreement, owner_id, !route.scope->isSandbox(), today, config_.numeric_ids,
                                                config_.seed)});
        return jsonResponse(200, json{{"data", list}}.dump());
    }
    if (route.name == "report_status") return reportStatus(route, scope_key, now);
    if (route.rest.size() < 2 || route.rest[1] != agreement->id)
        return classicError(404, "Service agreement not found");
    if (route.name == "notifications")
        return jsonResponse(200, json{{"data", notificationsJson(*agreement, today, config_.seed)}}.dump());
    return createReport(request, scope_key, email, *agreement, now);
}

int ParticleSim::outstandingFor(const std::string& email, Timestamp now) {
    int n = 0;
    for (auto& [id, report] : reports_) {
        if (report.owner != email) continue;
        refreshReport(report, now, false);
        std::string state = reportStateName(report, now);
        if (state == "pending" || state == "processing") ++n;
    }
    return n;
}

HttpResponse ParticleSim::createReport(const HttpRequest& request, const std::string& scope_key, const std::string& email,
                                       const ParticleSimAgreement& agreement, Timestamp now) {
    json body = json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) return classicError(400, "The request body must be JSON");
    auto field = [&](const char* k) { return body.contains(k) && body[k].is_string() ? body[k].get<std::string>() : std::string(); };
    auto type = reportTypeFromName(field("report_type"));
    if (!type) return classicError(400, "report_type must be devices or products");
    auto first = dateFromIso(field("date_period_start"));
    auto last = dateFromIso(field("date_period_end"));
    if (!first) return classicError(400, "date_period_start must be a date in YYYY-MM-DD format");
    if (!last) return classicError(400, "date_period_end must be a date in YYYY-MM-DD format");
    if (*first > *last) return classicError(400, "date_period_start must be on or before date_period_end");
    const Date today = dateFromTimestamp(simNow(now));
    if (config_.reject_old_device_reports && *type == ReportType::Devices && *first < addMonths(today, -6))
        return classicError(400, "Metered device reports are limited to the last 6 months");
    if (outstandingFor(email, now) >= 3) {
        const std::string text = "You have reached the limit of 3 outstanding report requests. "
                                 "Wait for a report to finish before requesting another.";
        if (config_.limit_as_422)
            return jsonResponse(422, json{{"errors", json::array({{{"status", "422"}, {"title", "Unprocessable Entity"},
                                                                   {"detail", text}}})}}.dump());
        return jsonResponse(429, json{{"error", "too_many_outstanding_reports"}, {"error_description", text}}.dump());
    }
    Report r;
    r.id = std::to_string(next_report_id_++);
    r.owner = email;
    r.scope_key = scope_key;
    r.agreement_id = agreement.id;
    r.type = *type;
    r.range = {*first, *last};
    r.created = simNow(now);
    r.download_path = "/reports/" + randomHex(64) + "/usage_report_" + r.id + ".csv";
    refreshReport(r, now, false);
    reports_[r.id] = r;
    return jsonResponse(202, reportJson(r, now));
}

void ParticleSim::refreshReport(Report& report, Timestamp now, bool is_read) {
    const Timestamp t = simNow(now);
    if (is_read) ++report.reads;
    if (report.ready_at) return;
    if (config_.ready_after_seconds >= 0) {
        if (t >= report.created + config_.ready_after_seconds * 1000LL)
            report.ready_at = report.created + config_.ready_after_seconds * 1000LL;
    } else if (is_read && report.reads > config_.ready_after_reads) {
        report.ready_at = t;
    }
}

std::string ParticleSim::reportStateName(const Report& report, Timestamp now) const {
    const Timestamp t = simNow(now);
    if (!report.ready_at || t < *report.ready_at)
        return config_.processing_state && report.reads > 0 ? "processing" : "pending";
    if (config_.fail_reports) return "failed";
    if (t >= *report.ready_at + kDownloadLifetimeMs) return "expired";
    return "available";
}

std::string ParticleSim::reportJson(const Report& report, Timestamp now) const {
    const std::string state = reportStateName(report, now);
    const bool available = state == "available";
    const ParticleSimAccount* acct = account(report.owner);
    json attrs = {{config_.status_key ? "status" : "state", state},
                  {"service_agreement_id", agreementIdJson(report.agreement_id, true)},
                  {"date_period_start", isoFromDate(report.range.first)},
                  {"date_period_end", isoFromDate(report.range.last)},
                  {"created_at", rubyFromTimestamp(report.created)},
                  {"report_type", nameFromReportType(report.type)},
                  {"report_params", {{"devices", json::array()}, {"products", json::array()},
                                     {"recipient_list", json::array({acct ? acct->email : report.owner})}}}};
    attrs["expires_at"] = available ? json(rubyFromTimestamp(*report.ready_at + kDownloadLifetimeMs)) : json(nullptr);
    attrs["download_url"] = available ? json(joinUrl(config_.download_base, report.download_path)) : json(nullptr);
    return json{{"data", {{"id", report.id}, {"type", "usage_report"}, {"attributes", attrs}}}}.dump();
}

HttpResponse ParticleSim::reportStatus(const Route& route, const std::string& scope_key, Timestamp now) {
    auto it = reports_.find(route.rest.size() == 2 ? route.rest[1] : std::string());
    if (it == reports_.end() || it->second.scope_key != scope_key) return classicError(404, "Not found");
    refreshReport(it->second, now, true);
    return jsonResponse(200, reportJson(it->second, now));
}

std::string ParticleSim::reportCsv(std::string_view id) const {
    auto it = reports_.find(id);
    if (it == reports_.end()) return {};
    const ParticleSimAgreement* agreement = agreementForScope(it->second.scope_key);
    if (!agreement) return {};
    // Model agreements share one seed, so every report agrees with the counter.
    const std::uint64_t seed =
        agreement->usage_from_model ? config_.seed : mix(config_.seed, std::stoull(it->second.id));
    return reportCsvText(*agreement, it->second.scope_key, it->second.type, it->second.range, seed,
                         config_.csv_variant, dateFromTimestamp(it->second.created));
}

HttpResponse ParticleSim::handleDownload(const HttpRequest& request, const Route& route, Timestamp now) {
    // Pre-signed storage URLs refuse a second auth mechanism; also catches token leaks.
    if (!headerValue(request.headers, "Authorization").empty())
        return storageError(400, "InvalidArgument", "Only one auth mechanism allowed");
    for (auto& [id, report] : reports_) {
        if (report.download_path != route.path) continue;
        const std::string state = reportStateName(report, now);
        if (state == "expired") return storageError(403, "AccessDenied", "Request has expired");
        if (state != "available") break;
        HttpResponse r;
        r.status = 200;
        r.headers = {{"Content-Type", "text/csv"},
                     {"Content-Disposition", "attachment; filename=\"usage_report_" + id + ".csv\""}};
        r.body = reportCsv(id);
        return r;
    }
    return storageError(404, "NoSuchKey", "The specified key does not exist.");
}

}  // namespace ud::core
