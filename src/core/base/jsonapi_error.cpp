// Reads a JSON:API error document (see jsonapi_error.h).
#include "core/base/jsonapi_error.h"

#include <nlohmann/json.hpp>

namespace ud::core {
namespace {

using nlohmann::json;

// Error bodies are small; a huge one is not an error document worth reading.
constexpr std::size_t kMaxErrorBodyBytes = 256 * 1024;

std::string stringMember(const json& object, const char* key) {
    if (!object.is_object()) return {};
    auto it = object.find(key);
    if (it == object.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<long long>());
    return {};
}

}  // namespace

JsonApiError jsonApiErrorFromBody(std::string_view body, bool plain_too) {
    JsonApiError out;
    if (body.empty() || body.size() > kMaxErrorBodyBytes) return out;
    json doc = json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.is_object()) return out;
    auto errors = doc.find("errors");
    if (errors != doc.end() && errors->is_array() && !errors->empty()) {
        const json& first = errors->front();
        out.detail = stringMember(first, "detail");
        out.title = stringMember(first, "title");
        out.code = stringMember(first, "code");
        if (first.is_object() && first.contains("source")) out.parameter = stringMember(first["source"], "parameter");
    } else if (plain_too) {
        out.detail = stringMember(doc, "message");
        out.title = stringMember(doc, "error");
    }
    return out;
}

}  // namespace ud::core
