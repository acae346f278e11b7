// What happened in the page outside the canvas's input (the browser's file
// reader, its colour-scheme, pixel-ratio and size changes, fonts loaded, other tabs'
// storage writes), as values. main.cpp hands them to Controller::handle() the
// moment they arrive, the way the UI hands over intents; only the Controller
// writes AppState.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace ud::app {

// A file is about to be read: its name and size, before any byte. A file
// larger than the page can hold is refused here (handle() returns false).
struct FileStart { std::string name; std::uint64_t size = 0; };
// Reading stopped half way (the page could not get memory for a chunk).
struct FileAborted { std::string reason; };
// A chunk of the file the user picked or dropped; the first one starts a
// load. The bytes are read during handle() and not kept.
struct FileChunk { std::string_view bytes; };
// The file is complete: its name as the browser gives it, its size in bytes.
struct FileEnd { std::string name; std::uint64_t size = 0; };
// The system colour scheme, at start-up and whenever it changes.
struct ThemeChanged { bool dark = false; };
// devicePixelRatio changed (browser zoom, a screen with another density).
struct PixelRatioChanged { double ratio = 1; };
// The browser went online or offline (navigator.onLine and its events).
struct NetworkChanged { bool online = true; };
// The canvas's new size in CSS pixels.
struct Resized { int width = 0; int height = 0; };
// Another tab of the page wrote to the shared storage (the browser's storage event).
struct StorageChanged {};

// The font files now drawing text: the embedded UI subset, then any fallback
// fetched for data on screen (the test hook shows them).
struct FontsLoaded { std::vector<std::string> files; };

using PageEvent =
    std::variant<FileStart, FileAborted, FileChunk, FileEnd, ThemeChanged, PixelRatioChanged, NetworkChanged, Resized, FontsLoaded,
                 StorageChanged>;

}  // namespace ud::app
