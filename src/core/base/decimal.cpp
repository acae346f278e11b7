// Decimal parsing and formatting. Parsing walks the characters once and builds
// the 10^-9 unit count directly; no strtod, no locale.
#include "core/base/decimal.h"

#include <algorithm>
#include <cstdint>

namespace ud::core {
namespace {

// |value| limit so that later sums of many values still have headroom in 128 bits.
constexpr Int128 kMaxUnits = static_cast<Int128>(1000000000000000000LL) * 1000000000000000000LL;  // 1e36

std::string digitsFromUnsigned(Int128 v) {
    if (v == 0) return "0";
    std::string s;
    while (v > 0) {
        s.push_back(static_cast<char>('0' + static_cast<int>(v % 10)));
        v /= 10;
    }
    std::reverse(s.begin(), s.end());
    return s;
}

std::string groupThousands(const std::string& digits) {
    std::string out;
    int n = static_cast<int>(digits.size());
    for (int i = 0; i < n; ++i) {
        out.push_back(digits[static_cast<std::size_t>(i)]);
        int left = n - 1 - i;
        if (left > 0 && left % 3 == 0) out.push_back(',');
    }
    return out;
}

Int128 pow10(int n) {
    Int128 p = 1;
    for (int i = 0; i < n; ++i) p *= 10;
    return p;
}

constexpr Int128 kInt128Max = ((static_cast<Int128>(1) << 126) - 1) * 2 + 1;

Int128 absOf(Int128 v) { return v < 0 ? -v : v; }

// a / b rounded half away from zero; b != 0.
Int128 divideRounded(Int128 a, Int128 b) {
    const bool negative = (a < 0) != (b < 0);
    const Int128 ua = absOf(a), ub = absOf(b);
    Int128 q = ua / ub;
    const Int128 r = ua % ub;
    if (r >= ub - r) ++q;  // r >= b/2 without overflow
    return negative ? -q : q;
}

std::optional<Int128> mulChecked(Int128 a, Int128 b) {
    if (a == 0 || b == 0) return Int128{0};
    if (absOf(a) > kInt128Max / absOf(b)) return std::nullopt;
    return a * b;
}

// units * 10^-9 divided by `divisor_units` * 10^-9, times `factor`, rounded to `decimals`.
std::optional<Decimal> ratioRounded(Int128 numerator_units, Int128 divisor_units, long long factor, int decimals) {
    if (divisor_units == 0) return std::nullopt;
    decimals = std::clamp(decimals, 0, Decimal::kScale);
    // result units = round(num * factor * 10^decimals / div) * 10^(9 - decimals)
    auto scaled = mulChecked(numerator_units, static_cast<Int128>(factor) * pow10(decimals));
    if (!scaled) return std::nullopt;
    auto units = mulChecked(divideRounded(*scaled, divisor_units), pow10(Decimal::kScale - decimals));
    if (!units || absOf(*units) > kMaxUnits) return std::nullopt;
    return Decimal::fromUnits(*units);
}

}  // namespace

std::optional<Decimal> checkedAdd(Decimal a, Decimal b) {
    if (a.isTooLarge() || b.isTooLarge()) return std::nullopt;
    const Int128 x = a.units(), y = b.units();
    if ((y > 0 && x > kInt128Max - y) || (y < 0 && x < -kInt128Max - y)) return std::nullopt;
    return Decimal::fromUnits(x + y);
}

std::optional<Decimal> checkedSub(Decimal a, Decimal b) { return checkedAdd(a, -b); }

std::optional<Decimal> checkedMul(Decimal value, long long factor) {
    auto units = mulChecked(value.units(), factor);
    if (!units) return std::nullopt;
    return Decimal::fromUnits(*units);
}

std::optional<Decimal> roundedQuotient(Decimal numerator, long long divisor, int decimals) {
    if (divisor == 0) return std::nullopt;
    return ratioRounded(numerator.units(), static_cast<Int128>(divisor) * Decimal::kUnit, 1, decimals);
}

std::optional<Decimal> percentChange(Decimal from, Decimal to, int decimals) {
    auto diff = checkedSub(to, from);
    if (!diff || from.isZero()) return std::nullopt;
    return ratioRounded(diff->units(), absOf(from.units()), 100, decimals);
}

std::optional<Decimal> roundedRatio(Decimal a, Decimal b, int decimals) {
    return ratioRounded(a.units(), b.units(), 1, decimals);
}

std::optional<Decimal> percentOf(Decimal a, Decimal b, int decimals) {
    if (b.isZero()) return std::nullopt;
    return ratioRounded(a.units(), b.units(), 100, decimals);
}

std::optional<Decimal> Decimal::fromText(std::string_view t) {
    std::size_t i = 0;
    bool negative = false;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) negative = t[i++] == '-';
    // Collect significant digits as an integer mantissa and count fraction digits.
    Int128 mantissa = 0;
    int frac_digits = 0;
    int digits = 0;
    int dropped_exp = 0;  // digits beyond what 128 bits can hold (only leading zeros matter)
    bool seen_dot = false;
    for (; i < t.size(); ++i) {
        char c = t[i];
        if (c >= '0' && c <= '9') {
            ++digits;
            if (mantissa < kMaxUnits) {
                mantissa = mantissa * 10 + (c - '0');
                if (seen_dot) ++frac_digits;
            } else if (!seen_dot) {
                ++dropped_exp;
            }
        } else if (c == '.' && !seen_dot) {
            seen_dot = true;
        } else {
            break;
        }
    }
    if (digits == 0) return std::nullopt;
    int exponent = 0;
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        bool exp_neg = false;
        if (i < t.size() && (t[i] == '+' || t[i] == '-')) exp_neg = t[i++] == '-';
        int exp_digits = 0;
        for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i) {
            if (exponent < 10000) exponent = exponent * 10 + (t[i] - '0');
            ++exp_digits;
        }
        if (exp_digits == 0) return std::nullopt;
        if (exp_neg) exponent = -exponent;
    }
    if (i != t.size()) return std::nullopt;
    // value = mantissa * 10^(exponent + dropped_exp - frac_digits); units = value * 10^kScale.
    int shift = exponent + dropped_exp - frac_digits + kScale;
    Int128 units = 0;
    if (mantissa == 0) {
        units = 0;
    } else if (shift >= 0) {
        if (shift > 38) return std::nullopt;
        Int128 p = pow10(shift);
        if (mantissa > kMaxUnits / p) return std::nullopt;
        units = mantissa * p;
    } else {
        if (-shift > 38) {
            units = 0;
        } else {
            Int128 p = pow10(-shift);
            Int128 q = mantissa / p, r = mantissa % p;
            Int128 half = p / 2;
            if (r > half || (r == half && (q % 2) == 1)) ++q;  // half to even
            units = q;
        }
    }
    Decimal d;
    d.units_ = negative ? -units : units;
    return d;
}

std::string Decimal::toString() const {
    if (isTooLarge()) return kTooLargeText;
    Int128 a = units_ < 0 ? -units_ : units_;
    std::string whole = digitsFromUnsigned(a / kUnit);
    Int128 frac = a % kUnit;
    std::string out = units_ < 0 ? "-" : "";
    out += whole;
    if (frac != 0) {
        std::string f = digitsFromUnsigned(frac);
        f.insert(0, static_cast<std::size_t>(kScale) - f.size(), '0');
        while (!f.empty() && f.back() == '0') f.pop_back();
        out += "." + f;
    }
    return out;
}

double Decimal::toDouble() const {
    if (isTooLarge()) return 0.0;
    Int128 whole = units_ / kUnit;
    Int128 frac = units_ % kUnit;
    return static_cast<double>(whole) + static_cast<double>(frac) / static_cast<double>(kUnit);
}

std::string formatDecimal(Decimal value, int decimals, bool thousands) {
    if (value.isTooLarge()) return kTooLargeText;
    decimals = std::clamp(decimals, 0, Decimal::kScale);
    Int128 units = value.units();
    bool negative = units < 0;
    Int128 a = negative ? -units : units;
    Int128 step = pow10(Decimal::kScale - decimals);
    Int128 rounded = (a + step / 2) / step;  // half away from zero
    Int128 scale = pow10(decimals);
    std::string whole = digitsFromUnsigned(rounded / scale);
    std::string out = (negative && rounded != 0) ? "-" : "";
    out += thousands ? groupThousands(whole) : whole;
    if (decimals > 0) {
        std::string f = digitsFromUnsigned(rounded % scale);
        f.insert(0, static_cast<std::size_t>(decimals) - f.size(), '0');
        out += "." + f;
    }
    return out;
}

std::string formatMoney(Decimal value, std::string_view currency, int max_decimals) {
    if (value.isTooLarge()) return kTooLargeText;
    // Use the fewest decimals (at least 2) that show the value exactly, capped.
    int decimals = 2;
    Int128 a = value.units() < 0 ? -value.units() : value.units();
    while (decimals < max_decimals && a % pow10(Decimal::kScale - decimals) != 0) ++decimals;
    std::string out = formatDecimal(value, decimals);
    if (!currency.empty()) {
        out += ' ';
        out += currency;
    }
    return out;
}

std::string formatCount(long long value) {
    bool negative = value < 0;
    Int128 a = negative ? -static_cast<Int128>(value) : static_cast<Int128>(value);
    return (negative ? "-" : "") + groupThousands(digitsFromUnsigned(a));
}

long long wholePercent(long long used, long long included) {
    if (included <= 0) return 0;
    const Int128 p = static_cast<Int128>(used) * 100 / included;
    return p > INT64_MAX ? INT64_MAX : p < INT64_MIN ? INT64_MIN : static_cast<long long>(p);
}

}  // namespace ud::core
