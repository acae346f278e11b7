// Settings <-> JSON, and base URL validation.
#include "app/settings.h"

#include <nlohmann/json.hpp>

namespace ud::app {

using nlohmann::json;

std::string jsonFromSettings(const Settings& s) {
    json j = {{"version", kSettingsVersion},
              {"particle_base_url", s.particle_base_url},
              {"activeplatform_base_url", s.activeplatform_base_url}};
    return j.dump();
}

core::Result<Settings> settingsFromJson(std::string_view text) {
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return core::makeError(core::ErrorKind::Parse, "Saved settings are not valid JSON; defaults used.");
    if (j.contains("version") && j["version"].is_number_integer() && j["version"].get<int>() > kSettingsVersion)
        return core::makeError(core::ErrorKind::Parse, "Saved settings come from a newer UsageDesk; defaults used.");
    Settings s;
    auto readString = [&](const char* key, std::string& out) {
        if (j.contains(key) && j[key].is_string()) out = j[key].get<std::string>();
    };
    readString("particle_base_url", s.particle_base_url);
    readString("activeplatform_base_url", s.activeplatform_base_url);
    return s;
}

core::Status validateBaseUrl(std::string_view url) {
    auto startsWith = [&](std::string_view p) { return url.substr(0, p.size()) == p; };
    if (url.empty()) return core::makeError(core::ErrorKind::Validation, "Enter an address.");
    if (url.find_first_of(" \t\r\n") != std::string_view::npos)
        return core::makeError(core::ErrorKind::Validation, "An address cannot contain spaces.");
    if (startsWith("/")) return core::Ok{};
    if ((startsWith("https://") && url.size() > 8) || (startsWith("http://") && url.size() > 7)) return core::Ok{};
    return core::makeError(core::ErrorKind::Validation,
                           "Use an address starting with https:// (or http:// for a local server), or a path like /ap/.");
}

}  // namespace ud::app
