#include <gtest/gtest.h>

#include "core/base/http.h"

using namespace ud::core;

TEST(Http, FormBodyEncodesAndDecodes) {
    std::string body = formBody({{"username", "a+b@example.com"}, {"password", "p&ss w=rd"}});
    EXPECT_EQ(body, "username=a%2Bb%40example.com&password=p%26ss%20w%3Drd");
    auto pairs = pairsFromForm(body);
    ASSERT_EQ(pairs.size(), 2u);
    EXPECT_EQ(pairs[0].second, "a+b@example.com");
    EXPECT_EQ(pairs[1].second, "p&ss w=rd");
}

TEST(Http, HeaderLookupIgnoresCase) {
    HeaderList h{{"Content-Type", "text/csv"}, {"retry-after", "30"}};
    EXPECT_EQ(headerValue(h, "content-type"), "text/csv");
    EXPECT_EQ(retryAfterSeconds(h), 30);
    EXPECT_EQ(headerValue(h, "X-Missing"), "");
}

TEST(Http, JoinsUrlsAndNamesHosts) {
    EXPECT_EQ(joinUrl("https://api.particle.io/", "/v1/user"), "https://api.particle.io/v1/user");
    EXPECT_EQ(joinUrl("/ap", "api/v3/x"), "/ap/api/v3/x");
    EXPECT_EQ(hostFromUrl("http://127.0.0.1:9000/v1/user"), "127.0.0.1:9000");
}
