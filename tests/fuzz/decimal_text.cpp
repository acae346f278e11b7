// libFuzzer target: Decimal::fromText on any text, the exact round trip of what
// parsed, checked sums past the 128-bit range, and the formatters.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/base/decimal.h"

using ud::core::Decimal;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto d = Decimal::fromText(text);
    if (!d) return 0;
    // Shortest text reads back as the same value.
    auto back = Decimal::fromText(d->toString());
    if (!back || *back != *d) std::abort();
    Decimal sum;
    for (int i = 0; i < 300; ++i) sum += *d;  // may pass 128 bits: must turn "too large", never wrap
    if (!sum.isTooLarge() && !d->isZero() && (sum.isNegative() != d->isNegative())) std::abort();
    sum -= *d;
    (void)(-sum);
    (void)ud::core::formatDecimal(*d, 2);
    (void)ud::core::formatMoney(sum, "EUR");
    (void)d->toDouble();
    (void)ud::core::wholePercent(static_cast<long long>(size) * 1000000007LL, 1 + static_cast<long long>(size));
    return 0;
}
