// StoredFields: presence and type checked before every get<>().
#include "core/base/stored_fields.h"

#include <limits>

namespace ud::core {

const nlohmann::json* StoredFields::find(const char* key, bool required) {
    if (!j_.is_object()) return nullptr;
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) {
        if (required) fail(std::string("'") + key + "' is missing");
        return nullptr;
    }
    return &*it;
}

std::string StoredFields::text(const char* key, bool required, std::string fallback) {
    const nlohmann::json* v = find(key, required);
    if (!v) return fallback;
    if (!v->is_string()) {
        fail(std::string("'") + key + "' is not text");
        return fallback;
    }
    return v->get<std::string>();
}

std::int64_t StoredFields::integer(const char* key, std::int64_t min, std::int64_t max, bool required,
                                   std::int64_t fallback) {
    const nlohmann::json* v = find(key, required);
    if (!v) return fallback;
    bool in_range = false;
    std::int64_t out = fallback;
    if (v->is_number_unsigned()) {
        const auto u = v->get<std::uint64_t>();
        in_range = u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) &&
                   static_cast<std::int64_t>(u) >= min && static_cast<std::int64_t>(u) <= max;
        if (in_range) out = static_cast<std::int64_t>(u);
    } else if (v->is_number_integer()) {
        const auto s = v->get<std::int64_t>();
        in_range = s >= min && s <= max;
        if (in_range) out = s;
    }
    if (!in_range) {
        fail(std::string("'") + key + "' is not a whole number in range");
        return fallback;
    }
    return out;
}

std::optional<std::int64_t> StoredFields::optionalInteger(const char* key, std::int64_t min, std::int64_t max) {
    if (!find(key, false)) return std::nullopt;
    return integer(key, min, max, true);
}

bool StoredFields::boolean(const char* key, bool required, bool fallback) {
    const nlohmann::json* v = find(key, required);
    if (!v) return fallback;
    if (!v->is_boolean()) {
        fail(std::string("'") + key + "' is not true or false");
        return fallback;
    }
    return v->get<bool>();
}

int StoredFields::version(const char* key) {
    return static_cast<int>(integer(key, 1, std::numeric_limits<int>::max(), false, 1));
}

}  // namespace ud::core
