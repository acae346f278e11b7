// Date-range presets, one set for every cloud. A "period" is whatever the
// cloud bills by: Particle's billing period, or the calendar month for
// ActivePlatform (calendarMonthOf). Ranges never reach past `today`.
#pragma once

#include "core/base/date.h"

namespace ud::core {

enum class RangePreset { ThisPeriod, LastPeriod, Last30Days, ThisYear };

// The month `day` falls in, as a period.
DateRange calendarMonthOf(Date day);
// Periods are monthly: the previous one ends the day before `period` starts.
DateRange rangeFromPreset(RangePreset preset, const DateRange& period, Date today);

}  // namespace ud::core
