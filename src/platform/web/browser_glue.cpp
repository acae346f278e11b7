// EM_JS implementations of browser_glue.h. Each call is small and named so a
// reader can find every place the app reaches into the page.
#include "platform/web/browser_glue.h"

#include <emscripten.h>
#include <emscripten/heap.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>

EM_JS(void, ud_js_copy, (const char* text, int len), {
    const s = UTF8ToString(text, len);
    if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(s).catch(() => {});
    }
});
EM_JS(void, ud_js_save, (const char* name, int name_len, const char* mime, int mime_len, const char* data, int size), {
    const bytes = HEAPU8.slice(data, data + size);
    const blob = new Blob([bytes], {type: UTF8ToString(mime, mime_len)});
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name, name_len);
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
});
EM_JS(void, ud_js_open_picker, (const char* accept, int len), {
    if (window.usagedeskGlue) window.usagedeskGlue.openFilePicker(UTF8ToString(accept, len));
});
EM_JS(void, ud_js_resend_file, (), {
    if (window.usagedeskGlue) window.usagedeskGlue.resendLastFile();
});
EM_JS(double, ud_js_dpr, (), { return window.devicePixelRatio || 1; });
EM_JS(int, ud_js_prefers_dark, (), {
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0;
});
EM_JS(double, ud_js_now, (), { return Date.now(); });
EM_JS(int, ud_js_page_hidden, (), { return document.hidden ? 1 : 0; });
EM_JS(void, ud_js_announce, (const char* text, int len, int urgent, int report_ready, int notify), {
    if (window.usagedeskGlue) window.usagedeskGlue.announce(UTF8ToString(text, len), !!urgent, !!report_ready, !!notify);
});
EM_JS(void, ud_js_sync_text_fields, (const char* json, int len), {
    if (window.usagedeskGlue) window.usagedeskGlue.syncTextFields(JSON.parse(UTF8ToString(json, len)));
});
EM_JS(void, ud_js_ask_notification_permission, (), {
    if (window.usagedeskGlue) window.usagedeskGlue.askNotificationPermission();
});

namespace ud::platform::web {

void copyToClipboard(std::string_view text) { ud_js_copy(text.data(), static_cast<int>(text.size())); }

void saveFile(std::string_view file_name, std::string_view mime, std::string_view bytes) {
    ud_js_save(file_name.data(), static_cast<int>(file_name.size()), mime.data(), static_cast<int>(mime.size()),
               bytes.data(), static_cast<int>(bytes.size()));
}

void openFilePicker(std::string_view accept) { ud_js_open_picker(accept.data(), static_cast<int>(accept.size())); }
void resendLastFile() { ud_js_resend_file(); }

namespace {
constexpr std::uint64_t kMaxHeapBytes = 4294901760ULL;  // -sMAXIMUM_MEMORY (4 GiB) less one 64 KiB page: fits size_t
}  // namespace

HeapRange reserveHeap(std::uint64_t bytes) {
    // sbrk(0) is the top of what malloc has taken; memory above it is free to
    // grow into. One resize now instead of a dozen geometric steps later.
    std::uint64_t top = reinterpret_cast<std::uintptr_t>(sbrk(0));
    std::uint64_t want = std::min<std::uint64_t>(top + bytes, kMaxHeapBytes);
    if (want > emscripten_get_heap_size()) emscripten_resize_heap(static_cast<std::size_t>(want));
    return {static_cast<std::uintptr_t>(top), static_cast<std::uintptr_t>(want)};
}

std::uintptr_t heapSize() { return emscripten_get_heap_size(); }

void touchHeapPages(std::uintptr_t from, std::uintptr_t to) {
    constexpr std::uintptr_t kPage = 4096;
    for (std::uintptr_t at = from; at < to; at += kPage) {
        volatile unsigned char* byte = reinterpret_cast<unsigned char*>(at);
        *byte = *byte;
    }
}

double devicePixelRatio() { return ud_js_dpr(); }
bool prefersDarkScheme() { return ud_js_prefers_dark() != 0; }
double nowMs() { return ud_js_now(); }

bool pageHidden() { return ud_js_page_hidden() != 0; }
void announce(std::string_view text, bool urgent, bool report_ready, bool notify) {
    ud_js_announce(text.data(), static_cast<int>(text.size()), urgent, report_ready, notify);
}
void syncTextFields(std::string_view fields_json) {
    ud_js_sync_text_fields(fields_json.data(), static_cast<int>(fields_json.size()));
}
void askNotificationPermission() { ud_js_ask_notification_permission(); }

}  // namespace ud::platform::web
