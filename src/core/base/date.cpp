// Civil-date arithmetic (Howard Hinnant's days_from_civil algorithm) and the
// strict text forms the APIs use. No locale, no time zone database, no clock.
#include "core/base/date.h"

#include <cstdio>

namespace ud::core {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly n digits at text[pos]; false if any is not a digit.
bool readDigits(std::string_view text, std::size_t pos, std::size_t n, int& out) {
    if (pos + n > text.size()) return false;
    int v = 0;
    for (std::size_t i = 0; i < n; ++i) {
        char c = text[pos + i];
        if (!isDigit(c)) return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

}  // namespace

bool isLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int daysInMonth(int year, int month) {
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

bool isValidDate(int year, int month, int day) {
    return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
           day <= daysInMonth(year, month);
}

std::optional<Date> dateFromIso(std::string_view text) {
    Date d;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    if (!readDigits(text, 0, 4, d.year) || !readDigits(text, 5, 2, d.month) ||
        !readDigits(text, 8, 2, d.day))
        return std::nullopt;
    if (!isValidDate(d.year, d.month, d.day)) return std::nullopt;
    return d;
}

Result<Date> parseDateField(std::string_view text) {
    if (text.empty()) return makeError(ErrorKind::Validation, "Enter a date as YYYY-MM-DD.");
    if (auto d = dateFromIso(text)) return *d;
    int y = 0, m = 0, day = 0;
    bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' && readDigits(text, 0, 4, y) &&
                  readDigits(text, 5, 2, m) && readDigits(text, 8, 2, day);
    if (!shaped)
        return makeError(ErrorKind::Validation,
                         "\"" + std::string(text) + "\" is not a date in the form YYYY-MM-DD.");
    if (m < 1 || m > 12)
        return makeError(ErrorKind::Validation, "Month " + std::to_string(m) + " does not exist.");
    return makeError(ErrorKind::Validation, std::string(text) + " does not exist: " +
                                                std::to_string(y) + "-" + (m < 10 ? "0" : "") +
                                                std::to_string(m) + " has " +
                                                std::to_string(daysInMonth(y, m)) + " days.");
}

std::string isoFromDate(const Date& date) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buf;
}

std::string shortTextFromDate(const Date& date) {
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const int m = date.month >= 1 && date.month <= 12 ? date.month - 1 : 0;
    return std::to_string(date.day) + " " + kMonths[m];
}

std::optional<YearMonth> yearMonthFromIso(std::string_view text) {
    YearMonth ym;
    if (text.size() != 7 || text[4] != '-') return std::nullopt;
    if (!readDigits(text, 0, 4, ym.year) || !readDigits(text, 5, 2, ym.month)) return std::nullopt;
    if (ym.year < 1 || ym.month < 1 || ym.month > 12) return std::nullopt;
    return ym;
}

std::string isoFromYearMonth(const YearMonth& ym) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", ym.year, ym.month);
    return buf;
}

std::int64_t daysFromDate(const Date& date) {
    std::int64_t y = date.year - (date.month <= 2 ? 1 : 0);
    std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    std::int64_t yoe = y - era * 400;
    std::int64_t m = date.month;
    std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + date.day - 1;
    std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date dateFromDays(std::int64_t days) {
    days += 719468;
    std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    std::int64_t doe = days - era * 146097;
    std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    std::int64_t y = yoe + era * 400;
    std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    std::int64_t mp = (5 * doy + 2) / 153;
    std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    std::int64_t m = mp + (mp < 10 ? 3 : -9);
    return Date{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

Date addDays(const Date& date, std::int64_t days) { return dateFromDays(daysFromDate(date) + days); }

std::int64_t daysBetween(const Date& from, const Date& to) { return daysFromDate(to) - daysFromDate(from); }

Date addMonths(const Date& date, int months) {
    int total = date.year * 12 + (date.month - 1) + months;
    int y = total / 12;
    int m = total % 12 + 1;
    int d = date.day;
    if (d > daysInMonth(y, m)) d = daysInMonth(y, m);
    return Date{y, m, d};
}

Date firstOfMonth(const Date& date) { return Date{date.year, date.month, 1}; }
Date lastOfMonth(const Date& date) { return Date{date.year, date.month, daysInMonth(date.year, date.month)}; }

Date dateFromTimestamp(Timestamp ts) {
    std::int64_t days = ts >= 0 ? ts / 86400000 : -((-ts + 86399999) / 86400000);
    return dateFromDays(days);
}

Timestamp timestampFromDate(const Date& date) { return daysFromDate(date) * 86400000; }

std::optional<Timestamp> timestampFromText(std::string_view t) {
    // Date part, then 'T' or ' ', then HH:MM:SS, optional .fraction, then zone:
    // 'Z', "+HH:MM", "+HHMM", " +HHMM" or " -HHMM".
    if (t.size() < 19) return std::nullopt;
    auto date = dateFromIso(t.substr(0, 10));
    if (!date || (t[10] != 'T' && t[10] != ' ')) return std::nullopt;
    int hh = 0, mm = 0, ss = 0;
    if (!readDigits(t, 11, 2, hh) || t[13] != ':' || !readDigits(t, 14, 2, mm) || t[16] != ':' ||
        !readDigits(t, 17, 2, ss) || hh > 23 || mm > 59 || ss > 60)
        return std::nullopt;
    std::size_t pos = 19;
    int millis = 0;
    if (pos < t.size() && t[pos] == '.') {
        ++pos;
        int scale = 100;
        std::size_t start = pos;
        while (pos < t.size() && isDigit(t[pos])) {
            millis += (t[pos] - '0') * scale;
            scale /= 10;
            ++pos;
        }
        if (pos == start) return std::nullopt;
    }
    if (pos < t.size() && t[pos] == ' ') ++pos;
    int offset_min = 0;
    if (pos == t.size()) {
        // No zone: take it as UTC.
    } else if (t[pos] == 'Z' && pos + 1 == t.size()) {
        // UTC.
    } else if (t[pos] == '+' || t[pos] == '-') {
        int sign = t[pos] == '-' ? -1 : 1;
        int oh = 0, om = 0;
        if (!readDigits(t, pos + 1, 2, oh)) return std::nullopt;
        std::size_t p = pos + 3;
        if (p < t.size() && t[p] == ':') ++p;
        if (!readDigits(t, p, 2, om) || p + 2 != t.size()) return std::nullopt;
        offset_min = sign * (oh * 60 + om);
    } else {
        return std::nullopt;
    }
    Timestamp local = timestampFromDate(*date) + ((hh * 60 + mm) * 60 + ss) * 1000LL + millis;
    return local - offset_min * 60000LL;
}

std::string isoFromTimestamp(Timestamp ts) {
    Date d = dateFromTimestamp(ts);
    std::int64_t ms_of_day = ts - timestampFromDate(d);
    int secs = static_cast<int>(ms_of_day / 1000);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", isoFromDate(d).c_str(), secs / 3600,
                  secs / 60 % 60, secs % 60);
    return buf;
}

std::string minuteTextFromTimestamp(Timestamp ts) {
    std::string iso = isoFromTimestamp(ts);  // 2026-06-20T09:00:00Z
    return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

std::string durationText(Timestamp ms) {
    const long long s = ms <= 0 ? 0 : (ms + 999) / 1000;  // round up: "1 s" until it is due
    auto two = [](long long v) { return (v < 10 ? "0" : "") + std::to_string(v); };
    if (s < 60) return std::to_string(s) + " s";
    if (s < 3600) return std::to_string(s / 60) + " min " + two(s % 60) + " s";
    if (s < 86400) return std::to_string(s / 3600) + " h " + two(s / 60 % 60) + " min";
    return std::to_string(s / 86400) + " d " + std::to_string(s / 3600 % 24) + " h";
}

Timestamp durationTextChangesAt(Timestamp deadline, Timestamp now) {
    if (deadline <= now) return deadline;
    const long long s = (deadline - now + 999) / 1000;            // seconds shown, rounded up as above
    const long long unit = s < 3600 ? 1 : s < 86400 ? 60 : 3600;  // the smallest unit the text shows
    return deadline - (s / unit * unit - 1) * 1000;
}

}  // namespace ud::core
