// ActivePlatformState as JSON for the browser test hook. Secrets only as booleans.
#include "app/state_json.h"
#include "app/table_view_json.h"

namespace ud::app {
namespace {

nlohmann::json jsonFromGroups(const std::vector<core::GroupTotal>& groups) {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& g : groups) j.push_back({{"key", g.key}, {"total", g.amounts.total.toString()}, {"lines", g.amounts.lines}});
    return j;
}

}  // namespace

nlohmann::json jsonFromActivePlatformState(const ActivePlatformState& state) {
    const auto& f = state.form;
    nlohmann::json j;
    j["form"] = {{"base_url", f.base_url},
                 {"subscription_id", f.subscription_id},
                 {"range_kind", f.range_kind == core::AnalyticsRangeKind::Days ? "days" : "billing_periods"},
                 {"date_from", f.date_from},
                 {"date_to", f.date_to},
                 {"period_from", f.period_from},
                 {"period_to", f.period_to}};
    j["token_present"] = !f.token.empty();
    j["remember_token"] = state.remember_token;
    j["form_revision"] = state.form_revision;
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& e : state.field_errors)
        errors.push_back({{"field", core::nameFromAnalyticsField(e.field)}, {"message", e.message}});
    j["field_errors"] = errors;
    j["show_field_errors"] = state.show_field_errors;
    j["busy"] = state.busy;
    j["answers"] = state.answers;
    if (state.error)
        j["error"] = {{"kind", core::nameFromErrorKind(state.error->kind)},
                      {"status", state.error->http_status},
                      {"message", state.error->message}};
    else
        j["error"] = nullptr;
    j["has_report"] = state.report.has_value();
    if (state.report) {
        j["subscription_id"] = state.report->subscription_id;
        j["table"] = jsonFromTableView(state.report->items, state.view);
    }
    j["fetched_label"] = state.fetched_label;
    nlohmann::json totals = nlohmann::json::array();
    for (const auto& c : state.totals.currencies)
        totals.push_back({{"currency", c.currency},
                          {"total", c.grand.total.toString()},
                          {"taxes", c.grand.taxes_total.toString()},
                          {"discounts", c.grand.discount_amount.toString()},
                          {"lines", c.grand.lines},
                          {"by_category", jsonFromGroups(c.by_category)}});
    j["totals"] = totals;
    j["daily_series"] = state.daily.size();
    nlohmann::json charts = nlohmann::json::array();
    for (const auto& d : state.daily)
        charts.push_back({{"currency", d.currency}, {"legend", core::legendLabels(core::viewFromDailySeries(d))}});
    j["chart"] = {{"top_n", state.chart_top_n}, {"series", charts}};
    j["empty_message"] = state.empty_message;
    if (state.retry_at >= 0)
        j["retry"] = {{"status", state.retry_status},
                      {"attempt", state.retry_attempt},
                      {"seconds_left", state.retry_seconds_left},
                      {"line", core::retryLineText(state.retry_status, state.retry_seconds_left, state.retry_attempt,
                                                   kActivePlatformMaxRetries)}};
    else
        j["retry"] = nullptr;
    j["message"] = state.message;
    j["warning"] = state.warning;
    j["last_export"] = {{"name", state.last_export_name}, {"bytes", state.last_export_bytes}};
    j["insights"] = jsonFromAnalyticsInsights(state);
    return j;
}

}  // namespace ud::app
