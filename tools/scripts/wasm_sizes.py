#!/usr/bin/env python3
"""What takes the room in a .wasm: section sizes, the largest functions and
the bytes per origin (Dear ImGui, SDL2, libc++, nlohmann/json, UsageDesk...).
Function names need a build linked with --profiling-funcs (a name section);
without one, only sections are listed. Used for the README's size notes:
    tools/scripts/wasm_sizes.py app.wasm [--top 10]"""
import argparse
import collections
import re
import subprocess


def leb(data, i):
    result = shift = 0
    while True:
        b = data[i]
        i += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return result, i


def sections(data):
    i = 8
    while i < len(data):
        sid = data[i]
        size, j = leb(data, i + 1)
        name = None
        if sid == 0:
            n, k = leb(data, j)
            name = data[k:k + n].decode()
        yield sid, name, data[j:j + size]
        i = j + size


KINDS = {1: "type", 2: "import", 3: "function", 4: "table", 5: "memory", 6: "global", 7: "export",
         8: "start", 9: "elem", 10: "code", 11: "data", 12: "datacount"}

ORIGINS = [  # first match wins; on demangled names
    ("Dear ImGui", re.compile(r"ImGui|ImDraw|ImFont|ImGuiTable|stbtt|stbrp|stb_|ImStr|ImText|ImVector|ImTri|ImBezier")),
    ("SDL2", re.compile(r"^SDL|Emscripten_|^GLES2_|^SW_")),
    ("nlohmann/json", re.compile(r"nlohmann")),
    ("fast_float", re.compile(r"fast_float")),
    ("UsageDesk", re.compile(r"\bud::")),
    ("libc++", re.compile(r"\bstd::|__cxx|__1::")),
    ("libc / malloc / emscripten", re.compile(r"^(dlmalloc|dlfree|emscripten|__|_emscripten|printf|vfprintf|fmt_|pop_arg|"
                                              r"str|mem|qsort|frexp|scalbn|fetch|mbr|wc|fwrite|__stdio)")),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("wasm")
    ap.add_argument("--top", type=int, default=10)
    args = ap.parse_args()
    data = open(args.wasm, "rb").read()
    bodies, names, imports = [], {}, 0
    print(f"{args.wasm}: {len(data)} bytes")
    for sid, name, body in sections(data):
        print(f"  section {name or KINDS.get(sid, sid):<12} {len(body):>9} bytes")
        if sid == 2:
            count, i = leb(body, 0)
            for _ in range(count):
                for _ in range(2):
                    n, i = leb(body, i)
                    i += n
                kind = body[i]
                i += 1
                if kind == 0:
                    imports += 1
                    _, i = leb(body, i)
                elif kind == 1:
                    i += 1
                    flags, i = leb(body, i)
                    _, i = leb(body, i)
                    if flags & 1:
                        _, i = leb(body, i)
                elif kind == 2:
                    flags, i = leb(body, i)
                    _, i = leb(body, i)
                    if flags & 1:
                        _, i = leb(body, i)
                else:
                    i += 2
        if sid == 10:
            count, i = leb(body, 0)
            for _ in range(count):
                size, j = leb(body, i)
                bodies.append(j - i + size)
                i = j + size
        if name == "name":
            i = len(name) + 1
            while i < len(body):
                sub = body[i]
                size, j = leb(body, i + 1)
                if sub == 1:
                    count, k = leb(body, j)
                    for _ in range(count):
                        idx, k = leb(body, k)
                        n, k = leb(body, k)
                        names[idx] = body[k:k + n].decode(errors="replace")
                        k += n
                i = j + size
    if not names:
        print("  (no name section: link with --profiling-funcs for functions)")
        return 0
    mangled = [names.get(imports + f, f"func{imports + f}") for f in range(len(bodies))]
    demangled = subprocess.run(["c++filt"], input="\n".join(mangled), capture_output=True, text=True).stdout.split("\n")
    funcs = sorted(zip(bodies, demangled), reverse=True)
    print(f"\nlargest {args.top} functions (code bytes):")
    for size, name in funcs[:args.top]:
        print(f"  {size:>8}  {name[:150]}")
    by_origin = collections.Counter()
    for size, name in funcs:
        origin = next((o for o, rx in ORIGINS if rx.search(name)), "other")
        by_origin[origin] += size
    print("\ncode bytes by origin:")
    for origin, size in by_origin.most_common():
        print(f"  {size:>8}  {origin}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
