// ActivePlatform reseller API v3, daily analytics: the form the user fills in,
// its validation (per field, before anything is sent), the request builder,
// and the mapping of an HTTP answer to an Error sentence (retries: core/base/retry.h).
// The response body itself is read by core/activeplatform/activeplatform_parse.h.
// API notes: shared/docs/activeplatform-api.md (sections 3-8).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/date.h"
#include "core/base/http.h"
#include "core/base/result.h"

namespace ud::core {

inline constexpr std::string_view kActivePlatformMediaType = "application/vnd.api+json";
inline constexpr std::string_view kAnalyticsDailyPath = "/api/v3/analytics_daily";
// The API documents no maximum range; the fake server's default limits (366 days,
// 12 billing periods) are what we check locally so the user hears it before sending.
inline constexpr int kMaxAnalyticsDays = 366;
inline constexpr int kMaxAnalyticsPeriods = 12;
// A year of a big subscription can take a while to render on the server.
inline constexpr int kAnalyticsTimeoutMs = 120000;

// Which query pair the user chose. Exactly one pair is ever sent (doc 5.1).
enum class AnalyticsRangeKind { Days, BillingPeriods };

// What the user typed, as text, so validation can explain each field.
struct AnalyticsForm {
    std::string base_url;         // "https://cp.example.com" or a same-origin proxy path "/ap/"
    std::string token;            // manager API token; only ever sent in X-Api-Token
    std::string subscription_id;  // digits
    AnalyticsRangeKind range_kind = AnalyticsRangeKind::Days;
    std::string date_from;        // YYYY-MM-DD (Days)
    std::string date_to;          // YYYY-MM-DD, inclusive (Days)
    std::string period_from;      // YYYY-MM (BillingPeriods)
    std::string period_to;        // YYYY-MM, inclusive (BillingPeriods)
};

enum class AnalyticsField { BaseUrl, Token, SubscriptionId, DateFrom, DateTo, PeriodFrom, PeriodTo };
const char* nameFromAnalyticsField(AnalyticsField field);  // "date_from", ... for messages and tests

struct FieldError {
    AnalyticsField field;
    std::string message;  // shown beside that field
};

// A checked query: every member is known valid.
struct AnalyticsQuery {
    std::string base_url;
    std::string token;
    std::string subscription_id;
    AnalyticsRangeKind range_kind = AnalyticsRangeKind::Days;
    DateRange days;            // when range_kind == Days
    YearMonth period_first;    // when range_kind == BillingPeriods
    YearMonth period_last;
};

// Every problem with the form, one entry per field (empty = fine).
std::vector<FieldError> fieldErrorsFromForm(const AnalyticsForm& form);
// The checked query, or a Validation error whose message lists the field problems.
Result<AnalyticsQuery> analyticsQueryFromForm(const AnalyticsForm& form);

// GET {base}/api/v3/analytics_daily?subscription_id=..&date_from=..&date_to=..
// (or period_from/period_to) with X-Api-Token, Accept and Content-Type.
HttpRequest analyticsDailyRequest(const AnalyticsQuery& query);

// "could not reach cp.example.com" / "this page's server (/ap)".
std::string hostForMessage(std::string_view url);

// A non-2xx answer (or no answer, status 0) as the sentence the user reads.
// `url` is the request URL (for the host in network errors; never holds a token).
Error errorFromAnalyticsResponse(const HttpResponse& response, std::string_view url);

// The countdown line while a retry waits: "Rate limited by the server; retrying
// in 3 s (attempt 1 of 3)". `status` 0 is a network error.
std::string retryLineText(int status, int seconds_left, int attempt, int max_attempts);

}  // namespace ud::core
