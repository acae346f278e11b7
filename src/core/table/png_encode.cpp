// pngFromRgba over stb_image_write's in-memory writer. The header comes from
// the build's third-party include folder (a symlink to /usr/include/stb), so it
// is a system header: its own warnings are not ours.
#include "core/table/png_encode.h"

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO  // no files: the bytes go to a callback
#define STB_IMAGE_WRITE_STATIC
#include <stb/stb_image_write.h>

namespace ud::core {
namespace {

void appendBytes(void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

}  // namespace

std::string pngFromRgba(int width, int height, std::span<const std::uint8_t> rgba) {
    if (width <= 0 || height <= 0) return {};
    if (rgba.size() != static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4) return {};
    std::string out;
    if (!stbi_write_png_to_func(appendBytes, &out, width, height, 4, rgba.data(), width * 4)) return {};
    return out;
}

}  // namespace ud::core
