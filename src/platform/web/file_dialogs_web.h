// FileDialogs in the page: Blob downloads, the hidden <input type=file>, and
// navigator.clipboard, all through browser_glue.h.
#pragma once

#include "platform/file_dialogs.h"

namespace ud::platform::web {

class WebFileDialogs : public FileDialogs {
public:
    void saveFile(std::string_view file_name, std::string_view mime, std::string_view bytes) override;
    void openFilePicker(std::string_view accept) override;
    void resendLastFile() override;
    void copyToClipboard(std::string_view text) override;
};

}  // namespace ud::platform::web
