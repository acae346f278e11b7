// Which proxy a native request goes through, the way curl reads the
// environment: HTTPS_PROXY (https_proxy) for https:// URLs, HTTP_PROXY
// (http_proxy) for http:// URLs, and NO_PROXY (no_proxy) naming hosts that go
// direct: comma-separated names, each matching the host or any subdomain
// ("example.com" and ".example.com" both match api.example.com), "*" = all.
// Ports in NO_PROXY entries are ignored. Proxy URLs are http://[user:pass@]host[:port].
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ud::platform {

struct ProxyEnvironment {
    std::string http_proxy;
    std::string https_proxy;
    std::string no_proxy;
};

struct ProxyTarget {
    std::string host;
    int port = 80;
    std::string user;      // basic auth, when the proxy URL carries it
    std::string password;  // never printed
};

// Reads the variables above (upper case first, then lower case).
ProxyEnvironment proxyEnvironmentFromProcess();

// The proxy for `url`, or nullopt to connect directly.
std::optional<ProxyTarget> proxyForUrl(std::string_view url, const ProxyEnvironment& env);

}  // namespace ud::platform
