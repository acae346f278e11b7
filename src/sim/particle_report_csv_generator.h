// Deterministic report-shaped CSV for tests, benchmarks, the fake servers and
// the page's demo mode: the same seed gives the same bytes on every platform.
// Layout (Particle-like, one row per device per day):
//   date,device_id,device_name,product_id,product_name,data_operations
// Some device names need quoting (commas, doubled quotes) and product names
// are partly non-ASCII, so every consumer exercises the quoting paths.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/base/date.h"

namespace ud::core {

struct ReportCsvOptions {
    std::size_t rows = 1000;        // data rows, header not counted
    std::uint64_t seed = 1;
    std::size_t devices = 0;        // devices reporting each day; 0 = about rows / 30
    std::size_t products = 6;
    Date first_day{2024, 1, 1};
    bool crlf = false;              // line ends: "\r\n" instead of "\n"
};

std::string reportCsvFromSeed(const ReportCsvOptions& options);

}  // namespace ud::core
