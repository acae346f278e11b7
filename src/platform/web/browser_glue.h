// Named browser calls (EM_JS) the app needs beyond SDL: clipboard, file save,
// the file picker, device pixel ratio, colour scheme and the wall clock.
// localStorage is local_storage.h. Web-only: native tests drive app/ through
// the platform interfaces (FileDialogs, Clock) instead.
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
double nowMs();  // Date.now()

}  // namespace ud::platform::web
