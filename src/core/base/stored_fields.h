// Reading a stored JSON record field by field, never throwing: each read checks
// presence and type first (exceptions are off in the WASM build, so a throw from
// get<>() would end the page). The first bad field is remembered so the caller
// can drop the record and say which field was wrong.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace ud::core {

// Year 9999 in ms since 1970: the largest time a stored record may hold.
inline constexpr std::int64_t kMaxStoredTimestamp = 253402300799999LL;

// JSON text for storage. Invalid UTF-8 (a message quoting a raw HTML answer)
// is replaced, not thrown on: dump() would throw, and a throw ends the page.
inline std::string storedJsonText(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

class StoredFields {
public:
    explicit StoredFields(const nlohmann::json& j) : j_(j) {
        if (!j_.is_object()) problem_ = "not an object";
    }
    // A text field; absent gives `fallback` unless `required`.
    std::string text(const char* key, bool required = false, std::string fallback = {});
    // An integer in [min, max]; a fraction, a string or a value out of range is a problem.
    std::int64_t integer(const char* key, std::int64_t min, std::int64_t max, bool required = false,
                         std::int64_t fallback = 0);
    std::optional<std::int64_t> optionalInteger(const char* key, std::int64_t min, std::int64_t max);
    bool boolean(const char* key, bool required = false, bool fallback = false);
    // The record's "v" (absent = 1). A newer version is not a problem: the caller keeps it untouched.
    int version(const char* key = "v");

    bool ok() const { return problem_.empty(); }
    const std::string& problem() const { return problem_; }  // e.g. "'attempts' is not a whole number in range"
    void fail(std::string problem) {
        if (problem_.empty()) problem_ = std::move(problem);
    }

private:
    const nlohmann::json* find(const char* key, bool required);
    const nlohmann::json& j_;
    std::string problem_;
};

}  // namespace ud::core
