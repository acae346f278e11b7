// PNG files from pixels, in memory: the "Save chart as PNG" bytes. Pure
// encoding (stb_image_write from Debian's libstb-dev, with its stdio part
// compiled out), so it is unit-tested natively; saving is the platform's job.
#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace ud::core {

// `rgba`: width * height * 4 bytes, rows top to bottom. Returns the PNG file,
// or "" when the sizes do not match the pixels.
std::string pngFromRgba(int width, int height, std::span<const std::uint8_t> rgba);

}  // namespace ud::core
