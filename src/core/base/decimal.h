// Exact decimal numbers for money and counts. The APIs send amounts as decimal
// strings ("0.13664", "-2.5", even "5.0e-05"); a Decimal holds them as an
// integer count of 10^-9 units in 128 bits, so sums of millions of lines are
// exact to the last digit and never go through binary floating point.
// toDouble() exists only for chart geometry.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace ud::core {

__extension__ typedef __int128 Int128;  // __extension__: GCC/Clang builtin, silences -Wpedantic

class Decimal {
public:
    static constexpr int kScale = 9;  // fraction digits kept exactly
    static constexpr long long kUnit = 1000000000LL;

    constexpr Decimal() = default;
    static constexpr Decimal fromUnits(Int128 units) { Decimal d; d.units_ = units; return d; }
    static constexpr Decimal fromInt(long long v) { return fromUnits(static_cast<Int128>(v) * kUnit); }

    // Accepts [+-]digits[.digits][e[+-]digits] and ".5"/"5."; no spaces, no
    // locale, no thousands separators. More than 9 fraction digits are rounded
    // half to even. Returns nullopt for anything else or out of range.
    static std::optional<Decimal> fromText(std::string_view text);

    // A sum that left the 128-bit range: it stays "too large" through further
    // sums and shows as kTooLargeText, never as a wrapped number.
    static constexpr Decimal tooLarge() { return fromUnits(kTooLargeUnits); }
    constexpr bool isTooLarge() const { return units_ == kTooLargeUnits; }

    constexpr Int128 units() const { return units_; }
    constexpr bool isZero() const { return units_ == 0; }
    constexpr bool isNegative() const { return units_ < 0 && !isTooLarge(); }

    // Shortest exact text: "0.319997", "-5", "0.00005". Round-trips through fromText.
    // A too-large value gives kTooLargeText.
    std::string toString() const;
    double toDouble() const;  // charts only; never for sums (0 when too large)

    // Checked: an overflow gives tooLarge(), which absorbs every later sum.
    Decimal& operator+=(Decimal o) {
        if (isTooLarge() || o.isTooLarge() || __builtin_add_overflow(units_, o.units_, &units_) ||
            units_ == kTooLargeUnits)
            units_ = kTooLargeUnits;
        return *this;
    }
    Decimal& operator-=(Decimal o) { return *this += -o; }
    friend Decimal operator+(Decimal a, Decimal b) { return a += b; }
    friend Decimal operator-(Decimal a, Decimal b) { return a -= b; }
    friend Decimal operator-(Decimal a) { return a.isTooLarge() ? a : fromUnits(-a.units_); }
    friend constexpr bool operator==(Decimal a, Decimal b) { return a.units_ == b.units_; }
    friend constexpr std::strong_ordering operator<=>(Decimal a, Decimal b) {
        return a.units_ < b.units_ ? std::strong_ordering::less
               : a.units_ > b.units_ ? std::strong_ordering::greater
                                     : std::strong_ordering::equal;
    }

private:
    // The lowest 128-bit value is never a real amount (parsing keeps |units| <= 1e36).
    static constexpr Int128 kTooLargeUnits = -(static_cast<Int128>(1) << 126) - (static_cast<Int128>(1) << 126);
    Int128 units_ = 0;
};

// Checked arithmetic for values derived from many inputs (forecasts, changes):
// nullopt instead of a wrapped 128-bit result.
std::optional<Decimal> checkedAdd(Decimal a, Decimal b);
std::optional<Decimal> checkedSub(Decimal a, Decimal b);
std::optional<Decimal> checkedMul(Decimal value, long long factor);

// numerator / divisor, the one rounding of a derived value: half away from
// zero to `decimals` fraction digits (0..9). nullopt when divisor is 0.
// Exact inputs stay exact until here, so a projection is rounded exactly once.
std::optional<Decimal> roundedQuotient(Decimal numerator, long long divisor, int decimals);
// (to - from) / |from| x 100, rounded once (half away from zero) to `decimals`;
// nullopt when `from` is 0 (a change from nothing has no percentage) or on overflow.
std::optional<Decimal> percentChange(Decimal from, Decimal to, int decimals);
// a / b rounded once to `decimals`; nullopt when b is 0 or on overflow.
std::optional<Decimal> roundedRatio(Decimal a, Decimal b, int decimals);
// a / b x 100 rounded once to `decimals` (share of an included amount); nullopt when b is 0.
std::optional<Decimal> percentOf(Decimal a, Decimal b, int decimals);

inline constexpr const char* kTooLargeText = "too large to total exactly";

// Display form: rounded half away from zero to `decimals` fraction digits, with
// a thousands separator: formatDecimal(1234.5678, 2) -> "1,234.57".
std::string formatDecimal(Decimal value, int decimals, bool thousands = true);
// Money: two decimals minimum, up to `max_decimals` when the value needs them
// (so 0.000403 is not shown as 0.00), then the currency code: "1,234.50 EUR".
std::string formatMoney(Decimal value, std::string_view currency, int max_decimals = 6);
// Integer counts with thousands separators: 1234567 -> "1,234,567".
std::string formatCount(long long value);
// used * 100 / included in 128 bits (no overflow for any int64 pair); included > 0.
long long wholePercent(long long used, long long included);

}  // namespace ud::core
