// Proxy choice from HTTPS_PROXY / HTTP_PROXY / NO_PROXY, as curl reads them.
#include <gtest/gtest.h>

#include "platform/native/http_proxy.h"

namespace ud::platform {
namespace {

TEST(HttpProxy, HttpsUrlsUseHttpsProxyAndHttpUrlsHttpProxy) {
    ProxyEnvironment env{"http://plain:3128", "http://user:p%40ss@corp-proxy:8080/", ""};
    auto https = proxyForUrl("https://api.particle.io/v1/user", env);
    ASSERT_TRUE(https.has_value());
    EXPECT_EQ(https->host, "corp-proxy");
    EXPECT_EQ(https->port, 8080);
    EXPECT_EQ(https->user, "user");
    EXPECT_EQ(https->password, "p@ss");
    auto http = proxyForUrl("http://127.0.0.1:9101/v1/user", env);
    ASSERT_TRUE(http.has_value());
    EXPECT_EQ(http->host, "plain");
    EXPECT_EQ(http->port, 3128);
}

TEST(HttpProxy, NoProxyMatchesHostsAndSubdomains) {
    ProxyEnvironment env{"", "corp-proxy:8080", "localhost, .example.com,10.0.0.1:443"};
    EXPECT_FALSE(proxyForUrl("https://cp.example.com/api", env).has_value());
    EXPECT_FALSE(proxyForUrl("https://example.com/api", env).has_value());
    EXPECT_FALSE(proxyForUrl("https://10.0.0.1/x", env).has_value());
    EXPECT_TRUE(proxyForUrl("https://notexample.com/api", env).has_value());
    EXPECT_EQ(proxyForUrl("https://api.particle.io", env)->port, 8080);
    EXPECT_FALSE(proxyForUrl("https://api.particle.io", {"", "corp-proxy:8080", "*"}).has_value());
}

TEST(HttpProxy, NothingSetMeansDirect) {
    EXPECT_FALSE(proxyForUrl("https://api.particle.io", {}).has_value());
    EXPECT_FALSE(proxyForUrl("http://127.0.0.1:1/", {"", "corp:1", ""}).has_value()) << "HTTPS_PROXY is for https only";
}

}  // namespace
}  // namespace ud::platform
