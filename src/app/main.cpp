// The page's entry point: builds the one App, wires SDL2 + WebGL2 + Dear ImGui,
// and runs the render-on-demand loop. Everything the loop decides is here:
// when to draw (input, network answers, due timers, animations), HiDPI font
// rasterisation (again when devicePixelRatio changes), the theme, precise mouse wheel, touch, and the exported functions the page's
// JavaScript calls (test hook, paste, resize, theme, file chunks, the page's
// <input>s over the text fields). Page
// happenings go to the Controller as events; this file never writes AppState.
// There is no per-frame loop: every frame is requested (FrameScheduler), so an
// idle page runs nothing at all.
#include <SDL.h>
#include <SDL_opengles2.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/controller.h"
#include "app/demo_clouds.h"
#include "app/state_json.h"
#include "platform/simulated_transport.h"
#include "platform/web/browser_glue.h"
#include "platform/web/file_dialogs_web.h"
#include "platform/web/frame_scheduler.h"
#include "platform/web/http_transport_web.h"
#include "platform/web/local_storage.h"
#include "ui/font_atlas.h"
#include "ui/imgui_gl.h"
#include "ui/theme.h"
#include "ui/touch_gestures.h"
#include "ui/ui_root.h"

namespace {

class BrowserClock : public ud::platform::Clock {
public:
    ud::core::Timestamp now() const override {
        return static_cast<ud::core::Timestamp>(ud::platform::web::nowMs());
    }
};

void frame(void* app);
void backgroundTick(void* app);

struct App {
    ud::platform::web::FrameScheduler scheduler{frame, backgroundTick, this};
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    float dpr = 1.0f;
    bool drawn_dark = false;      // the theme the ImGui style holds (AppState::dark_theme may change)
    ud::ui::FontAtlas fonts;
    ud::app::AppState state;
    ud::ui::UiState ui;
    ud::ui::TouchGestures touch;  // a finger: taps click, drags scroll
    BrowserClock clock;
    ud::platform::web::LocalStorage store;
    ud::platform::web::WebFileDialogs files;
    std::unique_ptr<ud::platform::web::WebHttpTransport> transport;
    std::unique_ptr<ud::platform::SimulatedTransport> demo_transport;
    std::unique_ptr<ud::app::Controller> controller;
    int frames_left = 3;          // frames still to draw after the last event
    bool woken = true;            // something outside SDL asked for a frame
    double last_animation_ms = 0;
    unsigned long long frame_count = 0;
    double frame_build_ms = 0;    // last NewFrame..Render on the CPU (bench/web/run.mjs reads it)
    std::string paste_text;       // last text from the DOM paste event
    std::vector<SDL_Event> deferred;  // key releases held back one frame (see pumpEvents)
    std::string hook_buffer;      // keeps test-hook strings alive for JS
    std::string text_fields_sent; // the text-field list the page's <input>s were last placed by
    ud::platform::web::HeapRange untouched;  // a file load's heap not mapped yet (ud_prepare_step maps it)
};

App* g_app = nullptr;  // only for the exported C functions below; main owns it

// Something outside the loop changed (input, an answer, a file chunk): draw.
void requestFrame(App& app) {
    app.woken = true;
    app.scheduler.requestFrame();
}

// One frame, without the settling frames that input gets: a file load's start
// and progress, drawn while the page reads the file.
void requestOneFrame(App& app) {
    app.frames_left = std::max(app.frames_left, 1);
    app.scheduler.requestFrame();
}

// SDL queues input from its own DOM listeners; seeing each event as it is
// queued is what wakes the page for input.
int onSdlEvent(void* app, SDL_Event* e) {
    if (e->type != SDL_POLLSENTINEL) requestFrame(*static_cast<App*>(app));  // SDL queues a sentinel per poll
    return 0;
}

// Rasterise at device pixels and scale back, so text is crisp on HiDPI.
void loadFonts(App& app) {
    app.fonts.build(15.0f * app.dpr);
    ImGui::GetIO().FontGlobalScale = 1.0f / app.dpr;
    if (app.controller) app.controller->handle(ud::app::FontsLoaded{app.fonts.loadedNames()});
}

// Between frames, once the renderer exists: new glyphs or a new
// devicePixelRatio. Re-uploads the texture and draws.
void rebuildFontAtlas(App& app) {
    loadFonts(app);
    ud::ui::imguiGlDestroyFontsTexture();
    ud::ui::imguiGlCreateFontsTexture();
    requestFrame(app);
}

// After a frame: fetch a fallback font for characters data on screen needs
// (served beside the page), and merge what arrived into the atlas.
void loadFontsDataNeeds(App& app) {
    if (app.fonts.update()) rebuildFontAtlas(app);
    for (std::string file = app.fonts.fileToFetch(); !file.empty(); file = app.fonts.fileToFetch()) {
        ud::core::HttpRequest request;
        request.url = file;  // relative: beside index.html
        request.timeout_ms = 120000;
        app.transport->send(std::move(request), [file](ud::platform::RequestId, ud::core::HttpResponse r) {
            g_app->fonts.fileArrived(file, r.status == 200 ? std::move(r.body) : std::string());
        });
    }
}

// The style follows AppState::dark_theme (the Settings choice or the system's scheme).
void syncTheme(App& app) {
    if (app.state.dark_theme == app.drawn_dark) return;
    app.drawn_dark = app.state.dark_theme;
    ud::ui::applyTheme(app.drawn_dark);
}

const char* clipboardText(void* user) { return static_cast<App*>(user)->paste_text.c_str(); }
void setClipboardText(void*, const char* text) { ud::platform::web::copyToClipboard(text); }

// Keyboard input that comes from the page rather than from SDL's key listeners
// (a paste, text an input method composed) joins SDL's queue, so it reaches
// ImGui in order with the keys around it.
void pushKey(SDL_EventType type, Uint16 mod) {
    SDL_Event key{};
    key.type = type;
    key.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
    key.key.keysym.scancode = SDL_SCANCODE_V;
    key.key.keysym.sym = SDLK_v;
    key.key.keysym.mod = mod;
    SDL_PushEvent(&key);
}
void pushText(std::string_view text) {
    // SDL_TEXTINPUT holds 32 bytes: cut longer text between UTF-8 characters.
    constexpr std::size_t kMax = sizeof(SDL_TextInputEvent::text) - 1;
    while (!text.empty()) {
        std::size_t n = std::min(text.size(), kMax);
        while (n < text.size() && n > 1 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
        SDL_Event e{};
        e.type = SDL_TEXTINPUT;
        text.substr(0, n).copy(e.text.text, n);
        SDL_PushEvent(&e);
        text.remove_prefix(n);
    }
}

// The page keeps a real <input> over each text field drawn (web/usagedesk.js);
// it hears about them only when one moved, changed or took the keyboard.
void mirrorTextFields(App& app) {
    std::string fields = app.ui.widgets.textFieldsJson();
    if (fields == app.text_fields_sent) return;
    app.text_fields_sent = std::move(fields);
    ud::platform::web::syncTextFields(app.text_fields_sent);
}

bool handleEvent(App& app, const SDL_Event& e) {
    if (e.type == SDL_FINGERDOWN || e.type == SDL_FINGERMOTION || e.type == SDL_FINGERUP) {
        int w = 0, h = 0;  // SDL gives the finger as a fraction of the window; the gestures work in CSS px
        SDL_GetWindowSize(app.window, &w, &h);
        const float x = e.tfinger.x * static_cast<float>(w), y = e.tfinger.y * static_cast<float>(h);
        const auto finger = static_cast<long long>(e.tfinger.fingerId);
        const double ms = e.tfinger.timestamp;
        if (e.type == SDL_FINGERDOWN) app.touch.down(finger, x, y, ms);
        else if (e.type == SDL_FINGERMOTION) app.touch.move(finger, x, y, ms);
        else app.touch.up(finger, x, y, ms);
        return true;
    }
    if (e.type == SDL_MOUSEMOTION || e.type == SDL_MOUSEBUTTONDOWN) app.touch.mouseMoved();
    if (e.type == SDL_MOUSEWHEEL) {
        // 1.86's backend turns every wheel event into +-1 line; use the precise
        // deltas so trackpads scroll smoothly (SDL 2.0.18+).
        ImGuiIO& io = ImGui::GetIO();
        io.MouseWheel += e.wheel.preciseY;
        io.MouseWheelH += e.wheel.preciseX;
        return true;
    }
    ImGui_ImplSDL2_ProcessEvent(&e);
    if (e.type == SDL_KEYDOWN || e.type == SDL_KEYUP) {
        // The backend reads SDL_GetModState(), which is the state *now*, after
        // every queued event; a Ctrl+A queued with its releases would lose Ctrl.
        // The event carries the modifiers as they were when it happened.
        ImGuiIO& io = ImGui::GetIO();
        io.KeyCtrl = (e.key.keysym.mod & KMOD_CTRL) != 0;
        io.KeyShift = (e.key.keysym.mod & KMOD_SHIFT) != 0;
        io.KeyAlt = (e.key.keysym.mod & KMOD_ALT) != 0;
        io.KeySuper = (e.key.keysym.mod & KMOD_GUI) != 0;
    }
    return true;
}

// ImGui 1.86 samples key state once per frame (no input queue until 1.87), so a
// key pressed and released between two frames would be lost. Hold a release
// back to the next frame when its press came in the same batch.
bool pumpEvents(App& app) {
    bool any = !app.deferred.empty();
    for (const SDL_Event& e : app.deferred) handleEvent(app, e);
    app.deferred.clear();
    std::vector<SDL_Keycode> pressed_now;
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        any = true;
        if (e.type == SDL_KEYDOWN) pressed_now.push_back(e.key.keysym.sym);
        bool same_batch = e.type == SDL_KEYUP &&
                          std::find(pressed_now.begin(), pressed_now.end(), e.key.keysym.sym) != pressed_now.end();
        if (same_batch || !app.deferred.empty())
            app.deferred.push_back(e);  // keep order: everything after a held release waits too
        else
            handleEvent(app, e);
    }
    if (!app.deferred.empty()) app.woken = true;
    return any;
}

bool shouldDraw(App& app) {
    bool event = pumpEvents(app);
    app.controller->tick();
    double now = ud::platform::web::nowMs();
    auto wake_at = app.controller->nextWakeAt();
    bool timer_due =
        app.scheduler.takeTimerFired() || (wake_at >= 0 && wake_at <= static_cast<ud::core::Timestamp>(now));
    if (event || app.woken) {
        app.frames_left = app.state.settings.settle_frames;
        app.woken = false;
    } else if (timer_due) {
        app.frames_left = std::max(app.frames_left, 1);  // a countdown second: one frame, nothing to settle
    }
    bool draw = app.frames_left > 0 ||
                (app.controller->isAnimating() && now - app.last_animation_ms >= app.state.settings.animation_interval_ms);
    if (!draw) return false;
    if (app.frames_left > 0) --app.frames_left;
    app.last_animation_ms = now;  // any frame shows the animation's current step
    return true;
}

// Hands what the controller found for the page to the glue: live region,
// hidden tab's title, notifications (app/announcer.h).
void deliverToPage(App& app) {
    ud::app::PageNotes notes = app.controller->takePageNotes();
    for (const ud::app::Announcement& a : notes.announcements)
        ud::platform::web::announce(a.text, a.urgent, a.report_ready, a.notify);
    if (notes.ask_notification_permission) ud::platform::web::askNotificationPermission();
}

// After a frame: another one next animation frame while frames are owed;
// otherwise one browser timer for the next due moment (a controller deadline
// or the next animation step), or nothing at all.
void scheduleNext(App& app) {
    if (app.frames_left > 0 || app.woken) {
        app.scheduler.requestFrame();
        return;
    }
    double next = static_cast<double>(app.controller->nextWakeAt());
    if (app.controller->isAnimating()) {
        double step = app.last_animation_ms + app.state.settings.animation_interval_ms;
        next = next < 0 ? step : std::min(next, step);
    }
    if (next >= 0)
        app.scheduler.wakeAt(next);
    else
        app.scheduler.cancelWake();
}

void drawFrame(App& app) {
    syncTheme(app);
    ImGui_ImplSDL2_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    if (io.DeltaTime <= 0.0f) io.DeltaTime = 1.0f / 1000.0f;  // the browser timer can repeat; 1.86 asserts on 0
    if (app.touch.beforeNewFrame(io)) app.woken = true;  // a tap's press and release come in the next frames
    double build_start = emscripten_get_now();  // performance.now(): sub-ms, unlike nowMs()
    ImGui::NewFrame();
    app.touch.afterNewFrame();

    app.ui.widgets.beginFrame();
    ud::app::Intents intents;
    ud::ui::drawUi(app.state, app.ui, intents);
    ImGui::Render();
    app.frame_build_ms = emscripten_get_now() - build_start;

    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(app.window, &w, &h);
    glViewport(0, 0, w, h);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ud::ui::imguiGlRender(*ImGui::GetDrawData());
    SDL_GL_SwapWindow(app.window);
    ++app.frame_count;
    mirrorTextFields(app);

    if (!intents.empty()) {
        app.controller->apply(intents);
        app.frames_left = app.state.settings.settle_frames;  // show the result of the intent
    }
}

void frame(void* arg) {
    App& app = *static_cast<App*>(arg);
    if (shouldDraw(app)) {
        drawFrame(app);
        loadFontsDataNeeds(app);
    }  // else: a timer came early, nothing to draw yet
    deliverToPage(app);
    scheduleNext(app);
}

// A hidden tab: answers are read and reports checked on schedule (as often as
// the browser lets timers run), and a ready report is announced; nothing is
// drawn until the tab is seen (web/usagedesk.js wakes the page then).
void backgroundTick(void* arg) {
    App& app = *static_cast<App*>(arg);
    app.controller->tick();
    deliverToPage(app);
    app.woken = true;
    (void)app.scheduler.takeTimerFired();  // this tick served it
    const double next = static_cast<double>(app.controller->nextWakeAt());
    if (next >= 0)
        app.scheduler.wakeAt(next);
    else
        app.scheduler.cancelWake();
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* ud_test_state() {
    g_app->hook_buffer = ud::app::jsonFromAppState(g_app->state);
    return g_app->hook_buffer.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* ud_test_widgets() {
    g_app->hook_buffer = g_app->ui.widgets.json();
    return g_app->hook_buffer.c_str();
}

EMSCRIPTEN_KEEPALIVE double ud_frame_count() { return static_cast<double>(g_app->frame_count); }
EMSCRIPTEN_KEEPALIVE double ud_frame_build_ms() { return g_app->frame_build_ms; }

EMSCRIPTEN_KEEPALIVE void ud_wake() { requestFrame(*g_app); }

// Text from the DOM paste event becomes ImGui's clipboard, and the app gets a
// Ctrl+V of its own (the real one never reaches SDL, see web/usagedesk.js), so
// the field pastes as ImGui does, at its cursor. Typing the text instead fails
// for a real Ctrl+V: 1.86 drops typed characters while Ctrl is held.
EMSCRIPTEN_KEEPALIVE void ud_on_paste(const char* text) {
    g_app->paste_text = text ? text : "";
    pushKey(SDL_KEYDOWN, KMOD_LCTRL);
    pushKey(SDL_KEYUP, static_cast<Uint16>(SDL_GetModState()));  // the keyboard as it really is
}

// The page's <input> over text field `name` took text that no key brought
// (autofill, a touch keyboard): the field shows it on the next frame.
EMSCRIPTEN_KEEPALIVE void ud_on_field_text(const char* name, const char* text) {
    g_app->ui.widgets.pageInput().text[name ? name : ""] = text ? text : "";
    requestFrame(*g_app);
}
// The page's <input> over text field `name` got the focus (a tap, a script):
// the field takes the keyboard on the next frame.
EMSCRIPTEN_KEEPALIVE void ud_on_field_focus(const char* name) {
    g_app->ui.widgets.pageInput().focus = name ? name : "";
    requestFrame(*g_app);
}
// Text an input method composed (IME, dead keys) in the focused <input>: typed
// into the field being edited, at its cursor.
EMSCRIPTEN_KEEPALIVE void ud_on_text_input(const char* text) {
    if (text) pushText(text);
}

EMSCRIPTEN_KEEPALIVE void ud_on_resize(int css_width, int css_height) {
    if (!g_app->window) return;
    g_app->controller->handle(ud::app::Resized{css_width, css_height});
    SDL_SetWindowSize(g_app->window, css_width, css_height);
    requestFrame(*g_app);
}

// The system colour scheme changed (web/usagedesk.js listens to the media query).
EMSCRIPTEN_KEEPALIVE void ud_on_theme(int dark) {
    g_app->controller->handle(ud::app::ThemeChanged{dark != 0});
    requestFrame(*g_app);
}

// devicePixelRatio changed (browser zoom, a screen with another density;
// web/usagedesk.js watches a resolution media query): crisp text at once and
// a backing store that matches, without a reload.
EMSCRIPTEN_KEEPALIVE void ud_on_pixel_ratio(double ratio) {
    if (!g_app->window || ratio <= 0 || static_cast<float>(ratio) == g_app->dpr) return;
    g_app->dpr = static_cast<float>(ratio);
    g_app->ui.dpi_scale = g_app->dpr;
    g_app->controller->handle(ud::app::PixelRatioChanged{ratio});
    rebuildFontAtlas(*g_app);
    int w = 0, h = 0;
    SDL_GetWindowSize(g_app->window, &w, &h);
    SDL_SetWindowSize(g_app->window, w, h);  // SDL re-reads the ratio and sizes the canvas backing store
    requestFrame(*g_app);
}
// The browser's online / offline events (web/usagedesk.js).
EMSCRIPTEN_KEEPALIVE void ud_on_network(int online) {
    g_app->controller->handle(ud::app::NetworkChanged{online != 0});
    requestFrame(*g_app);
}
EMSCRIPTEN_KEEPALIVE double ud_font_pixel_ratio() { return g_app->dpr; }  // what the atlas was rasterised at

// File bytes from the picker or a drop arrive in chunks (web/usagedesk.js);
// the viewer streams them into its CSV reader as they come. A file too big for
// the page is refused first, with a message (issue 12); an accepted one grows
// the WASM memory once to what the table will need (about half the CSV's size
// for a report; 0.6x leaves room) plus the page's chunk buffer, instead of
// step by step: a grow of a big heap costs (a 10M-row load: 0.2-0.8 s at each
// of its last steps). No more than that: the WASM memory never shrinks, and a
// flat 64 MB of room made a 1M-row load peak at 1.6x its CSV (1.1x without it).
// Sizes as doubles: a JS number holds any file size exactly (an int wraps past 2 GiB).
// Returns 1 when the load started (the page then sends the chunks).
EMSCRIPTEN_KEEPALIVE int ud_on_file_start(const char* name, double size) {
    constexpr std::uint64_t kPageChunkBytes = 1u << 20;  // web/usagedesk.js kHeapPiece
    constexpr std::uint64_t kRoomBytes = 4u << 20;        // the load's own small allocations
    const std::uint64_t bytes = size > 0 ? static_cast<std::uint64_t>(size) : 0;
    const bool ok = size >= 0 && g_app->controller->handle(ud::app::FileStart{name ? name : "", bytes});
    if (ok)
        g_app->untouched = ud::platform::web::reserveHeap(bytes / 10 * 6 + std::min(bytes, kPageChunkBytes) + kRoomBytes);
    requestOneFrame(*g_app);
    return ok ? 1 : 0;
}
// While the page waits for a file's bytes (web/usagedesk.js) it maps the heap
// the load will write (the chunk buffer, then the columns the reader sizes from
// the file), `max_bytes` per call, so a read that arrives is taken at once.
// Returns 1 while there is more to map.
EMSCRIPTEN_KEEPALIVE int ud_prepare_step(double max_bytes) {
    const std::uintptr_t top = std::min(g_app->untouched.to, ud::platform::web::heapSize());
    std::uintptr_t& from = g_app->untouched.from;
    if (from == 0 || from >= top) return 0;
    const std::uintptr_t to = from + std::min<std::uintptr_t>(top - from, static_cast<std::uintptr_t>(max_bytes));
    ud::platform::web::touchHeapPages(from, to);
    from = to;
    return from < top ? 1 : 0;
}
EMSCRIPTEN_KEEPALIVE void ud_on_file_abort(const char* reason) {
    g_app->controller->handle(ud::app::FileAborted{reason ? reason : ""});
    requestFrame(*g_app);
}
// No frame per chunk: the page asks for the progress frames (ud_draw_progress),
// a few a second. A frame between every chunk, and the settling frames after
// it, kept the browser drawing through the whole load, and the file's next
// read waited for the CPU they took (a 1M-row load 1.2-1.4 s with them, 0.8-1.1 s without).
EMSCRIPTEN_KEEPALIVE void ud_on_file_chunk(const char* bytes, int len) {
    if (bytes && len > 0)
        g_app->controller->handle(ud::app::FileChunk{std::string_view(bytes, static_cast<std::size_t>(len))});
}
EMSCRIPTEN_KEEPALIVE void ud_draw_progress() { requestOneFrame(*g_app); }
EMSCRIPTEN_KEEPALIVE void ud_on_file_end(const char* name, double size) {
    g_app->controller->handle(ud::app::FileEnd{name ? name : "", size > 0 ? static_cast<std::uint64_t>(size) : 0u});
    requestFrame(*g_app);
}

// Another tab changed localStorage (the window's storage event): shared reports.
EMSCRIPTEN_KEEPALIVE void ud_on_storage() {
    g_app->controller->handle(ud::app::StorageChanged{});
    requestFrame(*g_app);
}

}  // extern "C"

int main() {
    static App app;  // lives for the page's lifetime; the loop never returns
    g_app = &app;
    app.dpr = static_cast<float>(ud::platform::web::devicePixelRatio());
    app.ui.dpi_scale = app.dpr;

    // Fingers reach ImGui through TouchGestures (taps click, drags scroll), not as
    // SDL's mouse, whose press at touch-down would click what a scroll starts on.
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        std::printf("UsageDesk: SDL_Init failed: %s\n", SDL_GetError());
        return 1;
    }
    SDL_AddEventWatch(onSdlEvent, &app);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    // 2D only: no depth buffer (a canvas-sized one is 16 MB of GPU memory at DPR 2).
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    double css_w = 1280, css_h = 800;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    app.window = SDL_CreateWindow("UsageDesk", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, static_cast<int>(css_w),
                                  static_cast<int>(css_h),
                                  SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    app.gl = SDL_GL_CreateContext(app.window);
    if (!app.window || !app.gl) {
        std::printf("UsageDesk: WebGL2 is not available: %s\n", SDL_GetError());
        return 1;
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is code, not a saved file
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplSDL2_InitForOpenGL(app.window, app.gl);
    ud::ui::imguiGlInit();
    // After the backend, which installs SDL's clipboard (a private one in a browser).
    io.GetClipboardTextFn = clipboardText;
    io.SetClipboardTextFn = setClipboardText;
    io.ClipboardUserData = &app;
    loadFonts(app);
    ud::ui::imguiGlCreateFontsTexture();

    app.transport = std::make_unique<ud::platform::web::WebHttpTransport>([] { requestFrame(*g_app); });
    app.demo_transport = std::make_unique<ud::platform::SimulatedTransport>(app.clock, ud::app::demoCloudHandler());
    app.controller = std::make_unique<ud::app::Controller>(
        app.state, ud::app::Services{*app.transport, *app.demo_transport, app.clock, app.store, app.files});
    app.controller->handle(ud::app::ThemeChanged{ud::platform::web::prefersDarkScheme()});
    app.controller->handle(ud::app::PixelRatioChanged{app.dpr});
    app.controller->handle(ud::app::Resized{static_cast<int>(css_w), static_cast<int>(css_h)});
    app.controller->handle(ud::app::FontsLoaded{app.fonts.loadedNames()});
    app.controller->loadSaved();  // may choose a theme
    app.drawn_dark = app.state.dark_theme;
    ud::ui::applyTheme(app.drawn_dark);

    EM_ASM({ if (window.usagedeskGlue) window.usagedeskGlue.ready(); });
    app.scheduler.requestFrame();  // the first frame; later ones are requested as needed
    return 0;                      // the runtime stays alive (no EXIT_RUNTIME): callbacks drive the page
}
