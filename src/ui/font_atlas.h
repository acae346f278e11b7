// The UI font, and fuller fonts loaded only when data on screen needs them.
// The page compiles in a subset of DejaVu Sans (what the interface writes,
// Latin-1, Latin Extended-A, common punctuation and symbols), which keeps the
// download small, and rasterises only ASCII + Latin-1 from it at start. Text
// drawn from data (table cells, names) is noted here; a character the atlas
// lacks comes from the first source that has it: the rest of the embedded
// subset, then files served beside the page (full DejaVu Sans: Cyrillic,
// Greek...; then a CJK font). Only the characters data needed are rasterised.
// main.cpp fetches the files and rebuilds.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ud::ui {

class FontAtlas {
public:
    // Rebuilds ImGui's atlas at `px` pixels: the embedded subset plus what
    // fallbacks gave so far. Call between frames; the renderer then re-uploads
    // the texture. Makes this the atlas noteDataText() reports to.
    void build(float px);

    // Between frames: moves characters data needed into the ranges of loaded
    // fallbacks. True when the atlas must be rebuilt.
    bool update();
    // The fallback file to fetch next (relative URL), or empty; marks it as
    // being fetched, so it is asked for once.
    std::string fileToFetch();
    void fileArrived(const std::string& file, std::string bytes);  // empty bytes: it failed
    // The fonts in the atlas, embedded subset first (the test hook shows them).
    std::vector<std::string> loadedNames() const;

    void noteMissing(unsigned int codepoint);

private:
    enum class Load { NotNeeded, Wanted, Fetching, Loaded, Failed };
    struct Fallback {
        explicit Fallback(std::string name) : file(std::move(name)) {}
        std::string file;  // relative URL; empty for the embedded subset
        Load load = Load::NotNeeded;
        std::string bytes;
        std::vector<std::uint16_t> codepoints;  // sorted: what data needed from this file
        std::vector<std::uint16_t> ranges;      // ImGui glyph ranges built from them, 0-terminated
    };
    std::vector<Fallback> fallbacks_ = initialFallbacks();
    static std::vector<Fallback> initialFallbacks();
    std::map<unsigned int, std::size_t> next_fallback_;  // per missing character: which file to try next
    std::set<unsigned int> noted_;                       // missing in the last frames, not yet placed
};

// Called by widgets that draw text from data (cells, names): notes every
// character the current atlas has no glyph for. Cheap for ASCII.
void noteDataText(std::string_view utf8);

}  // namespace ud::ui
