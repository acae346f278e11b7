// Date-range presets (see range_preset.h).
#include "core/base/range_preset.h"

#include <algorithm>

namespace ud::core {

DateRange calendarMonthOf(Date day) { return {firstOfMonth(day), lastOfMonth(day)}; }

DateRange rangeFromPreset(RangePreset preset, const DateRange& period, Date today) {
    switch (preset) {
        case RangePreset::ThisPeriod: {
            Date last = std::min(period.last, today);
            return {std::min(period.first, last), last};
        }
        case RangePreset::LastPeriod: {
            Date last = std::min(addDays(period.first, -1), today);
            return {std::min(addMonths(period.first, -1), last), last};
        }
        case RangePreset::Last30Days: return {addDays(today, -29), today};
        case RangePreset::ThisYear: return {Date{today.year, 1, 1}, today};
    }
    return {today, today};
}

}  // namespace ud::core
