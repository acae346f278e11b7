// ReportRecord <-> stored JSON, validated field by field (see the header).
#include "core/particle/particle_report_records.h"

#include <nlohmann/json.hpp>

#include "core/base/stored_fields.h"

namespace ud::core {
namespace {

using nlohmann::json;
constexpr std::int64_t kMaxCount = 1000000;  // attempts, failures: far above any real run

json jsonFromRecord(const ReportRecord& r) {
    json j = {{"v", kReportRecordVersion},
              {"id", r.id.value},
              {"scope", r.scope.key()},
              {"agreement", r.agreement.value},
              {"type", nameFromReportType(r.type)},
              {"start", isoFromDate(r.range.first)},
              {"end", isoFromDate(r.range.last)},
              {"requested_at", r.requested_at},
              {"phase", nameFromReportPhase(r.phase)},
              {"next_check", r.next_check},
              {"attempts", r.attempts},
              {"network_failures", r.network_failures},
              {"message", r.message}};
    j["expires_at"] = r.expires_at ? json(*r.expires_at) : json(nullptr);
    if (!r.poll_owner.empty()) {
        j["poll_owner"] = r.poll_owner;
        j["poll_until"] = r.poll_until;
    }
    if (!r.devices.empty()) j["devices"] = r.devices;  // optional keys: older records have none
    if (!r.products.empty()) j["products"] = r.products;
    return j;
}

// An optional list of texts (a request's filters); anything else is a problem.
std::vector<std::string> textList(const json& j, const char* key, StoredFields& f) {
    std::vector<std::string> out;
    if (!j.is_object() || !j.contains(key)) return out;
    const json& list = j[key];
    if (!list.is_array()) {
        f.fail(std::string("'") + key + "' is not a list");
        return out;
    }
    for (const json& item : list) {
        if (!item.is_string()) {
            f.fail(std::string("'") + key + "' holds something other than text");
            return {};
        }
        out.push_back(item.get<std::string>());
    }
    return out;
}

// The record, or the reason it cannot be used. Checks every field: a wrong type
// or an out-of-range number drops the record instead of guessing.
Result<ReportRecord> recordFromFields(const json& j) {
    auto bad = [](const std::string& what) { return makeError(ErrorKind::Parse, what); };
    StoredFields f(j);
    ReportRecord r;
    r.id.value = f.text("id");
    const std::string scope_key = f.text("scope", true);
    const std::string type_name = f.text("type", true);
    const std::string start = f.text("start", true);
    const std::string end = f.text("end", true);
    const std::string phase_name = f.text("phase", true);
    r.agreement.value = f.text("agreement");
    r.requested_at = f.integer("requested_at", 0, kMaxStoredTimestamp, true);
    r.next_check = f.integer("next_check", 0, kMaxStoredTimestamp);
    r.attempts = static_cast<int>(f.integer("attempts", 0, kMaxCount));
    r.network_failures = static_cast<int>(f.integer("network_failures", 0, kMaxCount));
    r.expires_at = f.optionalInteger("expires_at", 0, kMaxStoredTimestamp);
    r.message = f.text("message");
    r.poll_owner = f.text("poll_owner");
    r.poll_until = f.integer("poll_until", 0, kMaxStoredTimestamp);
    r.devices = textList(j, "devices", f);
    r.products = textList(j, "products", f);
    if (!f.ok()) return bad(f.problem());
    auto scope = scopeFromKey(scope_key);
    auto type = reportTypeFromName(type_name);
    auto first = dateFromIso(start);
    auto last = dateFromIso(end);
    auto phase = reportPhaseFromName(phase_name);
    if (!scope) return bad("unknown scope");
    if (!type) return bad("unknown report type");
    if (!first || !last || *last < *first) return bad("bad dates");
    if (!phase) return bad("unknown state");
    if (r.id.value.empty() && *phase != ReportPhase::Requested && *phase != ReportPhase::Uncertain)
        return bad("no report id");
    r.scope = *scope;
    r.type = *type;
    r.range = {*first, *last};
    r.phase = *phase;
    return r;
}

// "report 12 (devices, 2026-06-01..2026-06-30)" or "a saved report" when even that is unreadable.
std::string recordName(const json& j) {
    StoredFields f(j);
    const std::string id = f.text("id");
    std::string name = id.empty() ? "a saved report" : "report " + id;
    const std::string start = f.text("start"), end = f.text("end");
    if (f.ok() && !start.empty() && !end.empty() && start.size() <= 10 && end.size() <= 10)
        name += " (" + start + " to " + end + ")";
    return name.size() > 80 ? name.substr(0, 80) + "..." : name;
}

}  // namespace

std::string jsonFromReportRecord(const ReportRecord& record) { return storedJsonText(jsonFromRecord(record)); }

Result<ReportRecord> reportRecordFromJson(std::string_view text) {
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded()) return makeError(ErrorKind::Parse, "not JSON");
    return recordFromFields(j);
}

StoredReports storedReportsFromJson(std::string_view text) {
    StoredReports out;
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        out.dropped.push_back("the saved list (not JSON)");
        return out;
    }
    StoredFields list(j);
    if (list.version() > kReportRecordVersion) {
        out.newer_list = true;
        return out;
    }
    auto items = j.find("reports");
    if (!list.ok() || items == j.end() || !items->is_array()) {
        out.dropped.push_back("the saved list (" + (list.ok() ? std::string("no 'reports' list") : list.problem()) + ")");
        return out;
    }
    if (auto gone = j.find("forgotten"); gone != j.end() && gone->is_array())
        for (const json& key : *gone)
            if (key.is_string()) out.forgotten.push_back(key.get<std::string>());
    for (const json& item : *items) {
        StoredFields f(item);
        if (f.version() > kReportRecordVersion && f.ok()) {
            out.newer.push_back(storedJsonText(item));
            continue;
        }
        auto r = f.ok() ? recordFromFields(item) : Result<ReportRecord>(makeError(ErrorKind::Parse, f.problem()));
        if (r)
            out.records.push_back(std::move(r.value()));
        else
            out.dropped.push_back(recordName(item) + ": " + r.error().message);
    }
    return out;
}

std::string jsonFromStoredReports(const std::vector<ReportRecord>& records, const std::vector<std::string>& newer,
                                  const std::vector<std::string>& forgotten) {
    json list = json::array();
    for (const auto& r : records) list.push_back(jsonFromRecord(r));
    for (const auto& text : newer) {
        json j = json::parse(text, nullptr, false);
        if (!j.is_discarded()) list.push_back(std::move(j));
    }
    json j = {{"v", kReportRecordVersion}, {"reports", list}};
    constexpr std::size_t kKeepForgotten = 200;
    if (!forgotten.empty()) {
        const std::size_t from = forgotten.size() > kKeepForgotten ? forgotten.size() - kKeepForgotten : 0;
        j["forgotten"] = std::vector<std::string>(forgotten.begin() + static_cast<std::ptrdiff_t>(from), forgotten.end());
    }
    return storedJsonText(j);
}

std::string reportKey(const ReportRecord& r) {
    // Not the id: a report has none until the POST is answered, in one tab only.
    return r.scope.key() + "|" + std::to_string(r.requested_at) + "|" + nameFromReportType(r.type) + "|" +
           isoFromDate(r.range.first) + "|" + isoFromDate(r.range.last);
}

bool knowsMore(const ReportRecord& theirs, const ReportRecord& mine) {
    // Uncertain (a tab reloaded over another's request in flight) knows less
    // than the Pending that the request's own tab saves when the answer comes.
    auto rank = [](ReportPhase p) {
        switch (p) {
            case ReportPhase::Requested: return 0;
            case ReportPhase::Uncertain: return 1;
            case ReportPhase::Pending:
            case ReportPhase::SignedOut: return 2;
            case ReportPhase::Expired: return 4;
            default: return 3;  // Available, Failed, TimedOut: the answer is in
        }
    };
    if (rank(theirs.phase) != rank(mine.phase)) return rank(theirs.phase) > rank(mine.phase);
    return theirs.attempts > mine.attempts;
}

std::string droppedReportsNotice(const StoredReports& stored) {
    if (stored.dropped.empty()) return {};
    const std::size_t n = stored.dropped.size();
    std::string out = n == 1 ? "1 saved report could not be read and was dropped: "
                             : std::to_string(n) + " saved reports could not be read and were dropped: ";
    for (std::size_t i = 0; i < n && i < 3; ++i) out += (i ? "; " : "") + stored.dropped[i];
    if (n > 3) out += "; and " + std::to_string(n - 3) + " more";
    return out + ".";
}

}  // namespace ud::core
