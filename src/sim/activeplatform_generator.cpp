// Deterministic daily analytics lines and the JSON answer body that carries
// them, written straight into one string (a year of the large preset is ~60 MB).
#include "sim/activeplatform_generator.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <string_view>

namespace ud::core {
namespace {

enum class Usage { Hours, Monthly, Daily, Gigabytes, TenThousandOps };

struct ResourceTemplate {
    std::string_view category, subcategory, resource_name, unit;
    std::int64_t price_micros;
    Usage usage;
};

// Names follow the documented example (doc 5.4 and S1) so the demo looks real.
constexpr std::array<ResourceTemplate, 14> kTemplates{{
    {"Virtual Machines", "Virtual Machines BS Series", "B4ms", "1 Hour", 301280, Usage::Hours},
    {"Virtual Machines", "Virtual Machines D Series Windows", "D2/DS2", "1 Hour", 353920, Usage::Hours},
    {"Storage", "Premium SSD Managed Disks", "P4 LRS Disk", "1/Month", 10215072, Usage::Monthly},
    {"Storage", "Managed Disks", "E10 LRS Disk", "1/Month", 9600000, Usage::Monthly},
    {"Storage", "General Block Blob", "LRS Write Operations", "10K", 5400, Usage::TenThousandOps},
    {"Storage", "General Block Blob", "LRS List and Create Container Operations", "10K", 403, Usage::TenThousandOps},
    {"Bandwidth", "Rtn Preference: MGN", "Standard Data Transfer In", "1 GB", 0, Usage::Gigabytes},
    {"Bandwidth", "Rtn Preference: MGN", "Standard Data Transfer Out", "1 GB", 87000, Usage::Gigabytes},
    {"Virtual Network", "IP Addresses", "Basic IPv4 Dynamic Public IP", "1 Hour", 4480, Usage::Hours},
    {"VPN Gateway", "VPN Standard Gateway", "Standard Gateway", "1 Hour", 212800, Usage::Hours},
    {"Azure App Service", "Azure App Service Standard Plan", "S1 App", "1 Hour", 136640, Usage::Hours},
    {"SQL Database", "SQL Database Single Standard", "S0 DTUs", "1/Day", 484000, Usage::Daily},
    {"Backup", "Backup", "Azure VM Protected Instances", "1/Month", 10000000, Usage::Monthly},
    {"Backup", "Backup", "GRS Data Stored", "1 GB", 45600, Usage::Gigabytes},
}};
constexpr std::array<std::string_view, 6> kGroups{"rgLan", "RGLAN", "rg-web", "RG-Web", "rgportalprd", "rg-data"};
constexpr std::array<std::string_view, 5> kRegions{"EU West", "EU North", "BR South", "US East", ""};
constexpr std::array<std::string_view, 3> kTags{"", "\"env: prod\"", "\"env: test\",\"team: web\""};
constexpr std::size_t kVariants = 3;  // each template appears in 3 resource groups/regions
constexpr std::size_t kResources = kTemplates.size() * kVariants;

std::uint64_t splitmix(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// a / b rounded half away from zero (b > 0).
std::int64_t roundDiv(std::int64_t a, std::int64_t b) { return a >= 0 ? (a + b / 2) / b : -((-a + b / 2) / b); }

struct Line {
    std::size_t resource;
    std::int64_t days, billed_days;
    std::int64_t price, duration, discount, total, taxes;  // micro-units
};

std::int64_t durationMicros(Usage usage, std::uint64_t r) {
    switch (usage) {
        case Usage::Hours: return (r % 4 == 0) ? static_cast<std::int64_t>(r % 24000000) : 1000000 * static_cast<std::int64_t>(1 + r % 24);
        case Usage::Monthly: return 33333;  // one day of a monthly price
        case Usage::Daily: return 1000000;
        case Usage::Gigabytes: return static_cast<std::int64_t>(r % 5000000);
        case Usage::TenThousandOps: return static_cast<std::int64_t>(r % 20000);
    }
    return 0;
}

constexpr std::int64_t kDemoSpikeCycle = 23, kDemoSpikeDay = 5, kDemoSpikeFactor = 60;

bool isDemoEvenMonth(std::int64_t day) { return dateFromDays(day).month % 2 == 0; }

std::int64_t demoDuration(const Line& l, const ResourceTemplate& t, std::int64_t day) {
    const Date d = dateFromDays(day);
    const std::int64_t month_percent = 100 + ((d.year * 12 + d.month) % 3) * 20;
    std::int64_t duration = l.duration * month_percent / 100;
    if (day % kDemoSpikeCycle == kDemoSpikeDay && t.resource_name == "Standard Data Transfer Out")
        duration *= kDemoSpikeFactor;
    return duration;
}

Line lineFor(const AnalyticsGeneratorOptions& o, std::int64_t day, int index) {
    std::uint64_t r = splitmix(o.seed ^ splitmix(static_cast<std::uint64_t>(day) * 1000003ULL + static_cast<std::uint64_t>(index)));
    Line l;
    // 11 is coprime with the 14 templates: a day's first lines cover different services.
    l.resource = (static_cast<std::size_t>(index) * 11 + static_cast<std::size_t>(day) * 5) % kResources;
    const ResourceTemplate& t = kTemplates[l.resource % kTemplates.size()];
    l.days = day;
    std::uint64_t billed_pick = (r >> 8) % 10;
    l.billed_days = day + (billed_pick < 7 ? 0 : billed_pick < 9 ? 1 : 2);
    l.price = t.price_micros;
    l.duration = durationMicros(t.usage, r >> 16);
    if (o.demo_shape) l.duration = demoDuration(l, t, day);
    std::int64_t gross = roundDiv(l.price * l.duration, 1000000);
    bool refund = (r >> 40) % 101 == 0;
    if (refund) {
        l.duration = -l.duration;
        gross = -gross;
    }
    l.discount = !refund && (r >> 48) % 10 == 0 ? gross / 10 : 0;
    l.total = gross - l.discount;
    l.taxes = roundDiv(l.total * o.tax_percent, 100);
    return l;
}

void appendInt(std::string& out, std::int64_t v) {
    char buf[24];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, res.ptr);
}

class BodyWriter {
public:
    BodyWriter(std::string& out, const AnalyticsGeneratorOptions& o) : out_(out), o_(o) {}

    void key(std::string_view k) {
        out_ += ",\"";
        out_ += k;
        out_ += "\":";
    }
    void text(std::string_view k, std::string_view v) {
        key(k);
        out_.push_back('"');
        out_ += v;
        out_.push_back('"');
    }
    void date(std::string_view k, std::int64_t days) { text(k, isoFromDate(dateFromDays(days))); }
    void amount(std::string_view k, std::int64_t micros, bool allow_exponent = false) {
        key(k);
        std::string v = apTextFromMicros(micros);
        // The doc suspects float printing upstream: show that form once per answer.
        if (allow_exponent && !exponent_written_ && micros > 0 && micros < 100) {
            v = apExponentTextFromMicros(micros);
            exponent_written_ = true;
        }
        if (o_.amounts_as_numbers) {
            out_ += v;
        } else {
            out_.push_back('"');
            out_ += v;
            out_.push_back('"');
        }
    }

    void item(const Line& l, std::size_t line_number) {
        const ResourceTemplate& t = kTemplates[l.resource % kTemplates.size()];
        std::size_t variant = l.resource / kTemplates.size();
        std::size_t mix = static_cast<std::size_t>(o_.seed % 7) + l.resource;
        out_ += "{\"billed_day\":\"";
        out_ += isoFromDate(dateFromDays(l.billed_days));
        out_ += "\"";
        text("description", std::string(t.category) + ": " + std::string(t.resource_name));
        key("tags");
        out_ += "[";
        out_ += kTags[(l.resource + variant) % kTags.size()];
        out_ += "]";
        date("operate_day", l.days);
        amount("unit_price", l.price);
        amount("duration", l.duration);
        amount("discount_amount", l.discount);
        amount("total", l.total, /*allow_exponent=*/true);
        amount("taxes_total", l.taxes);
        text("category", t.category);
        text("subcategory", t.subcategory);
        text("sku", skuFor(l.resource));
        text("resource_name", t.resource_name);
        std::string_view group = kGroups[(mix * 5 + variant) % kGroups.size()];
        if (o_.demo_shape && group == "rg-data" && isDemoEvenMonth(l.days)) group = "rg-archive";
        text("resource_group", group);
        text("currency", o_.currencies[l.resource % o_.currencies.size()]);
        text("region", kRegions[(mix * 3 + variant) % kRegions.size()]);
        text("unit", t.unit);
        if (o_.unknown_extras) {
            text("meter_id", "m-" + std::to_string(line_number));
            text("is_reserved", l.resource % 2 ? "true" : "false");
        }
        out_ += "}";
    }

private:
    // A stable GUID-shaped meter id per resource and seed.
    std::string skuFor(std::size_t resource) const {
        std::uint64_t a = splitmix(o_.seed * 31 + resource), b = splitmix(a);
        static constexpr char kHex[] = "0123456789abcdef";
        std::string s;
        for (int i = 0; i < 32; ++i) {
            std::uint64_t word = i < 16 ? a : b;
            s.push_back(kHex[(word >> ((i % 16) * 4)) & 15]);
            if (i == 7 || i == 11 || i == 15 || i == 19) s.push_back('-');
        }
        return s;
    }

    std::string& out_;
    const AnalyticsGeneratorOptions& o_;
    bool exponent_written_ = false;
};

constexpr std::string_view kHeaders =
    R"([{"key":"sku","type":"string"},{"key":"category","type":"string"},{"key":"subcategory","type":"string"},)"
    R"({"key":"resource_name","type":"string"},{"key":"description","type":"string"},{"key":"currency","type":"string"},)"
    R"({"key":"region","type":"string"},{"key":"unit","type":"string"},{"key":"resource_group","type":"string"},)"
    R"({"key":"virtual_machine_name","type":"string"},{"key":"duration","type":"number"},)"
    R"({"key":"unit_price","type":"number"},{"key":"discount_amount","type":"number"},)"
    R"({"key":"taxes_total","type":"number"},{"key":"total","type":"number"},{"key":"operate_day","type":"date"},)"
    R"({"key":"billed_day","type":"date"})";

}  // namespace

std::string apTextFromMicros(std::int64_t micros) {
    std::string out;
    std::uint64_t mag = micros < 0 ? 0 - static_cast<std::uint64_t>(micros) : static_cast<std::uint64_t>(micros);
    if (micros < 0) out.push_back('-');
    appendInt(out, static_cast<std::int64_t>(mag / 1000000));
    out.push_back('.');
    std::string frac = std::to_string(1000000 + mag % 1000000).substr(1);
    while (frac.size() > 1 && frac.back() == '0') frac.pop_back();
    out += frac;
    return out;
}

std::string apExponentTextFromMicros(std::int64_t micros) {
    std::string digits = std::to_string(micros);  // 1..99 micros in practice
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    int exponent = static_cast<int>(std::to_string(micros).size()) - 1 - 6;
    std::string out = digits.substr(0, 1) + "." + (digits.size() > 1 ? digits.substr(1) : "0") + "e-";
    int e = -exponent;
    if (e < 10) out.push_back('0');
    out += std::to_string(e);
    return out;
}

std::vector<GeneratedTotals> analyticsTotalsFromGenerator(DateRange range, Date today,
                                                          const AnalyticsGeneratorOptions& options) {
    std::vector<GeneratedTotals> out;
    const std::int64_t first = daysFromDate(range.first);
    const std::int64_t last = std::min(daysFromDate(range.last), daysFromDate(today));
    for (std::int64_t day = first; day <= last; ++day) {
        for (int i = 0; i < options.lines_per_day; ++i) {
            const Line l = lineFor(options, day, i);
            const std::string& currency = options.currencies[l.resource % options.currencies.size()];
            auto it = std::find_if(out.begin(), out.end(), [&](const GeneratedTotals& t) { return t.currency == currency; });
            if (it == out.end()) it = out.insert(out.end(), GeneratedTotals{currency});
            ++it->lines;
            it->total_micros += l.total;
            it->taxes_micros += l.taxes;
            it->discount_micros += l.discount;
        }
    }
    std::sort(out.begin(), out.end(), [](const GeneratedTotals& a, const GeneratedTotals& b) { return a.currency < b.currency; });
    return out;
}

std::string analyticsBodyFromGenerator(const std::string& subscription_id, DateRange range, Date today,
                                       const AnalyticsGeneratorOptions& options) {
    std::string out;
    std::int64_t first = daysFromDate(range.first);
    std::int64_t last = std::min(daysFromDate(range.last), daysFromDate(today));
    if (last >= first) out.reserve(static_cast<std::size_t>((last - first + 1) * options.lines_per_day) * 600 + 2048);
    out += "{\"subscription\":{\"id\":";
    out += options.integer_id ? subscription_id : "\"" + subscription_id + "\"";
    out += ",\"export_headers\":";
    out += kHeaders;
    if (options.unknown_extras) out += R"(,{"key":"is_reserved","type":"boolean"})";
    out += "]";
    if (!options.items_missing) {
        out += ",\"items\":[";
        BodyWriter writer(out, options);
        std::size_t n = 0;
        for (std::int64_t day = first; day <= last; ++day) {
            for (int i = 0; i < options.lines_per_day; ++i) {
                if (n) out.push_back(',');
                writer.item(lineFor(options, day, i), n);
                ++n;
            }
        }
        out += "]";
    }
    out += "}}";
    return out;
}

}  // namespace ud::core
