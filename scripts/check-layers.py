#!/usr/bin/env python3
"""Fails when a file under src/ includes across a forbidden layer edge.

The layers (README, Architecture):
  core      the standard library, nlohmann/json, fast_float, stb; core only
  sim       core and sim; nlohmann/json. sim/native/ (the fake HTTP server
            that carries a simulator's answers) may also use cpp-httplib.
  platform  interface headers (src/platform/*.h): core; native/: + cpp-httplib;
            web/: + Emscripten. Never app, ui or sim.
  app       core, sim, app, platform interface headers; nlohmann/json. Never
            ui, never a platform implementation, no ImGui or Emscripten.
            main.cpp is the page's composition root and may include anything.
  ui        ui, core, app's state and intents headers (app/*_state.h,
            app/*intents.h, app/settings.h), ImGui, WebGL; never controllers,
            services, transports or sim.
Usage: check-layers.py [--root DIR]   (DIR holds src/; default: the repo)
Prints one line per forbidden include and exits 1 when there is any.
"""
import argparse
import pathlib
import re
import sys

STD = r"[a-z_0-9]+"  # <string>, <cstdint>, ...: no dot, no slash
THIRD_PARTY_CORE = [r"nlohmann/.*", r"fast_float/.*", r"stb/.*"]
PLATFORM_INTERFACE = r"platform/[a-z_0-9]+\.h"
APP_STATE_INTENTS = r"app/([a-z_0-9]+_state|[a-z_0-9]*intents|settings)\.h"
# Headers CMake generates into the build tree (embedded shaders, the UI font subset).
GENERATED = [r"shaders\.h", r"ui_font_subset\.h"]
IMGUI = [r"imgui\.h", r"imgui_internal\.h", r"imgui_stdlib\.h", r"imgui_impl_opengl3\.h", r"GLES3/.*"]

# (path prefix under the root, what it is, allowed "quoted" includes, allowed <angle> includes).
# The first matching prefix wins, so the more specific ones come first.
RULES = [
    ("src/app/main.cpp", "the page's entry point", [r".*"], [r".*"]),
    ("src/core/", "core", [r"core/.*"], [STD] + THIRD_PARTY_CORE),
    ("src/sim/native/", "sim/native", [r"core/.*", r"sim/.*"], [STD, r"httplib\.h"]),
    ("src/sim/", "sim", [r"core/.*", r"sim/(?!native/).*"], [STD, r"nlohmann/.*"]),
    ("src/platform/native/", "platform/native", [r"core/.*", PLATFORM_INTERFACE, r"platform/native/.*"],
     [STD, r"httplib\.h"]),
    ("src/platform/web/", "platform/web", [r"core/.*", PLATFORM_INTERFACE, r"platform/web/.*"],
     [STD, r"emscripten\.h", r"emscripten/.*", r"unistd\.h"]),  # sbrk: the heap top (reserveHeap)
    ("src/platform/", "platform interfaces", [r"core/.*", PLATFORM_INTERFACE], [STD]),
    ("src/app/", "app", [r"core/.*", r"sim/.*", r"app/.*", PLATFORM_INTERFACE], [STD, r"nlohmann/.*"]),
    ("src/ui/", "ui", [r"ui/.*", r"core/.*", APP_STATE_INTENTS] + GENERATED, [STD, r"nlohmann/.*"] + IMGUI),
]

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def rule_for(rel):
    for prefix, name, quoted, angle in RULES:
        if rel == prefix or (prefix.endswith("/") and rel.startswith(prefix)):
            return name, quoted, angle
    return None


def check(root):
    problems = []
    src = root / "src"
    for path in sorted(src.rglob("*")):
        if path.suffix not in (".h", ".hpp", ".cpp", ".cc") or not path.is_file():
            continue
        rel = path.relative_to(root).as_posix()
        rule = rule_for(rel)
        if rule is None:
            problems.append(f"{rel}: in no layer (add it to scripts/check-layers.py)")
            continue
        name, quoted, angle = rule
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            kind, target = m.groups()
            allowed = quoted if kind == '"' else angle
            if not any(re.fullmatch(a, target) for a in allowed):
                shown = f'"{target}"' if kind == '"' else f"<{target}>"
                problems.append(f"{rel}:{number}: {name} may not include {shown}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=str(pathlib.Path(__file__).resolve().parent.parent))
    args = parser.parse_args()
    problems = check(pathlib.Path(args.root))
    for p in problems:
        print(p)
    if problems:
        print(f"layer check: {len(problems)} forbidden include(s)")
        return 1
    print("layer check: every include stays inside its layer")
    return 0


if __name__ == "__main__":
    sys.exit(main())
