// Controller: the one place where intents become state changes.
#include "app/controller.h"

#include <type_traits>

#include "core/base/decimal.h"
#include "core/table/png_encode.h"

namespace ud::app {

Controller::Controller(AppState& state, Services services)
    : state_(state),
      services_(services),
      particle_(state.particle, services, state.settings.particle_base_url),
      viewer_(state.viewer, services),
      activeplatform_(state.activeplatform, services) {
    // "Open in viewer": the CSV goes through the same path as a picked file.
    particle_.setOpenInViewer([this](std::string file_name, std::string csv) {
        viewer_.onFileChunk(csv);
        viewer_.onFileEnd(file_name, csv.size());
        state_.section = Section::Viewer;
    });
    // "Compare with last period": the earlier report is kept, then the later one opens.
    particle_.setCompareInViewer([this](std::string earlier_name, std::string earlier_csv, std::string later_name,
                                        std::string later_csv) {
        viewer_.onFileChunk(earlier_csv);
        viewer_.onFileEnd(earlier_name, earlier_csv.size());
        viewer_.apply(KeepAsEarlierPeriod{});
        viewer_.onFileChunk(later_csv);
        viewer_.onFileEnd(later_name, later_csv.size());
        state_.section = Section::Viewer;
    });
}

void Controller::loadSaved() {
    if (auto saved = services_.store.get(kSettingsKey)) {
        std::string dropped;
        auto settings = settingsFromJson(*saved, &dropped);
        if (settings) {
            state_.settings = settings.value();
            state_.notice = dropped;
        } else {
            state_.notice = settings.error().message;
        }
    }
    updateTheme();
    particle_.start();  // after the settings: a remembered token is checked at the saved API address
    announcer_.reset(state_);
}

void Controller::apply(const Intents& intents) {
    for (const Intent& intent : intents) applyOne(intent);
    announcer_.update(state_);
}

void Controller::applyOne(const Intent& intent) {
    std::visit(
        [this](const auto& i) {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, SelectSection>) {
                state_.section = i.section;
            } else if constexpr (std::is_same_v<T, SaveSettings>) {
                state_.settings = i.settings;
                state_.notice = services_.store.set(kSettingsKey, jsonFromSettings(state_.settings))
                                    ? "Settings saved on this device."
                                    : "Settings apply now but could not be saved on this device: the browser refused "
                                      "to store them (storage full or blocked).";
                updateTheme();
            } else if constexpr (std::is_same_v<T, ResetSettings>) {
                state_.settings = Settings{};
                services_.store.remove(kSettingsKey);
                state_.notice = "Settings reset to defaults.";
                updateTheme();
            } else if constexpr (std::is_same_v<T, ChooseTheme>) {
                state_.settings.theme = i.theme;
                if (!services_.store.set(kSettingsKey, jsonFromSettings(state_.settings)))
                    state_.notice = "The theme applies now but could not be saved on this device: the browser "
                                    "refused to store it (storage full or blocked).";
                updateTheme();
            } else if constexpr (std::is_same_v<T, DismissNotice>) {
                state_.notice.clear();
            } else if constexpr (std::is_same_v<T, EnterDemoMode>) {
                if (state_.demo_mode) return;
                setDemoMode(true);
                state_.notice = "Demo mode: simulated clouds inside this page, no network.";
            } else if constexpr (std::is_same_v<T, LeaveDemoMode>) {
                if (!state_.demo_mode) return;
                setDemoMode(false);
                state_.notice.clear();
            } else if constexpr (std::is_same_v<T, SaveChartPng>) {
                saveChartPng(i);
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

bool Controller::handle(const PageEvent& event) {
    bool accepted = true;
    std::visit(
        [this, &accepted](const auto& e) {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, FileStart>) {
                accepted = viewer_.onFileStart(e.name, e.size);
                // The Viewer shows the load's progress (or why the file was refused),
                // wherever the file was dropped: the section switched only at the
                // end, so a file dropped on another section loaded with no progress shown.
                state_.section = Section::Viewer;
            } else if constexpr (std::is_same_v<T, FileAborted>) {
                viewer_.onFileAbort(e.reason);
            } else if constexpr (std::is_same_v<T, FileChunk>) {
                viewer_.onFileChunk(e.bytes);
            } else if constexpr (std::is_same_v<T, FileEnd>) {
                viewer_.onFileEnd(e.name, e.size);
                state_.section = Section::Viewer;  // show what was opened, wherever it was dropped
            } else if constexpr (std::is_same_v<T, ThemeChanged>) {
                state_.system_dark = e.dark;
                updateTheme();
            } else if constexpr (std::is_same_v<T, NetworkChanged>) {
                state_.offline = !e.online;
                particle_.setOffline(state_.offline);
                activeplatform_.setOffline(state_.offline);
            } else if constexpr (std::is_same_v<T, PixelRatioChanged>) {
                if (e.ratio > 0) state_.pixel_ratio = e.ratio;
            } else if constexpr (std::is_same_v<T, Resized>) {
                state_.canvas_width = e.width;
                state_.canvas_height = e.height;
            } else if constexpr (std::is_same_v<T, FontsLoaded>) {
                state_.fonts = e.files;
            } else if constexpr (std::is_same_v<T, StorageChanged>) {
                particle_.onStorageChanged();
            }
        },
        event);
    announcer_.update(state_);
    return accepted;
}

void Controller::updateTheme() {
    switch (state_.settings.theme) {
        case ThemeChoice::System: state_.dark_theme = state_.system_dark; break;
        case ThemeChoice::Light: state_.dark_theme = false; break;
        case ThemeChoice::Dark: state_.dark_theme = true; break;
    }
}

// Every cloud switches together; each drops what it had in flight.
void Controller::setDemoMode(bool demo) {
    state_.demo_mode = demo;
    particle_.setDemoMode(demo);
    activeplatform_.setDemoMode(demo);
}

// Charts of every section are saved the same way; the outcome goes to the notice bar.
void Controller::saveChartPng(const SaveChartPng& chart) {
    std::string png = core::pngFromRgba(chart.width, chart.height, chart.rgba);
    if (png.empty()) {
        state_.notice = "Could not save the chart: the image was empty.";
        return;
    }
    services_.files.saveFile(chart.file_name, "image/png", png);
    state_.notice = "Saved " + chart.file_name + " (" + std::to_string(chart.width) + " x " +
                    std::to_string(chart.height) + " px, " + core::formatCount(static_cast<long long>(png.size())) +
                    " bytes).";
}

void Controller::tick() {
    services_.transport.poll();
    services_.demo_transport.poll();
    particle_.tick();
    viewer_.tick();
    activeplatform_.tick();
    announcer_.update(state_);
}

core::Timestamp Controller::nextWakeAt() const {
    core::Timestamp next = -1;
    for (core::Timestamp t : {particle_.nextWakeAt(), viewer_.nextWakeAt(), activeplatform_.nextWakeAt(),
                              services_.demo_transport.nextDue()})
        if (t >= 0 && (next < 0 || t < next)) next = t;
    return next;
}

bool Controller::isAnimating() const {
    // Not the viewer: a file being read is drawn a few times a second as the page
    // asks (ud_draw_progress), and a frame every animation step would take the
    // CPU the read needs; the demo's rows come from ticks (its nextWakeAt).
    return particle_.isAnimating() || activeplatform_.isAnimating();
}

}  // namespace ud::app
