// Named browser calls (EM_JS) the app needs beyond SDL: clipboard, file save,
// the file picker, device pixel ratio, colour scheme, the wall clock, the tab's
// visibility and announcements.
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
bool pageHidden();  // document.hidden: a background tab, which gets no animation frames
// Says `text` in the page's ARIA live region (assertive when urgent); a report
// that is ready also marks a hidden tab's title and, with `notify`, shows a
// system notification when permission was given (web/usagedesk.js).
void announce(std::string_view text, bool urgent, bool report_ready, bool notify);
// Asks for permission to show notifications (the person just ticked "notify me").
void askNotificationPermission();

}  // namespace ud::platform::web
