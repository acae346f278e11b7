// Controller: the one place where intents become state changes.
#include "app/controller.h"

#include <type_traits>

namespace ud::app {

Controller::Controller(AppState& state, Services services) : state_(state), services_(services) {}

void Controller::loadSaved() {
    auto saved = services_.store.get(kSettingsKey);
    if (!saved) return;
    auto settings = settingsFromJson(*saved);
    if (settings)
        state_.settings = settings.value();
    else
        state_.notice = settings.error().message;
}

void Controller::apply(const Intents& intents) {
    for (const Intent& intent : intents) applyOne(intent);
}

void Controller::applyOne(const Intent& intent) {
    std::visit(
        [this](const auto& i) {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, SelectSection>) {
                state_.section = i.section;
            } else if constexpr (std::is_same_v<T, SaveSettings>) {
                state_.settings = i.settings;
                services_.store.set(kSettingsKey, jsonFromSettings(state_.settings));
                state_.notice = "Settings saved on this device.";
            } else if constexpr (std::is_same_v<T, ResetSettings>) {
                state_.settings = Settings{};
                services_.store.remove(kSettingsKey);
                state_.notice = "Settings reset to defaults.";
            } else if constexpr (std::is_same_v<T, DismissNotice>) {
                state_.notice.clear();
            }
        },
        intent);
}

void Controller::tick() { services_.transport.poll(); }

core::Timestamp Controller::nextWakeAt() const { return -1; }

bool Controller::isAnimating() const { return false; }

}  // namespace ud::app
