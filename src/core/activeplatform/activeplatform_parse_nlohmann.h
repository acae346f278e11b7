// The daily analytics answer read through nlohmann's SAX parser: the reference
// the hand-written scanner (analyticsReportFromJson) is checked against, by
// the differential test and the fuzz target. The app does not use it.
#pragma once

#include <string_view>

#include "core/activeplatform/activeplatform_parse.h"

namespace ud::core {

// Same contract as analyticsReportFromJson; JSON syntax errors carry
// nlohmann's wording instead of the scanner's.
Result<AnalyticsReport> analyticsReportFromJsonNlohmann(std::string_view body);

}  // namespace ud::core
