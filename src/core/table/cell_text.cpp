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

// -?(0|[1-9][0-9]*)(\.[0-9]+)?[eE][+-]?[0-9]{1,3}, exact in at most 18 digits
// and 9 fraction digits (else the cell stays text, as any other number that
// does not fit).
bool decimalFromExponentCell(std::string_view s, std::int64_t& units, int& scale) {
    constexpr std::int64_t kLimit = 999999999999999999LL;  // kMaxCellDigits nines
    std::size_t i = 0;
    const bool negative = !s.empty() && s[0] == '-';
    if (negative) i = 1;
    const std::size_t int_begin = i;
    std::int64_t v = 0;
    int digits = 0, frac_digits = 0;
    auto digit = [&](std::size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(s[k]) - '0'); };
    for (; i < s.size() && digit(i) <= 9; ++i, ++digits) {
        if (digits >= kMaxCellDigits) return false;
        v = v * 10 + digit(i);
    }
    if (digits == 0 || (s[int_begin] == '0' && digits > 1)) return false;
    if (i < s.size() && s[i] == '.') {
        for (++i; i < s.size() && digit(i) <= 9; ++i, ++digits, ++frac_digits) {
            if (digits >= kMaxCellDigits) return false;
            v = v * 10 + digit(i);
        }
        if (frac_digits == 0) return false;
    }
    if (digits > kMaxCellDigits || i >= s.size() || (s[i] != 'e' && s[i] != 'E')) return false;
    ++i;
    bool exp_negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) exp_negative = s[i++] == '-';
    int exponent = 0, exp_digits = 0;
    for (; i < s.size() && digit(i) <= 9; ++i, ++exp_digits) {
        if (exp_digits >= 3) return false;  // before it can overflow: no exact cell needs 1e1000
        exponent = exponent * 10 + static_cast<int>(digit(i));
    }
    if (i != s.size() || exp_digits == 0) return false;
    if (negative && v == 0) return false;
    int shift = frac_digits - (exp_negative ? -exponent : exponent);  // value = v * 10^-shift
    for (; shift < 0; ++shift) {
        if (v > kLimit / 10) return false;
        v *= 10;
    }
    for (; shift > 9 && v % 10 == 0 && v != 0; --shift) v /= 10;
    if (v == 0) shift = 0;
    if (shift > 9) return false;
    units = negative ? -v : v;
    scale = shift;
    return true;
}

bool wideFromCell(std::string_view s, Int128& units, int& scale) {
    constexpr int kMaxDigits = kMaxWideIntegerDigits + 9;
    std::size_t i = 0;
    const bool negative = !s.empty() && s[0] == '-';
    if (negative) i = 1;
    auto digit = [&](std::size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(s[k]) - '0'); };
    const std::size_t int_begin = i;
    Int128 v = 0;
    int digits = 0, frac_digits = 0;
    for (; i < s.size() && digit(i) <= 9; ++i, ++digits) {
        if (digits >= kMaxDigits) return false;
        v = v * 10 + digit(i);
    }
    if (digits == 0 || (s[int_begin] == '0' && digits > 1)) return false;
    if (i < s.size() && s[i] == '.') {
        for (++i; i < s.size() && digit(i) <= 9; ++i, ++digits, ++frac_digits) {
            if (digits >= kMaxDigits) return false;
            v = v * 10 + digit(i);
        }
        if (frac_digits == 0) return false;
    }
    int exponent = 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        bool exp_negative = false;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) exp_negative = s[i++] == '-';
        int exp_digits = 0;
        for (; i < s.size() && digit(i) <= 9; ++i, ++exp_digits) {
            if (exp_digits >= 3) return false;
            exponent = exponent * 10 + static_cast<int>(digit(i));
        }
        if (exp_digits == 0) return false;
        if (exp_negative) exponent = -exponent;
    } else if (frac_digits > 9) {
        return false;  // plain text keeps its digits: more than 9 after the point would be rounded
    }
    if (i != s.size() || (negative && v == 0)) return false;
    int shift = frac_digits - exponent;  // value = v * 10^-shift
    for (; shift > 9 && v % 10 == 0 && v != 0; --shift) v /= 10;
    if (v == 0) shift = 0;
    if (shift > 9) return false;
    // The value v * 10^-shift must stay below 10^27: v below 10^(27 + shift).
    const int limit_digits = kMaxWideIntegerDigits + shift;
    if (limit_digits <= 0) return false;  // v is not 0 here
    Int128 limit = 1;
    for (int k = 0; k < limit_digits; ++k) limit *= 10;
    if (v >= limit) return false;
    for (; shift < 0; ++shift) v *= 10;
    units = negative ? -v : v;
    scale = shift;
    return true;
}

bool isWideIntegerCell(std::string_view s) {
    Int128 units = 0;
    int scale = 0;
    return s.find_first_of(".eE") == std::string_view::npos && wideFromCell(s, units, scale);
}

void appendFixedPoint(std::string& out, Int128 units, int scale, bool trim) {
    if (units >= INT64_MIN && units <= INT64_MAX) {
        appendFixedPoint(out, static_cast<std::int64_t>(units), scale, trim);
        return;
    }
    __extension__ typedef unsigned __int128 UInt128;
    const bool negative = units < 0;  // the magnitude as unsigned: the lowest value is safe too
    UInt128 a = negative ? 0 - static_cast<UInt128>(units) : static_cast<UInt128>(units);
    char buf[48];
    int n = 0;
    for (; a != 0 || n <= scale; a /= 10) buf[n++] = static_cast<char>('0' + static_cast<int>(a % 10));
    int low = 0;  // digits dropped from the end (trailing fraction zeros when trimming)
    if (trim)
        while (low < scale && buf[low] == '0') ++low;
    if (negative) out.push_back('-');
    for (int k = n - 1; k >= low; --k) {
        if (k == scale - 1) out.push_back('.');
        out.push_back(buf[k]);
    }
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
