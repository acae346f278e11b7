// Token lifetime labels and the expiry note (see particle_token_text.h).
#include "core/particle/particle_token_text.h"

namespace ud::core {
namespace {

std::string counted(std::int64_t n, const char* unit) {
    return std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
}

}  // namespace

std::string labelFromTokenLifetime(std::int64_t seconds) {
    if (seconds <= 0) return "Never expires";
    if (seconds % 86400 == 0) return counted(seconds / 86400, "day");
    if (seconds % 3600 == 0) return counted(seconds / 3600, "hour");
    if (seconds % 60 == 0) return counted(seconds / 60, "minute");
    return counted(seconds, "second");
}

const char* nameFromTokenExpiryInfo(TokenExpiryInfo info) {
    switch (info) {
        case TokenExpiryInfo::Checking: return "checking";
        case TokenExpiryInfo::Known: return "known";
        case TokenExpiryInfo::Unreadable: return "unreadable";
    }
    return "unknown";
}

std::string tokenExpiryNote(TokenExpiryInfo info, std::optional<Timestamp> expires_at, Timestamp now) {
    if (info == TokenExpiryInfo::Checking) return "checking when the token expires...";
    if (info == TokenExpiryInfo::Unreadable) return "token expiry unknown: its details could not be read";
    if (!expires_at) return "token never expires";
    return "token expires in " + durationText(*expires_at - now);
}

}  // namespace ud::core
