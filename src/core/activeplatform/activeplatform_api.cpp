// ActivePlatform daily analytics: form validation, request building, error
// sentences and retry timing. Parsing a successful body is core/activeplatform/activeplatform_parse.cpp's job.
#include "core/activeplatform/activeplatform_api.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace ud::core {
namespace {

bool isAllDigits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool hasWhitespace(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    });
}

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::optional<std::string> baseUrlProblem(std::string_view base) {
    if (base.empty()) return "Enter the platform's base URL (for example https://cp.example.com or /ap/).";
    if (hasWhitespace(base)) return "The base URL must not contain spaces.";
    if (base.find('?') != std::string_view::npos || base.find('#') != std::string_view::npos)
        return "The base URL must not contain '?' or '#'.";
    bool absolute = startsWith(base, "http://") || startsWith(base, "https://");
    if (absolute && hostFromUrl(base).empty()) return "The base URL has no host name.";
    if (std::string clear = plainHttpProblem(base); !clear.empty()) return clear;
    if (!absolute && base.front() != '/')
        return "The base URL must start with http://, https:// or / (a path on this page's server).";
    return std::nullopt;
}

std::optional<YearMonth> checkPeriod(std::string_view text, AnalyticsField field, std::vector<FieldError>& errors) {
    if (text.empty()) {
        errors.push_back({field, "Enter a billing month as YYYY-MM."});
        return std::nullopt;
    }
    auto ym = yearMonthFromIso(text);
    if (!ym) errors.push_back({field, "\"" + std::string(text) + "\" is not a billing month in the form YYYY-MM."});
    return ym;
}

std::optional<Date> checkDate(std::string_view text, AnalyticsField field, std::vector<FieldError>& errors) {
    Result<Date> d = parseDateField(text);
    if (!d) {
        errors.push_back({field, d.error().message});
        return std::nullopt;
    }
    return d.value();
}

void checkDays(const AnalyticsForm& form, std::vector<FieldError>& errors) {
    auto from = checkDate(form.date_from, AnalyticsField::DateFrom, errors);
    auto to = checkDate(form.date_to, AnalyticsField::DateTo, errors);
    if (!from || !to) return;
    if (*to < *from) {
        errors.push_back({AnalyticsField::DateTo, "The last day comes before the first day."});
    } else if (daysBetween(*from, *to) + 1 > kMaxAnalyticsDays) {
        errors.push_back({AnalyticsField::DateTo, "The range is " + std::to_string(daysBetween(*from, *to) + 1) +
                                                      " days; choose at most " + std::to_string(kMaxAnalyticsDays) +
                                                      " days."});
    }
}

int monthsInclusive(YearMonth a, YearMonth b) { return (b.year - a.year) * 12 + (b.month - a.month) + 1; }

void checkPeriods(const AnalyticsForm& form, std::vector<FieldError>& errors) {
    auto from = checkPeriod(form.period_from, AnalyticsField::PeriodFrom, errors);
    auto to = checkPeriod(form.period_to, AnalyticsField::PeriodTo, errors);
    if (!from || !to) return;
    if (*to < *from) {
        errors.push_back({AnalyticsField::PeriodTo, "The last billing month comes before the first one."});
    } else if (monthsInclusive(*from, *to) > kMaxAnalyticsPeriods) {
        errors.push_back({AnalyticsField::PeriodTo, "The range is " + std::to_string(monthsInclusive(*from, *to)) +
                                                        " billing months; choose at most " +
                                                        std::to_string(kMaxAnalyticsPeriods) + "."});
    }
}

}  // namespace

const char* nameFromAnalyticsField(AnalyticsField field) {
    switch (field) {
        case AnalyticsField::BaseUrl: return "base_url";
        case AnalyticsField::Token: return "token";
        case AnalyticsField::SubscriptionId: return "subscription_id";
        case AnalyticsField::DateFrom: return "date_from";
        case AnalyticsField::DateTo: return "date_to";
        case AnalyticsField::PeriodFrom: return "period_from";
        case AnalyticsField::PeriodTo: return "period_to";
    }
    return "field";
}

std::vector<FieldError> fieldErrorsFromForm(const AnalyticsForm& form) {
    std::vector<FieldError> errors;
    if (auto problem = baseUrlProblem(form.base_url)) errors.push_back({AnalyticsField::BaseUrl, *problem});
    // The token is opaque (doc 3): only non-empty and free of whitespace.
    if (form.token.empty())
        errors.push_back({AnalyticsField::Token, "Enter the manager's API token."});
    else if (hasWhitespace(form.token))
        errors.push_back({AnalyticsField::Token, "The API token must not contain spaces or line breaks."});
    if (form.subscription_id.empty())
        errors.push_back({AnalyticsField::SubscriptionId, "Enter the subscription id."});
    else if (!isAllDigits(form.subscription_id) || form.subscription_id.size() > 18)
        errors.push_back({AnalyticsField::SubscriptionId, "The subscription id is a number (digits only)."});
    if (form.range_kind == AnalyticsRangeKind::Days)
        checkDays(form, errors);
    else
        checkPeriods(form, errors);
    return errors;
}

Result<AnalyticsQuery> analyticsQueryFromForm(const AnalyticsForm& form) {
    std::vector<FieldError> errors = fieldErrorsFromForm(form);
    if (!errors.empty()) {
        std::string message;
        for (const FieldError& e : errors) {
            if (!message.empty()) message += " ";
            message += std::string(nameFromAnalyticsField(e.field)) + ": " + e.message;
        }
        return makeError(ErrorKind::Validation, message);
    }
    AnalyticsQuery q;
    q.base_url = form.base_url;
    q.token = form.token;
    q.subscription_id = form.subscription_id;
    q.range_kind = form.range_kind;
    if (form.range_kind == AnalyticsRangeKind::Days) {
        q.days = {*dateFromIso(form.date_from), *dateFromIso(form.date_to)};
    } else {
        q.period_first = *yearMonthFromIso(form.period_from);
        q.period_last = *yearMonthFromIso(form.period_to);
    }
    return q;
}

HttpRequest analyticsDailyRequest(const AnalyticsQuery& query) {
    std::vector<std::pair<std::string, std::string>> params{{"subscription_id", query.subscription_id}};
    if (query.range_kind == AnalyticsRangeKind::Days) {
        params.emplace_back("date_from", isoFromDate(query.days.first));
        params.emplace_back("date_to", isoFromDate(query.days.last));
    } else {
        params.emplace_back("period_from", isoFromYearMonth(query.period_first));
        params.emplace_back("period_to", isoFromYearMonth(query.period_last));
    }
    HttpRequest r;
    r.method = "GET";
    r.url = joinUrl(query.base_url, kAnalyticsDailyPath) + "?" + formBody(params);
    // The doc requires Content-Type even on a GET (doc 4); it makes every call preflighted.
    r.headers = {{"X-Api-Token", query.token},
                 {"Accept", std::string(kActivePlatformMediaType)},
                 {"Content-Type", std::string(kActivePlatformMediaType)}};
    r.timeout_ms = kAnalyticsTimeoutMs;
    return r;
}

std::string hostForMessage(std::string_view url) {
    if (url.find("://") != std::string_view::npos) return hostFromUrl(url);
    std::string_view path = url.substr(0, url.find_first_of("?#"));
    std::size_t api = path.find("/api/v3/");
    std::string prefix(api == std::string_view::npos ? path : path.substr(0, api));
    return "this page's server (" + (prefix.empty() ? std::string("/") : prefix) + ")";
}

}  // namespace ud::core
