// RememberedToken <-> stored JSON, field by field.
#include "core/base/remembered_token.h"

#include <nlohmann/json.hpp>

#include "core/base/stored_fields.h"

namespace ud::core {
namespace {

std::string_view withoutTrailingSlashes(std::string_view s) {
    while (!s.empty() && s.back() == '/') s.remove_suffix(1);
    return s;
}

}  // namespace

bool sameApiAddress(std::string_view a, std::string_view b) { return withoutTrailingSlashes(a) == withoutTrailingSlashes(b); }

std::string jsonFromRememberedToken(const RememberedToken& t) {
    return storedJsonText(
        nlohmann::json{{"v", kRememberedTokenVersion}, {"token", t.token}, {"api", t.api}, {"created_here", t.created_here}});
}

StoredToken storedTokenFromJson(std::string_view text, std::string_view api) {
    StoredToken out;
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        out.problem = "not JSON";
        return out;
    }
    StoredFields f(j);
    if (f.version() > kRememberedTokenVersion && f.ok()) {
        out.state = StoredTokenState::Newer;
        return out;
    }
    out.token.token = f.text("token", true);
    out.token.api = f.text("api", true);
    out.token.created_here = f.boolean("created_here");
    if (f.ok() && out.token.token.empty()) f.fail("'token' is empty");
    if (!f.ok()) {
        out.problem = f.problem();
        out.token = {};
        return out;
    }
    out.state = sameApiAddress(out.token.api, api) ? StoredTokenState::Usable : StoredTokenState::OtherAddress;
    return out;
}

}  // namespace ud::core
