// Plain models for the Particle Cloud API (see shared/docs/particle-api.md):
// what the parsers produce and the builders take. Ids are kept as strings even
// where the API sends numbers (the doc marks id types uncertain).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/date.h"

namespace ud::core {

// Distinct id types so an agreement id and a report id cannot be swapped.
struct AgreementId {
    std::string value;
    friend bool operator==(const AgreementId&, const AgreementId&) = default;
};
struct ReportId {
    std::string value;
    friend bool operator==(const ReportId&, const ReportId&) = default;
};

// Sandbox (`/v1/user/...`) or an organization (`/v1/orgs/:idOrSlug/...`).
struct Scope {
    enum class Kind { Sandbox, Organization };
    Kind kind = Kind::Sandbox;
    std::string org;  // organization id or slug; empty for the sandbox

    static Scope sandbox() { return {}; }
    static Scope organization(std::string id_or_slug) { return {Kind::Organization, std::move(id_or_slug)}; }
    bool isSandbox() const { return kind == Kind::Sandbox; }
    std::string pathPrefix() const;  // "/v1/user" or "/v1/orgs/<encoded id>"
    std::string key() const;         // "sandbox" or "org:<id>", for storage and accounting
    friend bool operator==(const Scope&, const Scope&) = default;
};
std::optional<Scope> scopeFromKey(std::string_view key);

// A token from /oauth/token. expires_in_s is empty or 0 for "never expires".
struct AccessToken {
    std::string access_token;
    std::string token_type;
    std::optional<std::int64_t> expires_in_s;
    bool neverExpires() const { return !expires_in_s || *expires_in_s == 0; }
};

// The password grant either gives a token or asks for the MFA second step.
struct LoginOutcome {
    std::optional<AccessToken> token;
    std::string mfa_token;  // set when the account needs a one-time code
    bool needsOtp() const { return !token && !mfa_token.empty(); }
};

struct ParticleUser {
    std::string username;
    bool mfa_enabled = false;
};

// GET /v1/access_tokens/current. expires_at empty = never expires.
struct TokenInfo {
    std::optional<Timestamp> expires_at;
    std::string client;  // "client" or "client_id"
    std::vector<std::string> scopes;
};

struct Organization {
    std::string id;
    std::string slug;
    std::string name;
};

struct ServiceAgreement {
    AgreementId id;
    std::string name;
    std::string agreement_type;
    std::string state;  // "active", ...; may be empty
    DateRange current_billing_period;
    std::optional<Date> next_billing_period_start;
    // Usage so far (connectivity.all); -1 when absent.
    long long owned_devices = -1;
    long long billable_devices = -1;
    long long device_messages = -1;  // appears to be data operations (doc: unconfirmed)
    long long max_messages = -1;
    long long max_devices = -1;
};

enum class ReportType { Devices, Products };
const char* nameFromReportType(ReportType type);  // "devices" / "products"
std::optional<ReportType> reportTypeFromName(std::string_view name);

// What the user asks for; the optional filters are sent only when non-empty.
struct UsageReportSpec {
    ReportType type = ReportType::Devices;
    DateRange range;
    std::vector<std::string> devices;
    std::vector<std::string> products;
};

// How the client reads a report's state text (doc §5.2).
enum class ReportState { Pending, Available, Failed, Expired };
ReportState reportStateFromText(std::string_view state, bool has_download_url);

struct UsageReport {
    ReportId id;
    std::string state_text;  // as the server sent it ("pending", "available", ...)
    ReportState state = ReportState::Pending;
    std::string service_agreement_id;
    std::optional<DateRange> range;
    std::string report_type;
    std::optional<Timestamp> created_at;
    std::optional<Timestamp> expires_at;
    std::string download_url;  // secret: never log, show masked
};

struct UsageNotification {
    std::string id;
    std::string state;
    std::string event_name;  // falls back to details.event_type
    std::string event_type;
    std::string time_period;
    std::string created_at;  // shown verbatim
};

}  // namespace ud::core
