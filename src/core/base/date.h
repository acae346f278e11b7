// Calendar dates and UTC timestamps. A Date is a civil day with no time zone
// (the APIs speak YYYY-MM-DD); a Timestamp is milliseconds since the Unix epoch,
// UTC. Time always comes in as an argument: nothing here reads a clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/base/result.h"

namespace ud::core {

using Timestamp = std::int64_t;  // ms since 1970-01-01T00:00:00Z

struct Date {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..31

    friend auto operator<=>(const Date&, const Date&) = default;
};

// A range of whole days. Both ends are inclusive, as the Particle and
// ActivePlatform APIs treat them.
struct DateRange {
    Date first;
    Date last;
    friend bool operator==(const DateRange&, const DateRange&) = default;
};

// A billing month, YYYY-MM.
struct YearMonth {
    int year = 1970;
    int month = 1;
    friend auto operator<=>(const YearMonth&, const YearMonth&) = default;
};

bool isLeapYear(int year);
int daysInMonth(int year, int month);
bool isValidDate(int year, int month, int day);

// Strict YYYY-MM-DD (leading zeros required, real calendar day).
std::optional<Date> dateFromIso(std::string_view text);
// Like dateFromIso but explains what is wrong, for inline form validation.
Result<Date> parseDateField(std::string_view text);
std::string isoFromDate(const Date& date);
// For sentences: "2 Dec", "14 Jan" (English month abbreviations, no year).
std::string shortTextFromDate(const Date& date);

std::optional<YearMonth> yearMonthFromIso(std::string_view text);  // strict YYYY-MM
std::string isoFromYearMonth(const YearMonth& ym);

std::int64_t daysFromDate(const Date& date);  // days since 1970-01-01 (may be negative)
Date dateFromDays(std::int64_t days);
Date addDays(const Date& date, std::int64_t days);
std::int64_t daysBetween(const Date& from, const Date& to);  // to - from
Date addMonths(const Date& date, int months);                 // clamps the day to the month's end
Date firstOfMonth(const Date& date);
Date lastOfMonth(const Date& date);

Date dateFromTimestamp(Timestamp ts);  // the UTC day
Timestamp timestampFromDate(const Date& date);  // midnight UTC

// Parses "2026-06-01 08:42:10 -0700" (Ruby style, as Particle sends) and ISO 8601
// ("2026-01-05T10:00:00.000Z", "...+02:00"). Returns nullopt for anything else.
std::optional<Timestamp> timestampFromText(std::string_view text);
std::string isoFromTimestamp(Timestamp ts);  // 2026-01-05T10:00:00Z
std::string minuteTextFromTimestamp(Timestamp ts);  // 2026-01-05 10:00 UTC, for people
// A span for people, two units at most: "12 s", "4 min 05 s", "6 d 23 h"; 0 for negatives.
std::string durationText(Timestamp ms);
// When durationText(deadline - now) next shows something else (the next second,
// or minute past an hour): a countdown needs a frame then and not before.
// `deadline` itself once it is due.
Timestamp durationTextChangesAt(Timestamp deadline, Timestamp now);

}  // namespace ud::core
