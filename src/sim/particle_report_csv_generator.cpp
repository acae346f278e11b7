// The report-shaped CSV generator (see sim/particle_report_csv_generator.h). Writes into
// one reserved string with no per-row allocation so 1M rows take milliseconds.
#include "sim/particle_report_csv_generator.h"

#include <algorithm>
#include <vector>

#include "core/table/cell_text.h"
#include "core/table/csv_writer.h"

namespace ud::core {
namespace {

// splitmix64: tiny, fast, and identical everywhere (std:: distributions are not).
struct SplitMix64 {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::uint64_t below(std::uint64_t n) { return next() % n; }
};

constexpr const char* kProductNames[] = {"Tracker One", "Boron LTE fleet", "Café sensors",
                                         "Pumps, north", "Argon \"beta\"", "Monitor One"};

void appendHex24(std::string& out, std::uint64_t a, std::uint64_t b) {
    static constexpr char kHex[] = "0123456789abcdef";
    for (int i = 0; i < 16; ++i) out.push_back(kHex[(a >> (60 - 4 * i)) & 0xF]);
    for (int i = 0; i < 8; ++i) out.push_back(kHex[(b >> (28 - 4 * i)) & 0xF]);
}

struct Device {
    std::string id;
    std::string name;
    std::size_t product = 0;
    std::uint64_t typical_ops = 0;  // each device has its own usage level
};

std::vector<Device> makeDevices(std::size_t count, std::size_t products, SplitMix64& rng) {
    std::vector<Device> devices(count);
    for (std::size_t i = 0; i < count; ++i) {
        Device& d = devices[i];
        appendHex24(d.id, rng.next(), rng.next());
        d.name = i % 50 == 7 ? "pump \"" + std::to_string(i) + "\", north" : "sensor-" + std::to_string(i);
        d.product = static_cast<std::size_t>(rng.below(products));
        d.typical_ops = 10 + rng.below(rng.below(4) == 0 ? 20000 : 800);
    }
    return devices;
}

}  // namespace

std::string reportCsvFromSeed(const ReportCsvOptions& options) {
    SplitMix64 rng{options.seed};
    std::size_t device_count = options.devices ? options.devices : std::max<std::size_t>(1, options.rows / 30);
    std::size_t product_count = std::clamp<std::size_t>(options.products, 1, std::size(kProductNames));
    std::vector<Device> devices = makeDevices(device_count, product_count, rng);
    const char* eol = options.crlf ? "\r\n" : "\n";
    std::string out;
    out.reserve(64 + options.rows * 80);
    out += "date,device_id,device_name,product_id,product_name,data_operations";
    out += eol;
    std::int32_t first = static_cast<std::int32_t>(daysFromDate(options.first_day));
    for (std::size_t row = 0; row < options.rows; ++row) {
        const Device& d = devices[row % device_count];
        appendIsoDate(out, first + static_cast<std::int32_t>(row / device_count));
        out.push_back(',');
        out += d.id;
        out.push_back(',');
        appendCsvField(out, d.name);
        out.push_back(',');
        appendInteger(out, static_cast<std::int64_t>(10000 + d.product * 7));
        out.push_back(',');
        appendCsvField(out, kProductNames[d.product]);
        out.push_back(',');
        // Some days a device is idle; otherwise usage varies around its level.
        std::uint64_t ops = rng.below(10) == 0 ? 0 : d.typical_ops / 2 + rng.below(d.typical_ops + 1);
        appendInteger(out, static_cast<std::int64_t>(ops));
        out += eol;
    }
    return out;
}

}  // namespace ud::core
