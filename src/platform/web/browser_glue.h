// Named browser calls (EM_JS) the app needs beyond SDL: clipboard, file save
// and open, localStorage, device pixel ratio, and waking the render loop.
// Web-only; the native side has no equivalents because tests drive core/app.
#pragma once

#include <string>
#include <string_view>

namespace ud::platform::web {

void copyToClipboard(std::string_view text);
// Saves bytes as a file through a Blob and an <a download> click.
void saveFile(std::string_view file_name, std::string_view mime, std::string_view bytes);
// Opens the browser's file picker; chosen bytes arrive through the exported
// ud_on_file_chunk / ud_on_file_end functions (see web/usagedesk.js).
void openFilePicker(std::string_view accept);
double devicePixelRatio();
bool prefersDarkScheme();
// Opens a URL in a new tab (fallback when a cross-origin fetch is blocked).
void openInNewTab(std::string_view url);
double nowMs();  // Date.now()

}  // namespace ud::platform::web
