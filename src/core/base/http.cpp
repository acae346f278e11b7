// Helpers for HTTP values: header lookup, reason phrases, URL/form encoding,
// URL joining, Retry-After.
#include "core/base/http.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdio>
#include <optional>

namespace ud::core {
namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::string_view headerValue(const HeaderList& headers, std::string_view name) {
    for (const auto& [k, v] : headers)
        if (equalsIgnoreCase(k, name)) return v;
    return {};
}

bool isSuccess(const HttpResponse& r) { return r.status >= 200 && r.status < 300; }

std::string_view reasonPhrase(int status) {
    switch (status) {
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 408: return "Request Timeout";
        case 409: return "Conflict";
        case 413: return "Payload Too Large";
        case 422: return "Unprocessable Entity";
        case 429: return "Too Many Requests";
        case 500: return "Internal Server Error";
        case 502: return "Bad Gateway";
        case 503: return "Service Unavailable";
        case 504: return "Gateway Timeout";
        default: return {};
    }
}

std::string urlEncode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}

std::string urlDecode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '+') {
            out.push_back(' ');
        } else if (c == '%' && i + 2 < text.size() &&
                   hexValue(text[i + 1]) >= 0 && hexValue(text[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2])));
            i += 2;
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::string formBody(const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string out;
    for (const auto& [k, v] : fields) {
        if (!out.empty()) out.push_back('&');
        out += urlEncode(k) + "=" + urlEncode(v);
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> pairsFromForm(std::string_view body) {
    std::vector<std::pair<std::string, std::string>> out;
    std::size_t pos = 0;
    while (pos <= body.size() && !body.empty()) {
        std::size_t amp = body.find('&', pos);
        std::string_view part = body.substr(pos, amp == std::string_view::npos ? std::string_view::npos : amp - pos);
        if (!part.empty()) {
            std::size_t eq = part.find('=');
            if (eq == std::string_view::npos)
                out.emplace_back(urlDecode(part), "");
            else
                out.emplace_back(urlDecode(part.substr(0, eq)), urlDecode(part.substr(eq + 1)));
        }
        if (amp == std::string_view::npos) break;
        pos = amp + 1;
    }
    return out;
}

std::string joinUrl(std::string_view base, std::string_view path) {
    std::string out(base);
    while (!out.empty() && out.back() == '/') out.pop_back();
    if (!path.empty() && path.front() != '/') out.push_back('/');
    out += path;
    return out;
}

std::string hostFromUrl(std::string_view url) {
    std::size_t start = url.find("://");
    if (start == std::string_view::npos) return std::string(url.empty() ? "this page's server" : url);
    start += 3;
    std::size_t end = url.find_first_of("/?#", start);
    return std::string(url.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
}

std::string answerTooLargeText(std::uint64_t bytes, std::uint64_t limit) {
    auto mb = [](std::uint64_t b) { return std::to_string((b + (1u << 20) - 1) >> 20) + " MB"; };
    if (bytes == 0) return "the answer is larger than the " + mb(limit) + " the page reads";
    return "the answer is " + mb(bytes) + "; the page reads answers up to " + mb(limit);
}

std::string plainHttpProblem(std::string_view url) {
    if (url.substr(0, 7) != "http://") return {};
    std::string host = hostFromUrl(url);
    if (auto at = host.rfind('@'); at != std::string::npos) host.erase(0, at + 1);
    if (!host.empty() && host.front() == '[') {
        host = host.substr(0, host.find(']') + 1);
    } else if (auto colon = host.find(':'); colon != std::string::npos) {
        host.erase(colon);
    }
    if (host == "localhost" || host == "[::1]" || host.substr(0, 4) == "127.") return {};
    return "Use https:// for " + (host.empty() ? std::string("this address") : host) +
           ": plain http:// is only allowed for this computer (127.0.0.1 or localhost), so passwords and tokens "
           "are never sent in clear.";
}

namespace {

// IMF-fixdate, the HTTP date form servers send: "Sun, 06 Nov 1994 08:49:37 GMT".
std::optional<Timestamp> timestampFromHttpDate(std::string_view v) {
    if (v.size() != 29 || v.substr(3, 2) != ", " || v.substr(25) != " GMT") return std::nullopt;
    auto number = [v](std::size_t at, std::size_t digits) {
        int n = 0;
        for (std::size_t i = at; i < at + digits; ++i) {
            if (v[i] < '0' || v[i] > '9') return -1;
            n = n * 10 + (v[i] - '0');
        }
        return n;
    };
    constexpr std::string_view kMonths = "JanFebMarAprMayJunJulAugSepOctNovDec";
    std::size_t month = kMonths.find(v.substr(8, 3));
    if (month == std::string_view::npos || month % 3 != 0) return std::nullopt;
    if (v[7] != ' ' || v[11] != ' ' || v[16] != ' ' || v[19] != ':' || v[22] != ':') return std::nullopt;
    int day = number(5, 2), year = number(12, 4), h = number(17, 2), m = number(20, 2), s = number(23, 2);
    int mon = static_cast<int>(month / 3) + 1;
    if (!isValidDate(year, mon, day) || h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 60) return std::nullopt;
    return timestampFromDate({year, mon, day}) + ((h * 60 + m) * 60 + s) * Timestamp{1000};
}

}  // namespace

int retryAfterSeconds(const HeaderList& headers, Timestamp now) {
    if (int seconds = retryAfterSeconds(headers); seconds >= 0) return seconds;
    std::optional<Timestamp> at = timestampFromHttpDate(headerValue(headers, "Retry-After"));
    if (!at) return -1;
    if (*at <= now) return 0;
    return static_cast<int>(std::min<Timestamp>((*at - now + 999) / 1000, INT_MAX));
}

int retryAfterSeconds(const HeaderList& headers) {
    std::string_view v = headerValue(headers, "Retry-After");
    if (v.empty() || v.size() > 9) return -1;
    int s = 0;
    for (char c : v) {
        if (c < '0' || c > '9') return -1;
        s = s * 10 + (c - '0');
    }
    return s;
}

}  // namespace ud::core
