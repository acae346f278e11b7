// Controller: the one place where intents become state changes.
#include "app/controller.h"

#include <type_traits>

namespace ud::app {

Controller::Controller(AppState& state, Services services)
    : state_(state),
      services_(services),
      particle_(state.particle, services),
      viewer_(state.viewer, services),
      activeplatform_(state.activeplatform, services) {}

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
            } else if constexpr (std::is_same_v<T, EnterDemoMode>) {
                state_.demo_mode = true;
                state_.notice = "Demo mode: simulated clouds inside this page, no network.";
            } else if constexpr (std::is_same_v<T, LeaveDemoMode>) {
                state_.demo_mode = false;
                state_.notice.clear();
            } else if constexpr (std::is_same_v<T, ParticleIntent>) {
                particle_.apply(i);
            } else if constexpr (std::is_same_v<T, ViewerIntent>) {
                viewer_.apply(i);
            } else if constexpr (std::is_same_v<T, ActivePlatformIntent>) {
                activeplatform_.apply(i);
            }
        },
        intent);
}

void Controller::tick() {
    services_.transport.poll();
    services_.demo_transport.poll();
    particle_.tick();
    viewer_.tick();
    activeplatform_.tick();
}

core::Timestamp Controller::nextWakeAt() const {
    core::Timestamp next = -1;
    for (core::Timestamp t : {particle_.nextWakeAt(), viewer_.nextWakeAt(), activeplatform_.nextWakeAt()})
        if (t >= 0 && (next < 0 || t < next)) next = t;
    return next;
}

bool Controller::isAnimating() const {
    return particle_.isAnimating() || viewer_.isAnimating() || activeplatform_.isAnimating();
}

}  // namespace ud::app
