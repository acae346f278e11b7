// ParticleSim, part 3: realistic report CSV bodies (devices x days, or products
// x days) generated from a seed, so the same report always has the same bytes.
// The column layout is the fake's choice (the real one is undocumented); the
// variant switch (Title Case, BOM, CRLF, quoted commas) checks that the CSV
// reader works from the header row.
#include <algorithm>
#include <cstdio>

#include "sim/particle_sim.h"

namespace ud::core::particle_sim_detail {
namespace {

struct ParticleSimDevice {
    std::string id;    // 24 hex characters, like a Particle device id
    std::string name;
    const ParticleSimProduct* product;
};

// FNV-1a: the same on every standard library (std::hash is not).
std::uint64_t textHash(const std::string& text) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : text) h = (h ^ c) * 1099511628211ULL;
    return h;
}

std::vector<ParticleSimDevice> devicesOf(const ParticleSimAgreement& agreement, const std::string& scope_key, bool variant) {
    std::vector<ParticleSimDevice> out;
    std::uint64_t base = mix(0x5eed, textHash(scope_key));
    int n = 0;
    for (const auto& product : agreement.products)
        for (int i = 0; i < product.devices; ++i, ++n) {
            std::uint64_t a = mix(base, static_cast<std::uint64_t>(n) * 2);
            std::uint64_t b = mix(base, static_cast<std::uint64_t>(n) * 2 + 1);
            char id[32];
            std::snprintf(id, sizeof id, "%016llx%08llx", static_cast<unsigned long long>(a),
                          static_cast<unsigned long long>(b & 0xffffffffULL));
            char name[64];
            std::snprintf(name, sizeof name, variant ? "sensor, bay %02d" : "sensor-%02d", n + 1);
            out.push_back({id, name, &product});
        }
    return out;
}

std::string cell(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    return out + "\"";
}

}  // namespace

std::string reportCsvText(const ParticleSimAgreement& agreement, const std::string& scope_key, ReportType type,
                          const DateRange& range, std::uint64_t seed, bool variant, Date today) {
    const std::string eol = variant ? "\r\n" : "\n";
    std::string out = variant ? "\xEF\xBB\xBF" : "";
    const bool devices = type == ReportType::Devices;
    if (devices)
        out += variant ? "Date,Device ID,Device Name,Product ID,Product Name,Data Operations"
                       : "date,device_id,device_name,product_id,product_name,data_operations";
    else
        out += variant ? "Date,Product ID,Product Name,Data Operations" : "date,product_id,product_name,data_operations";
    out += eol;
    const auto fleet = devicesOf(agreement, scope_key, variant);
    // Cap the generated span: a fake answer need not be years long.
    const std::int64_t days = std::min<std::int64_t>(daysBetween(range.first, range.last) + 1, 400);
    const bool model = agreement.usage_from_model;
    for (std::int64_t d = 0; d < days; ++d) {
        const Date day = addDays(range.first, d);
        if (model && day > today) break;  // a model report ends on the day it was made
        const std::string date = isoFromDate(day);
        std::vector<long long> per_product(agreement.products.size(), 0);
        const std::vector<long long> model_ops =
            model ? modelDeviceOps(agreement, fleet.size(), day, today, seed) : std::vector<long long>{};
        for (std::size_t i = 0; i < fleet.size(); ++i) {
            if (model && modelDeviceAbsent(agreement, fleet.size(), i, day, today)) continue;
            std::uint64_t h = mix(seed, static_cast<std::uint64_t>(daysFromDate(day)) * 1000 + i);
            long long ops = static_cast<long long>(h % 4000);
            if (h % 7 == 0) ops = 0;  // some devices are offline some days
            if (model) ops = model_ops[i];
            per_product[static_cast<std::size_t>(fleet[i].product - agreement.products.data())] += ops;
            if (devices)
                out += date + "," + fleet[i].id + "," + cell(fleet[i].name) + "," + fleet[i].product->id + "," +
                       cell(fleet[i].product->name) + "," + std::to_string(ops) + eol;
        }
        if (!devices)
            for (std::size_t p = 0; p < agreement.products.size(); ++p)
                out += date + "," + agreement.products[p].id + "," + cell(agreement.products[p].name) + "," +
                       std::to_string(per_product[p]) + eol;
    }
    return out;
}

}  // namespace ud::core::particle_sim_detail
