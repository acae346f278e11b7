// Report viewer: the loaded CSV table, its view (filter/sort/group), charts and export (issue 6).
// Turns Viewer intents into requests and answers into ViewerState. No timer, no
// thread: the App's Controller calls tick() each loop and asks nextWakeAt().
// File bytes from the browser arrive through onFileChunk / onFileEnd (main.cpp).
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
    bool isAnimating() const;

    // The largest file the page opens: the bytes are kept once for re-reading
    // and once as the table, inside a 4 GB WebAssembly memory.
    static constexpr std::uint64_t kMaxFileBytes = 512ull << 20;
    // Before any byte is read: false (and a message saying the size and the
    // limit) when the file is too large; what the viewer shows is kept.
    bool onFileStart(std::string_view name, std::uint64_t size);
    // Reading stopped half way (the page could not get memory for a chunk).
    void onFileAbort(std::string_view reason);
    // A chunk of the file the user picked or dropped; the first one starts a load.
    void onFileChunk(std::string_view bytes);
    // The file is complete: `name` as the browser gives it, `size` in bytes.
    void onFileEnd(std::string_view name, std::uint64_t size);

    // Bytes of the demo report fed to the reader per tick, so progress shows.
    static constexpr std::size_t kDemoBytesPerTick = 512 * 1024;

private:
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
    std::string raw_;            // the file's bytes while loading; kept after when it had issues
    std::string demo_text_;      // demo report still being fed
    std::size_t demo_offset_ = 0;
};

}  // namespace ud::app
