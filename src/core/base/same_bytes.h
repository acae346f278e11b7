// Byte equality of two texts a word at a time. In WebAssembly memcmp is a
// byte loop; the parsers' hot paths (dictionary lookups, key matching)
// compare short texts millions of times.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace ud::core {

inline bool sameBytes(std::string_view a, std::string_view b) {
    std::size_t n = a.size();
    if (n != b.size()) return false;
    const char *p = a.data(), *q = b.data();
    if (n < 8) {
        for (std::size_t i = 0; i < n; ++i)
            if (p[i] != q[i]) return false;
        return true;
    }
    std::uint64_t x, y;
    for (std::size_t i = 0; i + 8 < n; i += 8) {
        std::memcpy(&x, p + i, 8);
        std::memcpy(&y, q + i, 8);
        if (x != y) return false;
    }
    std::memcpy(&x, p + n - 8, 8);  // the last word, overlapping the one before when n is not a multiple of 8
    std::memcpy(&y, q + n - 8, 8);
    return x == y;
}

}  // namespace ud::core
