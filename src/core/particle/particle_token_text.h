// Token lifetimes for people: the choices the login form offers and the note
// beside "Logged in as ..." (expires in, never, or unknown when the token's
// details could not be read).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/base/date.h"

namespace ud::core {

// "15 minutes", "1 hour", "8 hours", "30 days", "Never expires" (0).
std::string labelFromTokenLifetime(std::int64_t seconds);

// Where the token's expiry stands: GET /v1/access_tokens/current in flight,
// answered (expires_at empty = never expires), or failed (unknown: an empty
// expires_at must not read as "never").
enum class TokenExpiryInfo { Checking, Known, Unreadable };
const char* nameFromTokenExpiryInfo(TokenExpiryInfo info);  // "checking", "known", "unreadable"

// "token expires in 59 min", "token never expires", "token expiry unknown: ...".
std::string tokenExpiryNote(TokenExpiryInfo info, std::optional<Timestamp> expires_at, Timestamp now);

}  // namespace ud::core
