// Proxy choice from the environment (see http_proxy.h): pure string rules
// plus one function that reads the process environment.
#include "platform/native/http_proxy.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "core/base/http.h"

namespace ud::platform {
namespace {

std::string envValue(const char* upper, const char* lower) {
    if (const char* v = std::getenv(upper); v && *v) return v;
    if (const char* v = std::getenv(lower); v && *v) return v;
    return {};
}

std::string lowerCase(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

// "host:port" or "[v6]:port" -> host (lower case, no brackets).
std::string hostOnly(std::string_view authority) {
    if (!authority.empty() && authority.front() == '[') {
        std::size_t close = authority.find(']');
        return lowerCase(authority.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1));
    }
    return lowerCase(authority.substr(0, authority.find(':')));
}

bool bypassed(const std::string& host, std::string_view no_proxy) {
    while (!no_proxy.empty()) {
        std::size_t comma = no_proxy.find(',');
        std::string_view entry = trim(no_proxy.substr(0, comma));
        no_proxy = comma == std::string_view::npos ? std::string_view{} : no_proxy.substr(comma + 1);
        if (entry == "*") return true;
        if (entry.empty()) continue;
        std::string name = hostOnly(entry.front() == '.' ? entry.substr(1) : entry);
        if (name.empty()) continue;
        if (host == name) return true;
        if (host.size() > name.size() && host.compare(host.size() - name.size(), name.size(), name) == 0 &&
            host[host.size() - name.size() - 1] == '.')
            return true;
    }
    return false;
}

std::optional<ProxyTarget> targetFromProxyUrl(std::string_view proxy) {
    proxy = trim(proxy);
    if (std::size_t scheme = proxy.find("://"); scheme != std::string_view::npos) proxy.remove_prefix(scheme + 3);
    proxy = proxy.substr(0, proxy.find('/'));
    ProxyTarget t;
    if (std::size_t at = proxy.rfind('@'); at != std::string_view::npos) {
        std::string_view credentials = proxy.substr(0, at);
        std::size_t colon = credentials.find(':');
        t.user = core::urlDecode(credentials.substr(0, colon));
        if (colon != std::string_view::npos) t.password = core::urlDecode(credentials.substr(colon + 1));
        proxy.remove_prefix(at + 1);
    }
    t.host = hostOnly(proxy);
    if (t.host.empty()) return std::nullopt;
    std::size_t port_colon = proxy.rfind(':');
    if (port_colon != std::string_view::npos && proxy.find(']', port_colon) == std::string_view::npos) {
        int port = std::atoi(std::string(proxy.substr(port_colon + 1)).c_str());
        if (port > 0 && port < 65536) t.port = port;
    }
    return t;
}

}  // namespace

ProxyEnvironment proxyEnvironmentFromProcess() {
    return {envValue("HTTP_PROXY", "http_proxy"), envValue("HTTPS_PROXY", "https_proxy"),
            envValue("NO_PROXY", "no_proxy")};
}

std::optional<ProxyTarget> proxyForUrl(std::string_view url, const ProxyEnvironment& env) {
    const std::string lower = lowerCase(url.substr(0, 8));
    const bool https = lower.rfind("https://", 0) == 0;
    const bool http = lower.rfind("http://", 0) == 0;
    if (!https && !http) return std::nullopt;
    const std::string& proxy = https ? env.https_proxy : env.http_proxy;
    if (trim(proxy).empty()) return std::nullopt;
    std::string_view rest = url.substr(https ? 8 : 7);
    std::string host = hostOnly(rest.substr(0, rest.find_first_of("/?#")));
    if (bypassed(host, env.no_proxy)) return std::nullopt;
    return targetFromProxyUrl(proxy);
}

}  // namespace ud::platform
