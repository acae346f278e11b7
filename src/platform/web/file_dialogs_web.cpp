// WebFileDialogs: forwards to the named browser calls in browser_glue.h.
#include "platform/web/file_dialogs_web.h"

#include "platform/web/browser_glue.h"

namespace ud::platform::web {

void WebFileDialogs::saveFile(std::string_view file_name, std::string_view mime, std::string_view bytes) {
    web::saveFile(file_name, mime, bytes);
}
void WebFileDialogs::openFilePicker(std::string_view accept) { web::openFilePicker(accept); }
void WebFileDialogs::resendLastFile() { web::resendLastFile(); }
void WebFileDialogs::copyToClipboard(std::string_view text) { web::copyToClipboard(text); }

}  // namespace ud::platform::web
