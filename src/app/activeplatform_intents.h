// What the user asks of the ActivePlatform section (imperative). The UI appends them;
// ActivePlatformController applies them in order once per frame.
#pragma once

#include <variant>

#include "app/table_view_state.h"
#include "core/activeplatform/activeplatform_api.h"

namespace ud::app {

enum class RangePreset { ThisMonth, LastMonth, Last30Days, ThisYear };

// The form as typed (every keystroke); the controller re-validates it.
struct EditAnalyticsForm { core::AnalyticsForm form; bool remember_token = false; };
struct ApplyRangePreset { RangePreset preset = RangePreset::LastMonth; };
struct FetchAnalytics {};
struct CancelAnalyticsRetry {};  // stop the automatic retry countdown after a 429/503
// Fills the form for the in-page simulated ActivePlatform and fetches (needs demo mode on).
struct TryActivePlatformDemo {};
struct ActivePlatformTableAction { TableAction action; };
struct ExportAnalyticsCsv {};

using ActivePlatformIntent = std::variant<EditAnalyticsForm, ApplyRangePreset, FetchAnalytics, TryActivePlatformDemo,
                                          ActivePlatformTableAction, ExportAnalyticsCsv, CancelAnalyticsRetry>;

}  // namespace ud::app
