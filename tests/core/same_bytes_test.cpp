// sameBytes: word-at-a-time text equality, against std::string_view's ==.
#include <gtest/gtest.h>

#include <string>

#include "core/base/same_bytes.h"

namespace ud::core {
namespace {

TEST(SameBytes, AgreesWithStringEqualityForEveryLengthAndDifferingByte) {
    for (std::size_t n = 0; n <= 40; ++n) {
        std::string a;
        for (std::size_t i = 0; i < n; ++i) a.push_back(static_cast<char>('a' + i % 26));
        std::string b = a;
        EXPECT_TRUE(sameBytes(a, b)) << n;
        for (std::size_t i = 0; i < n; ++i) {
            std::string c = a;
            c[i] = static_cast<char>(c[i] ^ 0x80);  // a high bit: signed chars compare too
            EXPECT_FALSE(sameBytes(a, c)) << n << " " << i;
            EXPECT_EQ(sameBytes(a, c), std::string_view(a) == std::string_view(c));
        }
        EXPECT_FALSE(sameBytes(a, a + "x")) << n;
        if (n > 0) {
            EXPECT_FALSE(sameBytes(a, std::string_view(a).substr(0, n - 1))) << n;
        }
    }
}

TEST(SameBytes, ReadsOnlyTheViewsBytes) {
    // Views into a longer buffer: bytes past the view must not count.
    std::string buffer = "abcdefghijXYZ", other = "abcdefghijQRS";
    EXPECT_TRUE(sameBytes(std::string_view(buffer).substr(0, 10), std::string_view(other).substr(0, 10)));
    EXPECT_TRUE(sameBytes(std::string_view(buffer).substr(2, 9), "cdefghijX"));
    EXPECT_TRUE(sameBytes({}, ""));
}

}  // namespace
}  // namespace ud::core
