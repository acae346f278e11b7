// Cell text <-> typed values for the table: strict parsers that accept only the
// canonical spelling of a value, so writing the value back gives the same bytes
// ("007", "+5", "-0" and "1." stay text), except the exponent form of a number
// ("1e3" is written back as 1000), and the matching formatters. The
// parsers sit in the per-cell hot path of CSV loading, hence inline.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/base/decimal.h"

namespace ud::core {

inline constexpr int kMaxCellDigits = 18;  // always fits int64 without overflow checks

// -?(0|[1-9][0-9]*) within int64 (19-digit values are checked exactly).
inline bool integerFromCell(std::string_view s, std::int64_t& out) {
    std::size_t i = 0;
    bool negative = false;
    if (!s.empty() && s[0] == '-') { negative = true; i = 1; }
    std::size_t digits = s.size() - i;
    if (digits == 0 || digits > 19) return false;
    if (s[i] == '0' && (digits > 1 || negative)) return false;  // leading zero or "-0"
    std::uint64_t v = 0;
    for (; i < s.size(); ++i) {
        unsigned d = static_cast<unsigned char>(s[i]) - '0';
        if (d > 9) return false;
        v = v * 10 + d;  // 19 digits always fit uint64 (max 1.8e19)
    }
    if (digits == 19) {
        std::uint64_t limit = negative ? 9223372036854775808ULL : 9223372036854775807ULL;
        if (v > limit) return false;
    }
    out = negative ? static_cast<std::int64_t>(0 - v) : static_cast<std::int64_t>(v);
    return true;
}

bool decimalFromExponentCell(std::string_view s, std::int64_t& units, int& scale);

// -?(0|[1-9][0-9]*)\.[0-9]{1,9} with at most 18 digits in all; units = value * 10^scale.
// "-0.0" is refused (its sign would be lost). The exponent form ("1e3",
// "2.5E-2") is a number too: exports write it back in plain digits.
inline bool decimalFromCell(std::string_view s, std::int64_t& units, int& scale) {
    if (s.find_first_of("eE") != std::string_view::npos) return decimalFromExponentCell(s, units, scale);
    std::size_t i = 0;
    bool negative = false;
    if (!s.empty() && s[0] == '-') { negative = true; i = 1; }
    std::size_t dot = s.find('.', i);
    if (dot == std::string_view::npos || dot == i) return false;
    std::size_t int_digits = dot - i, frac_digits = s.size() - dot - 1;
    if (frac_digits == 0 || frac_digits > 9 || int_digits + frac_digits > kMaxCellDigits) return false;
    if (s[i] == '0' && int_digits > 1) return false;
    std::int64_t v = 0;
    for (std::size_t k = i; k < s.size(); ++k) {
        if (k == dot) continue;
        unsigned d = static_cast<unsigned char>(s[k]) - '0';
        if (d > 9) return false;
        v = v * 10 + d;
    }
    if (negative && v == 0) return false;
    units = negative ? -v : v;
    scale = static_cast<int>(frac_digits);
    return true;
}

// Digits before the point a wide number may have: what Decimal holds exactly
// (10^27 at 9 fraction digits), so every cell still totals exactly or says it is too large.
inline constexpr int kMaxWideIntegerDigits = 27;

// A number the int64 forms above cannot hold: the same canonical spellings
// (and the exponent form), with up to kMaxWideIntegerDigits digits before the
// point and 9 after. units = value * 10^scale at the scale the text shows
// (the smallest exact one for the exponent form). Not on the hot path: only a
// cell the int64 parsers refused comes here.
bool wideFromCell(std::string_view s, Int128& units, int& scale);
// Whether the text is a wide integer (no point, no exponent) that wideFromCell takes.
bool isWideIntegerCell(std::string_view s);

// Days since 1970-01-01 from a civil date (Howard Hinnant's days_from_civil).
inline constexpr std::int32_t daysFromCivil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int>(doe) - 719468;
}

// Strict YYYY-MM-DD naming a real calendar day.
inline bool daysFromCell(std::string_view s, std::int32_t& days) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    auto digit = [&](std::size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(s[k]) - '0'); };
    for (std::size_t k : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (digit(k) > 9) return false;
    }
    int y = static_cast<int>(digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3));
    unsigned m = digit(5) * 10 + digit(6), d = digit(8) * 10 + digit(9);
    if (m < 1 || m > 12 || d < 1) return false;
    static constexpr unsigned kMonthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    unsigned month_days = kMonthDays[m - 1] + (m == 2 && leap ? 1 : 0);
    if (d > month_days) return false;
    days = daysFromCivil(y, m, d);
    return true;
}

// Appends YYYY-MM-DD for a day count.
void appendIsoDate(std::string& out, std::int32_t days);
// Appends units * 10^-scale. With `trim`, trailing fraction zeros are dropped
// (shortest exact form); without it exactly `scale` fraction digits are written.
void appendFixedPoint(std::string& out, std::int64_t units, int scale, bool trim);
void appendFixedPoint(std::string& out, Int128 units, int scale, bool trim);  // wide columns
void appendInteger(std::string& out, std::int64_t value);

}  // namespace ud::core
