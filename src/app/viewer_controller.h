// Report viewer: the loaded CSV table, its view (filter/sort/group), charts and export (issue 6).
// Turns Viewer intents into requests and answers into ViewerState. No timer, no
// thread: the App's Controller calls tick() each loop and asks nextWakeAt().
// File bytes from the browser arrive through onFileStart / onFileChunk /
// onFileEnd (main.cpp) and go straight into the CSV reader: the table is the
// only copy of the file's text. Re-reading with another bad-row policy asks
// the page to send the file again (FileDialogs::resendLastFile).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "app/services.h"
#include "app/viewer_intents.h"
#include "app/viewer_state.h"
#include "core/table/csv_reader.h"

namespace ud::app {

class ViewerController {
public:
    ViewerController(ViewerState& state, Services services) : state_(state), services_(services) {}
    void apply(const ViewerIntent& intent);
    void tick();
    core::Timestamp nextWakeAt() const;  // -1 when nothing is scheduled

    // The largest file the page opens. The table is the only copy of the text
    // and peaks at no more than 1.5x the CSV's size (0.84x measured at 10M
    // rows), so 2.5 GB of CSV with the page's own memory fits the 4 GB
    // WebAssembly memory.
    static constexpr std::uint64_t kMaxFileBytes = 2560ull << 20;
    // A picked or dropped file starts, before any byte is read: false (and a
    // message saying the size and the limit) when it is too large, and what the
    // viewer shows is kept; otherwise the load starts, `size` (0 when unknown)
    // letting the reader reserve its columns once.
    bool onFileStart(std::string_view name, std::uint64_t size);
    // Reading stopped half way (the page could not get memory for a chunk).
    void onFileAbort(std::string_view reason);
    // A chunk of that file; without onFileStart the first chunk starts a load.
    void onFileChunk(std::string_view bytes);
    // The file is complete: `name` as the browser gives it, `size` in bytes.
    void onFileEnd(std::string_view name, std::uint64_t size);

    // Bytes of the demo report fed to the reader per tick, so progress shows.
    static constexpr std::size_t kDemoBytesPerTick = 512 * 1024;

private:
    void loadDemo(std::size_t rows);
    void beginLoad(std::string file_name, std::uint64_t total_bytes);
    void feed(std::string_view bytes);
    void finishLoad();
    void reread(core::BadRowPolicy policy);
    void applyTableAction(const ViewerTableAction& action);
    void regroup();
    void rechart();
    void exportView();
    void exportComparison();

    ViewerState& state_;
    Services services_;
    // CsvReader is not final and has virtual functions but no virtual destructor, so
    // clang warns on optional<CsvReader>/unique_ptr<CsvReader>; a box destroys it as a member.
    struct ReaderBox {
        explicit ReaderBox(const core::CsvReadOptions& options) : reader(options) {}
        core::CsvReader reader;
    };
    std::unique_ptr<ReaderBox> box_;
    core::CsvReader* reader_ = nullptr;  // box_->reader while loading
    std::string demo_text_;      // demo report still being fed
    std::size_t demo_offset_ = 0;
    std::size_t demo_rows_ = 0;  // > 0 when the table is the demo report (re-read by generating it again)
    bool loading_demo_ = false;
};

}  // namespace ud::app
