#!/usr/bin/env python3
"""Writes the UI font the page embeds: DejaVu Sans cut down to the characters
the interface writes (every character in the given source files), Latin-1,
Latin Extended-A and common punctuation. Hinting and layout tables go too:
Dear ImGui rasterises with stb_truetype, which reads neither. Text from data
that needs more loads the full font at run time (src/ui/font_atlas.h).
Runs pyftsubset from Debian's fonttools package."""
import argparse
import subprocess
import sys

# Printable ASCII, Latin-1, Latin Extended-A, general punctuation, the euro and
# other currency signs, trade mark, arrows, minus, and U+FFFD (the glyph ImGui
# can show for a character no font has). The page rasterises ASCII + Latin-1 at
# start and the rest only when data needs it (src/ui/font_atlas.cpp): interface
# text beyond Latin-1 needs its range added to the start ranges there.
KEEP = "U+0020-007E,U+00A0-017F,U+2010-205E,U+20A0-20C0,U+2122,U+2190-2195,U+2212,U+FFFD"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--font", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("sources", nargs="*", help="files whose characters the UI may draw")
    args = ap.parse_args()
    text = set()
    for path in args.sources:
        with open(path, encoding="utf-8", errors="replace") as f:
            text.update(ch for ch in f.read() if ch.isprintable())
    unicodes = ",".join(f"U+{ord(ch):04X}" for ch in sorted(text)) or "U+0020"
    return subprocess.call(["pyftsubset", args.font, f"--output-file={args.out}", f"--unicodes={KEEP},{unicodes}",
                            "--no-hinting", "--layout-features=", "--drop-tables+=GSUB,GPOS,GDEF,kern,FFTM,MATH",
                            "--name-IDs=1,2", "--notdef-outline"])


if __name__ == "__main__":
    sys.exit(main())
