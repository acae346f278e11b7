// The Particle billing-period forecast (rules in particle_forecast.h): the
// rate windows, the projections, the threshold dates and the sentences.
#include "core/particle/particle_forecast.h"

namespace ud::core {
namespace {

constexpr int kCountDecimals = 0;  // data operations are whole numbers
constexpr int kThresholds[] = {70, 90, 100};

std::string countText(Decimal value) { return formatDecimal(value, kCountDecimals); }

std::string daysText(std::int64_t n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

std::string rangeText(const DateRange& r) { return isoFromDate(r.first) + ".." + isoFromDate(r.last); }

std::optional<Projection> projectionFrom(const RateWindow& window, long long used, std::int64_t days_left) {
    auto rate = window.perDay(kCountDecimals);
    auto total = projectedTotal(Decimal::fromInt(used), window, days_left, kCountDecimals);
    if (!rate || !total) return std::nullopt;
    return Projection{window, *rate, *total};
}

std::string percentText(Decimal value, long long included) {
    auto p = percentOf(value, Decimal::fromInt(included), 0);
    return p ? formatDecimal(*p, 0) + " %" : "";
}

std::string projectionLine(const char* label, const Projection& p, const char* source) {
    return std::string(label) + " (" + rangeText(p.window.days) + ", " + source + "): " + countText(p.window.sum) +
           " in " + daysText(p.window.day_count) + " = " + countText(p.rate_per_day) + " a day -> " + countText(p.total) +
           ".";
}

void writeSentence(ParticleForecast& f, const ParticleForecastInput& in) {
    const Projection* p = f.primary();
    const std::string rate = rateName(f, *p);
    const bool known_limit = in.included > 0;
    if (known_limit && in.used >= in.included) {
        f.sentence = "You have used " + percentText(Decimal::fromInt(in.used), in.included) + " already (" +
                     formatCount(in.used) + " of " + formatCount(in.included) + "); at " + rate +
                     " the period ends at about " + countText(p->total) + ".";
    } else if (f.full_date) {
        const std::int64_t before = daysBetween(*f.full_date, in.period.last);
        f.sentence = "At " + rate + " you reach 100 % around " + shortTextFromDate(*f.full_date) + ", " +
                     (before == 0 ? std::string("on the period's last day.")
                                  : daysText(before) + " before the period ends.");
    } else {
        f.sentence = "At " + rate + " you end the period at about " + countText(p->total) +
                     (known_limit ? " of " + formatCount(in.included) + " (" + percentText(p->total, in.included) + ")"
                                  : std::string()) +
                     ".";
    }
}

void writeConsequence(ParticleForecast& f, const ParticleForecastInput& in) {
    if (in.included <= 0) return;
    std::string s = "Particle warns by email and in the console at 70 %, 90 % and 100 %";
    std::string states;
    for (const auto& t : f.thresholds) {
        if (!states.empty()) states += ", ";
        states += std::to_string(t.percent) + " % " +
                  (t.reached ? std::string("reached")
                   : t.date  ? "around " + shortTextFromDate(*t.date)
                             : std::string("not in this period"));
    }
    s += " (" + states + "); at 100 % the account's data operations are paused until the next period starts on " +
         shortTextFromDate(addDays(in.period.last, 1)) + ", unless you upgrade the plan or add blocks.";
    f.consequence = s;
}

void writeDetails(ParticleForecast& f, const ParticleForecastInput& in) {
    std::string d = "Day " + std::to_string(f.day_of_period) + " of " + std::to_string(f.period_days) + ", " +
                    daysText(f.days_left) + " left after today; used so far " + formatCount(in.used) +
                    " (agreement counter, includes today). ";
    const char* source = f.from_report ? "report, complete days" : "agreement counter, today counted";
    if (f.average) d += projectionLine("Average so far", *f.average, source) + " ";
    if (f.last7) d += projectionLine("Last 7 complete days", *f.last7, "report") + " ";
    if (f.lowest7 && f.highest7)
        d += "Likely range " + countText(f.lowest7->total) + " to " + countText(f.highest7->total) +
             " (lowest 7 days " + rangeText(f.lowest7->window.days) + ", highest " + rangeText(f.highest7->window.days) +
             "). ";
    if (!f.last7) d += "Open a report of this period for the 7-day rate and the likely range. ";
    d += "Projection = used + rate x days left, exact, rounded once (half away from zero) to whole data operations.";
    f.details = d;
}

}  // namespace

const char* rateName(const ParticleForecast& forecast, const Projection& projection) {
    if (forecast.last7 && &projection == &*forecast.last7) return "the last 7 days' rate";
    return "the average rate so far";
}

ParticleForecast particleForecast(const ParticleForecastInput& in) {
    ParticleForecast f;
    f.period_days = daysBetween(in.period.first, in.period.last) + 1;
    if (in.used < 0) {
        f.sentence = "The API did not report data operations, so there is nothing to forecast.";
        return f;
    }
    if (in.today < in.period.first || in.today > in.period.last) {
        f.status = ForecastStatus::OutsidePeriod;
        f.sentence = "Today is outside this billing period, so there is no forecast.";
        return f;
    }
    f.day_of_period = daysBetween(in.period.first, in.today) + 1;
    f.days_left = f.period_days - f.day_of_period;

    if (in.daily) {
        const DailyRates rates = dailyRatesFrom(*in.daily, in.period, in.today);
        f.report_days = rates.complete_days;
        if (rates.average) {
            f.from_report = true;
            f.average = projectionFrom(*rates.average, in.used, f.days_left);
        }
        if (rates.last7) f.last7 = projectionFrom(*rates.last7, in.used, f.days_left);
        if (rates.lowest7) f.lowest7 = projectionFrom(*rates.lowest7, in.used, f.days_left);
        if (rates.highest7) f.highest7 = projectionFrom(*rates.highest7, in.used, f.days_left);
    }
    if (!f.average && f.day_of_period >= kMinForecastDays) {
        const RateWindow counter{{in.period.first, in.today}, Decimal::fromInt(in.used), f.day_of_period};
        f.average = projectionFrom(counter, in.used, f.days_left);
    }
    const Projection* primary = f.primary();
    if (!primary) {
        f.status = ForecastStatus::TooLittleData;
        f.sentence = "Too little data for a forecast yet: day " + std::to_string(f.day_of_period) + " of " +
                     std::to_string(f.period_days) + " (a forecast needs " + daysText(kMinForecastDays) + ").";
        return f;
    }
    f.status = ForecastStatus::Ready;
    if (in.included > 0) {
        for (int percent : kThresholds) {
            ThresholdForecast t{percent, false, std::nullopt};
            // included x percent / 100 has at most 2 fraction digits: exact at Decimal's 9.
            const Decimal limit = *roundedQuotient(Decimal::fromInt(in.included * percent), 100, Decimal::kScale);
            const Decimal used = Decimal::fromInt(in.used);
            t.reached = used >= limit;
            if (!t.reached) {
                auto day = dateReaching(used, limit, primary->window, in.today);
                if (day && *day <= in.period.last) t.date = day;
            }
            f.thresholds.push_back(t);
        }
        f.full_date = f.thresholds.back().date;
    }
    writeSentence(f, in);
    writeConsequence(f, in);
    writeDetails(f, in);
    return f;
}

}  // namespace ud::core
