// Settings <-> JSON, and base URL validation.
#include "app/settings.h"

#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/http.h"
#include "core/base/stored_fields.h"

namespace ud::app {

using nlohmann::json;

namespace {
constexpr ThemeChoice kThemeChoices[] = {ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark};
}  // namespace

const char* nameFromThemeChoice(ThemeChoice choice) {
    switch (choice) {
        case ThemeChoice::System: return "system";
        case ThemeChoice::Light: return "light";
        case ThemeChoice::Dark: return "dark";
    }
    return "system";
}

std::string jsonFromSettings(const Settings& s) {
    json j = {{"version", kSettingsVersion},
              {"particle_base_url", s.particle_base_url},
              {"activeplatform_base_url", s.activeplatform_base_url},
              {"theme", nameFromThemeChoice(s.theme)}};
    return core::storedJsonText(j);
}

core::Result<Settings> settingsFromJson(std::string_view text, std::string* dropped) {
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return core::makeError(core::ErrorKind::Parse, "Saved settings are not valid JSON; defaults used.");
    core::StoredFields version(j);
    if (version.version("version") > kSettingsVersion && version.ok())
        return core::makeError(core::ErrorKind::Parse,
                               "Saved settings come from a newer UsageDesk; defaults used and the saved ones left as they are.");
    Settings s;
    std::vector<std::string> bad;
    if (!version.ok()) bad.push_back(version.problem());
    // Each field on its own: a bad one keeps its default, the others still load.
    auto readAddress = [&](const char* key, std::string& out) {
        core::StoredFields f(j);
        std::string value = f.text(key, false, out);
        if (f.ok() && !validateBaseUrl(value)) f.fail(std::string("'") + key + "' is not a usable address");
        if (f.ok())
            out = std::move(value);
        else
            bad.push_back(f.problem());
    };
    readAddress("particle_base_url", s.particle_base_url);
    readAddress("activeplatform_base_url", s.activeplatform_base_url);
    {
        core::StoredFields f(j);
        const std::string theme = f.text("theme", false, nameFromThemeChoice(s.theme));
        bool known = false;
        for (ThemeChoice c : kThemeChoices) {
            if (theme != nameFromThemeChoice(c)) continue;
            s.theme = c;
            known = true;
        }
        if (f.ok() && !known) f.fail("'theme' is not system, light or dark");
        if (!f.ok()) bad.push_back(f.problem());
    }
    if (dropped && !bad.empty()) {
        *dropped = "Some saved settings could not be read and were reset to defaults: ";
        for (std::size_t i = 0; i < bad.size(); ++i) *dropped += (i ? "; " : "") + bad[i];
        *dropped += ".";
    }
    return s;
}

core::Status validateBaseUrl(std::string_view url) {
    auto startsWith = [&](std::string_view p) { return url.substr(0, p.size()) == p; };
    if (url.empty()) return core::makeError(core::ErrorKind::Validation, "Enter an address.");
    if (url.find_first_of(" \t\r\n") != std::string_view::npos)
        return core::makeError(core::ErrorKind::Validation, "An address cannot contain spaces.");
    if (startsWith("/")) return core::Ok{};
    if (std::string clear = core::plainHttpProblem(url); !clear.empty())
        return core::makeError(core::ErrorKind::Validation, clear);
    if ((startsWith("https://") && url.size() > 8) || (startsWith("http://") && url.size() > 7)) return core::Ok{};
    return core::makeError(core::ErrorKind::Validation,
                           "Use an address starting with https:// (or http:// for a local server), or a path like /ap/.");
}

}  // namespace ud::app
