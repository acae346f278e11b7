// A token the user asked the page to remember, stored with the API address it
// was created for: it is only ever sent back to that address (a setting that
// could not be read must not send it to the default host instead).
#pragma once

#include <string>
#include <string_view>

#include "core/base/result.h"

namespace ud::core {

inline constexpr int kRememberedTokenVersion = 1;

struct RememberedToken {
    std::string token;      // secret
    std::string api;        // the base URL it belongs to, as configured when it was saved
    bool created_here = false;
};

std::string jsonFromRememberedToken(const RememberedToken& token);
// Two API addresses are the same one (trailing slashes aside).
bool sameApiAddress(std::string_view a, std::string_view b);

enum class StoredTokenState { Usable, OtherAddress, Newer, Bad };
struct StoredToken {
    StoredTokenState state = StoredTokenState::Bad;
    RememberedToken token;  // Usable or OtherAddress
    std::string problem;    // Bad: which field, for the notice
};
// Reads the record and compares its address with `api` (trailing slashes aside).
// Old records without an address are Bad: where they belong is unknown.
StoredToken storedTokenFromJson(std::string_view text, std::string_view api);

}  // namespace ud::core
