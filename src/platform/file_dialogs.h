// The browser's file and clipboard services as a seam the controllers may use:
// saving bytes as a download, opening the file picker (the chosen file's bytes
// come back later through main.cpp's ud_on_file_start / _chunk / _end), sending
// the last opened file again (the viewer keeps no copy of its text), and
// copying text to the system clipboard. Web: platform/web/file_dialogs_web.h.
// Tests: RecordingFileDialogs below keeps what was asked.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ud::platform {

class FileDialogs {
public:
    virtual ~FileDialogs() = default;
    virtual void saveFile(std::string_view file_name, std::string_view mime, std::string_view bytes) = 0;
    virtual void openFilePicker(std::string_view accept) = 0;
    // Streams the last picked or dropped file in again, as when it was opened.
    virtual void resendLastFile() = 0;
    virtual void copyToClipboard(std::string_view text) = 0;
};

class RecordingFileDialogs : public FileDialogs {
public:
    struct SavedFile {
        std::string name, mime, bytes;
    };
    void saveFile(std::string_view file_name, std::string_view mime, std::string_view bytes) override {
        saved.push_back({std::string(file_name), std::string(mime), std::string(bytes)});
    }
    void openFilePicker(std::string_view accept) override { picker_accepts.emplace_back(accept); }
    void resendLastFile() override { ++resend_requests; }
    void copyToClipboard(std::string_view text) override { clipboard = std::string(text); }

    std::vector<SavedFile> saved;
    std::vector<std::string> picker_accepts;
    int resend_requests = 0;
    std::string clipboard;
};

}  // namespace ud::platform
