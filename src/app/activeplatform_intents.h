// What the user asks of the ActivePlatform section (imperative). The UI appends them;
// ActivePlatformController applies them in order once per frame.
#pragma once

#include <cstddef>
#include <variant>

#include "app/table_view_state.h"
#include "core/activeplatform/activeplatform_api.h"
#include "core/base/range_preset.h"

namespace ud::app {

// The form as typed (every keystroke); the controller re-validates it.
struct EditAnalyticsForm { core::AnalyticsForm form; bool remember_token = false; };
// Presets over calendar months: ThisPeriod is this month, LastPeriod last month.
struct ApplyRangePreset { core::RangePreset preset = core::RangePreset::LastPeriod; };
struct FetchAnalytics {};
struct CancelAnalyticsRetry {};  // stop the automatic retry countdown after a 429/503
// Fills the form for the in-page simulated ActivePlatform and fetches (needs demo mode on).
struct TryActivePlatformDemo {};
struct ActivePlatformTableAction { TableAction action; };
struct ExportAnalyticsCsv {};
// How many categories the daily chart shows before "Other" (1..core::kChartMaxTopN).
struct SetAnalyticsChartTopN { std::size_t top_n = 8; };

// Insights (issue 14).
struct CompareThisMonthWithLast {};  // two requests: last month and this month so far
// Any two ranges (the form's subscription and token); `earlier` is shown as "before".
struct CompareAnalyticsRanges { core::DateRange earlier, later; };
struct SetComparisonKey { std::string key; };  // category, subcategory, resource_group, resource_name
struct CloseComparison {};
struct ComparisonTableAction { TableAction action; };
struct ExportComparisonCsv {};
// Filters the items table to a spike's currency, category and day (index into state.spikes).
struct ShowSpike { std::size_t index = 0; };

using ActivePlatformIntent =
    std::variant<EditAnalyticsForm, ApplyRangePreset, FetchAnalytics, TryActivePlatformDemo, ActivePlatformTableAction,
                 ExportAnalyticsCsv, CancelAnalyticsRetry, CompareThisMonthWithLast, CompareAnalyticsRanges,
                 SetComparisonKey, CloseComparison, ComparisonTableAction, ExportComparisonCsv, ShowSpike,
                 SetAnalyticsChartTopN>;

}  // namespace ud::app
