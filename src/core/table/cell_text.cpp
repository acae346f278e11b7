// Formatters for typed table cells (dates, fixed-point decimals, integers);
// the inline parsers they mirror live in cell_text.h.
#include "core/table/cell_text.h"

#include <charconv>

namespace ud::core {

void appendIsoDate(std::string& out, std::int32_t days) {
    // civil_from_days (Howard Hinnant), the inverse of daysFromCivil.
    const std::int64_t z = static_cast<std::int64_t>(days) + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
    char buf[32];
    char* p = buf;
    if (y < 0 || y > 9999) {
        p = std::to_chars(p, buf + 20, y).ptr;
    } else {
        unsigned uy = static_cast<unsigned>(y);
        *p++ = static_cast<char>('0' + uy / 1000);
        *p++ = static_cast<char>('0' + uy / 100 % 10);
        *p++ = static_cast<char>('0' + uy / 10 % 10);
        *p++ = static_cast<char>('0' + uy % 10);
    }
    *p++ = '-';
    *p++ = static_cast<char>('0' + m / 10);
    *p++ = static_cast<char>('0' + m % 10);
    *p++ = '-';
    *p++ = static_cast<char>('0' + d / 10);
    *p++ = static_cast<char>('0' + d % 10);
    out.append(buf, p);
}

void appendInteger(std::string& out, std::int64_t value) {
    char buf[24];
    char* end = std::to_chars(buf, buf + sizeof buf, value).ptr;
    out.append(buf, end);
}

void appendFixedPoint(std::string& out, std::int64_t units, int scale, bool trim) {
    if (scale <= 0) {
        appendInteger(out, units);
        return;
    }
    // Work on the magnitude as unsigned so INT64_MIN is safe.
    bool negative = units < 0;
    std::uint64_t a = negative ? 0 - static_cast<std::uint64_t>(units) : static_cast<std::uint64_t>(units);
    std::uint64_t pow = 1;
    for (int i = 0; i < scale; ++i) pow *= 10;
    std::uint64_t whole = a / pow, frac = a % pow;
    if (negative) out.push_back('-');
    char buf[24];
    out.append(buf, std::to_chars(buf, buf + sizeof buf, whole).ptr);
    int digits = scale;
    if (trim) {
        while (digits > 0 && frac % 10 == 0) {
            frac /= 10;
            --digits;
        }
        if (digits == 0) return;
    }
    out.push_back('.');
    for (int i = digits - 1; i >= 0; --i) {
        buf[i] = static_cast<char>('0' + frac % 10);
        frac /= 10;
    }
    out.append(buf, static_cast<std::size_t>(digits));
}

}  // namespace ud::core
