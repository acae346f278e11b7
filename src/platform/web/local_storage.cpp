// localStorage access through EM_JS; a missing or blocked storage (private
// mode, file://) reads as empty, and a refused write (quota, blocked) is reported.
#include "platform/web/local_storage.h"

#include <emscripten.h>

#include <cstdlib>

EM_JS(char*, ud_js_storage_get, (const char* key), {
    try {
        const v = window.localStorage.getItem(UTF8ToString(key));
        if (v === null) return 0;
        const n = lengthBytesUTF8(v) + 1;
        const p = _malloc(n);
        if (!p) return 0;  // out of memory: read as absent, the page goes on
        stringToUTF8(v, p, n);
        return p;
    } catch (e) { return 0; }
});
EM_JS(int, ud_js_storage_set, (const char* key, const char* value), {
    try { window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value)); return 1; } catch (e) { return 0; }
});
EM_JS(void, ud_js_storage_remove, (const char* key), {
    try { window.localStorage.removeItem(UTF8ToString(key)); } catch (e) {}
});

namespace ud::platform::web {

std::optional<std::string> LocalStorage::get(const std::string& key) const {
    char* p = ud_js_storage_get(key.c_str());
    if (!p) return std::nullopt;
    std::string out(p);
    std::free(p);
    return out;
}

bool LocalStorage::set(const std::string& key, const std::string& value) {
    return ud_js_storage_set(key.c_str(), value.c_str()) != 0;
}
void LocalStorage::remove(const std::string& key) { ud_js_storage_remove(key.c_str()); }

}  // namespace ud::platform::web
