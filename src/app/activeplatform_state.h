// ActivePlatform daily analytics: settings, fetch, typed table, totals per currency (issue 7).
// State owned by the App, changed only by ActivePlatformController, read by the UI.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "app/table_view_state.h"
#include "core/activeplatform/activeplatform_api.h"
#include "core/activeplatform/activeplatform_forecast.h"
#include "core/activeplatform/activeplatform_parse.h"
#include "core/activeplatform/activeplatform_totals.h"
#include "core/base/result.h"
#include "core/table/chart_series.h"
#include "core/table/period_compare.h"
#include "core/table/spikes.h"

namespace ud::app {

// A 429, 502, 503 or 504 answer, or a network error, is fetched again by itself
// this many times (issue 7; the contract's retry list), on core's schedule:
// Retry-After when sent, else 1 s, 2 s, 4 s.
inline constexpr int kActivePlatformMaxRetries = 3;

// Storage key of the manager token, used only when the user ticks "remember".
inline constexpr const char* kActivePlatformTokenKey = "usagedesk.activeplatform.token";

// Two ranges side by side (issue 14): "this month against last month" or any
// two ranges, fetched with the form's token and subscription.
struct AnalyticsComparison {
    bool active = false;
    bool loading = false;
    core::DateRange earlier, later;
    std::string earlier_label, later_label;  // "2026-10-01 to 2026-10-31"
    std::optional<core::AnalyticsReport> earlier_report, later_report;
    std::string key = "category";  // category, subcategory, resource_group or resource_name
    std::optional<core::PeriodComparison> result;
    std::optional<core::Table> table;  // the result as a table (export, table widget)
    TableViewState view;
    std::vector<core::StackedSeries> charts;  // one per currency: days aligned from each range's first day
    std::optional<core::Error> error;
    std::string message;  // last export outcome
};

// The spike rule for ActivePlatform: a category's day over 3x its median day and at least 1.00.
inline constexpr long long kApSpikeFactor = 3;
inline constexpr long long kApSpikeMinimumCents = 100;

struct ActivePlatformState {
    // The form as last edited. `form.token` is in memory only (state JSON reports
    // it as present/absent); it reaches storage only with remember_token.
    core::AnalyticsForm form;
    bool remember_token = false;
    std::size_t form_revision = 0;  // bumped when the controller rewrites the form (presets, demo, saved token)
    bool show_field_errors = false; // after the first Fetch
    std::vector<core::FieldError> field_errors;

    bool busy = false;
    std::size_t answers = 0;  // answers handled so far (the test hook waits for the next one)
    std::optional<core::Error> error;  // the last fetch failed (earlier results stay)

    // Automatic retry (429/502/503/504, network): the countdown the panel shows, with Cancel.
    core::Timestamp retry_at = -1;  // when the next attempt is sent; -1 = none waiting
    int retry_attempt = 0;          // 1..kActivePlatformMaxRetries: the retry waiting or in flight
    int retry_seconds_left = 0;     // whole seconds to retry_at, kept current by the controller
    int retry_status = 0;           // the status being retried (429, 502, 503, 504; 0 = network)

    std::optional<core::AnalyticsReport> report;
    std::string fetched_label;         // "70112, 2024-05-01..2024-05-31"
    TableViewState view;
    core::CostTotals totals;
    std::vector<core::DailyCategorySeries> daily;
    std::size_t chart_top_n = core::kChartDefaultTopN;  // categories before "Other", as in the viewer's chart
    std::string empty_message;         // the answer had no items: said so, by name
    std::string message;               // last export outcome
    std::string warning;               // the remembered token: unreadable, newer, or not stored (shown by the form)
    std::string last_export_name;
    std::size_t last_export_bytes = 0;

    // Insights (issue 14) of the fetched report.
    std::optional<core::DateRange> fetched_range;  // the days asked for
    std::optional<core::ActivePlatformForecast> forecast;  // the month-end per currency
    std::optional<core::SpikeList> spikes;         // category days over the rule
    core::SpikeRule spike_rule;
    std::string spike_error;
    AnalyticsComparison compare;
};

}  // namespace ud::app
