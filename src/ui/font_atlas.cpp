#include "ui/font_atlas.h"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <algorithm>

#include "ui_font_subset.h"  // generated: kUiFontSubset (cmake/wasm_app.cmake)

namespace ud::ui {
namespace {

FontAtlas* g_atlas = nullptr;  // the atlas ImGui draws with (ImGui's own context is global too)

// ImGui glyph ranges (pairs, 0-terminated) from sorted code points.
std::vector<std::uint16_t> rangesFrom(const std::vector<std::uint16_t>& codepoints) {
    std::vector<std::uint16_t> out;
    for (std::uint16_t c : codepoints) {
        if (!out.empty() && out.back() + 1 == c)
            out.back() = c;
        else
            out.insert(out.end(), {c, c});
    }
    out.push_back(0);
    return out;
}

ImFont* addFont(const unsigned char* data, std::size_t size, float px, bool merge, const ImWchar* ranges) {
    ImFontConfig cfg;
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    cfg.MergeMode = merge;
    cfg.FontDataOwnedByAtlas = false;  // the embedded bytes, or a fetched file kept for the next rebuild
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size), px,
                                                      &cfg, ranges);
}

}  // namespace

std::vector<FontAtlas::Fallback> FontAtlas::initialFallbacks() {
    std::vector<Fallback> list{Fallback(""), Fallback("fonts/DejaVuSans.ttf"),
                               Fallback("fonts/DroidSansFallbackFull.ttf")};
    list[0].load = Load::Loaded;  // the rest of the embedded subset: no fetch
    return list;
}

void FontAtlas::build(float px) {
    g_atlas = this;
    ImGui::GetIO().Fonts->Clear();
    // ASCII + Latin-1 (ImGui's default ranges) at start: what the interface writes.
    addFont(kUiFontSubset, sizeof(kUiFontSubset), px, false, nullptr);
    for (Fallback& f : fallbacks_) {
        if (f.load != Load::Loaded || f.codepoints.empty()) continue;
        f.ranges = rangesFrom(f.codepoints);
        const auto* data = f.file.empty() ? kUiFontSubset : reinterpret_cast<const unsigned char*>(f.bytes.data());
        const std::size_t size = f.file.empty() ? sizeof(kUiFontSubset) : f.bytes.size();
        addFont(data, size, px, true, reinterpret_cast<const ImWchar*>(f.ranges.data()));
    }
}

void FontAtlas::noteMissing(unsigned int c) { noted_.insert(c); }

bool FontAtlas::update() {
    bool rebuild = false;
    std::set<unsigned int> waiting;
    for (unsigned int c : noted_) {
        std::size_t& k = next_fallback_[c];
        while (k < fallbacks_.size() && fallbacks_[k].load == Load::Failed) ++k;
        if (k >= fallbacks_.size()) continue;  // no file has it: the fallback glyph stays
        Fallback& f = fallbacks_[k];
        if (f.load == Load::Loaded) {
            // Tried once per file: if this file lacks it too, the next note moves on.
            auto at = std::lower_bound(f.codepoints.begin(), f.codepoints.end(), c);
            f.codepoints.insert(at, static_cast<std::uint16_t>(c));
            ++k;
            rebuild = true;
        } else {
            if (f.load == Load::NotNeeded) f.load = Load::Wanted;
            waiting.insert(c);  // placed once the file arrives
        }
    }
    noted_ = std::move(waiting);
    return rebuild;
}

std::string FontAtlas::fileToFetch() {
    for (Fallback& f : fallbacks_) {
        if (f.load != Load::Wanted) continue;
        f.load = Load::Fetching;
        return f.file;
    }
    return {};
}

void FontAtlas::fileArrived(const std::string& file, std::string bytes) {
    for (Fallback& f : fallbacks_) {
        if (f.file != file) continue;
        f.load = bytes.empty() ? Load::Failed : Load::Loaded;
        f.bytes = std::move(bytes);
    }
}

std::vector<std::string> FontAtlas::loadedNames() const {
    std::vector<std::string> names{"DejaVuSans subset (embedded)"};
    for (const Fallback& f : fallbacks_)
        if (!f.file.empty() && f.load == Load::Loaded && !f.codepoints.empty()) names.push_back(f.file);
    return names;
}

void noteDataText(std::string_view text) {
    auto first = std::find_if(text.begin(), text.end(), [](char ch) { return static_cast<unsigned char>(ch) >= 0x80; });
    if (first == text.end() || !g_atlas) return;  // ASCII: the subset has it all
    const ImFont* font = ImGui::GetIO().Fonts->Fonts.empty() ? nullptr : ImGui::GetIO().Fonts->Fonts[0];
    if (!font) return;
    const char* p = text.data() + (first - text.begin());
    const char* end = text.data() + text.size();
    while (p < end) {
        unsigned int c = 0;
        int n = ImTextCharFromUtf8(&c, p, end);
        if (n <= 0) break;
        p += n;
        if (c < 0x80 || c > 0xFFFF) continue;  // ImWchar is 16 bits in this build
        if (!font->FindGlyphNoFallback(static_cast<ImWchar>(c))) g_atlas->noteMissing(c);
    }
}

}  // namespace ud::ui
