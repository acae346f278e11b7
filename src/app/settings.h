// User settings: a plain struct with in-class defaults, stored as versioned
// JSON through the KeyValueStore. Secrets are not settings and never live here.
#pragma once

#include <string>

#include "core/base/result.h"

namespace ud::app {

// Light or dark: as the system says (and follows its changes), or fixed by the person.
enum class ThemeChoice { System, Light, Dark };
const char* nameFromThemeChoice(ThemeChoice choice);  // "system", "light", "dark"

struct Settings {
    // Particle Cloud API address; a local fake or a proxy can stand in. Default the real API.
    std::string particle_base_url = "https://api.particle.io";
    // ActivePlatform base URL: absolute, or a same-origin proxy path such as "/ap/".
    std::string activeplatform_base_url = "/ap/";
    // Frames drawn after the last event so ImGui settles (hover, focus). Default 3.
    int settle_frames = 3;
    // While something animates (spinner, countdown), the loop draws at most this often, ms. Default 100.
    int animation_interval_ms = 100;
    // Colour scheme; applied and saved as soon as it is chosen. Default System.
    ThemeChoice theme = ThemeChoice::System;
};

inline constexpr int kSettingsVersion = 1;
inline constexpr const char* kSettingsKey = "usagedesk.settings";

std::string jsonFromSettings(const Settings& settings);
// Unknown keys are ignored, missing keys keep their defaults, a bad field keeps
// its default and is named in `dropped`; a newer version or broken JSON gives an
// error and the caller keeps the defaults (and leaves the stored text alone).
core::Result<Settings> settingsFromJson(std::string_view text, std::string* dropped = nullptr);
// A base URL the app can use: http(s)://host[...] or a path starting with '/'.
core::Status validateBaseUrl(std::string_view url);

}  // namespace ud::app
