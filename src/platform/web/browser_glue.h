// Named browser calls (EM_JS) the app needs beyond SDL: clipboard, file save,
// the file picker, device pixel ratio, colour scheme, the wall clock, the tab's
// visibility and announcements.
// localStorage is local_storage.h. Web-only: native tests drive app/ through
// the platform interfaces (FileDialogs, Clock) instead.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ud::platform::web {

void copyToClipboard(std::string_view text);
// Saves bytes as a file through a Blob and an <a download> click.
void saveFile(std::string_view file_name, std::string_view mime, std::string_view bytes);
// Opens the browser's file picker; chosen bytes arrive through the exported
// ud_on_file_start / _chunk / _end functions (see web/usagedesk.js).
void openFilePicker(std::string_view accept);
// Streams the last picked or dropped file in again (the page keeps the File,
// which the browser backs by the disk, not by memory).
void resendLastFile();
// Grows the WASM memory once to hold `bytes` more than is in use now, so a
// big file's load does not grow (and copy) the heap step by step. Returns the
// range reserved: from the top of what malloc has taken (sbrk(0)) up.
struct HeapRange {
    std::uintptr_t from = 0, to = 0;
};
HeapRange reserveHeap(std::uint64_t bytes);
std::uintptr_t heapSize();  // the WASM memory's size (a grow can be refused)
// Maps each 4 KB page of [from, to) now (writing back the byte it holds, so it
// is safe over memory in use): the first write to a fresh page costs a fault
// (about 12 us on the 2-core build machine), which the page pays here while it
// waits for a file's bytes instead of when the reader first writes the page.
void touchHeapPages(std::uintptr_t from, std::uintptr_t to);
double devicePixelRatio();
bool prefersDarkScheme();
double nowMs();  // Date.now()
bool pageHidden();  // document.hidden: a background tab, which gets no animation frames
// Says `text` in the page's ARIA live region (assertive when urgent); a report
// that is ready also marks a hidden tab's title and, with `notify`, shows a
// system notification when permission was given (web/usagedesk.js).
void announce(std::string_view text, bool urgent, bool report_ready, bool notify);
// Places the page's real <input>s over the text fields drawn this frame: the
// JSON list of ui::WidgetRegistry::textFieldsJson() (web/usagedesk.js).
void syncTextFields(std::string_view fields_json);
// Asks for permission to show notifications (the person just ticked "notify me").
void askNotificationPermission();

}  // namespace ud::platform::web
