# WASM side: Dear ImGui + SDL2 (both from Debian source packages, paths given
# by build-wasm.sh), the web platform, app, ui, and the app.js/app.wasm target.
set(UD_SDL2_PREFIX "" CACHE PATH "SDL2 built for Emscripten (install prefix)")
set(UD_IMGUI_DIR "" CACHE PATH "Dear ImGui 1.86 source tree")
if(NOT EXISTS "${UD_SDL2_PREFIX}/include/SDL2/SDL.h" OR NOT EXISTS "${UD_IMGUI_DIR}/imgui.h")
    message(FATAL_ERROR "Set UD_SDL2_PREFIX and UD_IMGUI_DIR (build-wasm.sh does this)")
endif()

add_library(ud_imgui STATIC
    ${UD_IMGUI_DIR}/imgui.cpp ${UD_IMGUI_DIR}/imgui_draw.cpp
    ${UD_IMGUI_DIR}/imgui_widgets.cpp ${UD_IMGUI_DIR}/imgui_tables.cpp
    ${UD_IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp
    ${UD_IMGUI_DIR}/backends/imgui_impl_sdl.cpp)
target_include_directories(ud_imgui SYSTEM PUBLIC ${UD_IMGUI_DIR} ${UD_IMGUI_DIR}/backends
    ${UD_IMGUI_DIR}/misc/cpp ${UD_SDL2_PREFIX}/include/SDL2)
# ImGui's renderer is the app's own (src/ui/imgui_gl.h): its OpenGL3 backend
# reads GL state back every frame, a wait for the GPU process in a browser.
target_compile_definitions(ud_imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS)

# Shaders: shaders/*.glsl embedded as string constants in generated/shaders.h.
file(GLOB UD_SHADERS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/shaders/*.glsl)
set(UD_SHADER_HEADER ${CMAKE_BINARY_DIR}/generated/shaders.h)
add_custom_command(OUTPUT ${UD_SHADER_HEADER}
    COMMAND ${CMAKE_COMMAND} -DOUT=${UD_SHADER_HEADER} -DDIR=${CMAKE_SOURCE_DIR}/shaders
            -P ${CMAKE_SOURCE_DIR}/cmake/embed_shaders.cmake
    DEPENDS ${UD_SHADERS} ${CMAKE_SOURCE_DIR}/cmake/embed_shaders.cmake)
add_custom_target(ud_shaders DEPENDS ${UD_SHADER_HEADER})

file(GLOB UD_PLATFORM_WEB_SOURCES CONFIGURE_DEPENDS src/platform/*.cpp src/platform/web/*.cpp)
ud_layer(ud_platform_web SOURCES ${UD_PLATFORM_WEB_SOURCES} LINKS ud_core)

# The ui sees app's state and intents (ud_app_state), never the controllers.
file(GLOB UD_UI_SOURCES CONFIGURE_DEPENDS src/ui/*.cpp)
add_library(ud_ui STATIC ${UD_UI_SOURCES})
target_include_directories(ud_ui PUBLIC src ${CMAKE_BINARY_DIR}/generated)
target_compile_options(ud_ui PRIVATE ${UD_WARNINGS})
target_link_libraries(ud_ui PUBLIC ud_app_state ud_core ud_imgui)
add_dependencies(ud_ui ud_shaders)

add_executable(usagedesk src/app/main.cpp)
set_target_properties(usagedesk PROPERTIES OUTPUT_NAME app SUFFIX ".js")
target_compile_options(usagedesk PRIVATE ${UD_WARNINGS})
target_link_libraries(usagedesk PRIVATE ud_ui ud_app ud_app_state ud_platform_web ud_sim ud_core ud_imgui
    -L${UD_SDL2_PREFIX}/lib -lSDL2)
# Exported C functions are listed once, here.
set(UD_EXPORTS _main _ud_test_state _ud_test_widgets _ud_frame_count _ud_frame_build_ms _ud_on_paste
    _ud_on_resize _ud_on_theme _ud_on_pixel_ratio _ud_on_network _ud_font_pixel_ratio _ud_on_file_start _ud_prepare_step _ud_on_file_abort _ud_on_file_chunk _ud_draw_progress _ud_on_file_end _ud_on_storage
    _ud_on_field_text _ud_on_field_focus _ud_on_text_input _ud_wake _malloc _free)
list(JOIN UD_EXPORTS "," UD_EXPORTS_CSV)
target_link_options(usagedesk PRIVATE
    -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1
    -sINITIAL_MEMORY=67108864 -sMAXIMUM_MEMORY=4294967296
    -sFETCH=1 -sENVIRONMENT=web -sMODULARIZE=0 -sFILESYSTEM=0
    # First frame: Emscripten's fetch opens an IndexedDB before main() runs (50-100 ms
    # here) although the page only loads to memory, and enabling every WebGL
    # extension at context creation costs 30-60 ms for none the page uses (README).
    -sFETCH_SUPPORT_INDEXEDDB=0 -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0
    -sEXPORTED_FUNCTIONS=${UD_EXPORTS_CSV}
    -sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8,HEAPU8)
# The UI font: Debian's DejaVu Sans (fonts-dejavu-core) cut at build time to
# what the interface writes plus Latin-1 and punctuation (pyftsubset) and
# compiled in as bytes (generated/ui_font_subset.h), so the page needs no
# virtual file system. build-wasm.sh serves the full file beside the page for
# data that needs more (src/ui/font_atlas.h).
set(UD_UI_FONT /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf CACHE FILEPATH "UI font (TTF)")
file(GLOB UD_UI_TEXT_SOURCES CONFIGURE_DEPENDS src/ui/*.cpp src/app/*.cpp)
# The subsetter writes into generated/; in a fresh build tree nothing has made it yet.
file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/generated)
set(UD_UI_FONT_SUBSET ${CMAKE_BINARY_DIR}/generated/ui-font-subset.ttf)
set(UD_UI_FONT_HEADER ${CMAKE_BINARY_DIR}/generated/ui_font_subset.h)
add_custom_command(OUTPUT ${UD_UI_FONT_HEADER}
    COMMAND python3 ${CMAKE_SOURCE_DIR}/tools/scripts/subset_ui_font.py --font ${UD_UI_FONT}
            --out ${UD_UI_FONT_SUBSET} ${UD_UI_TEXT_SOURCES}
    COMMAND ${CMAKE_COMMAND} -DIN=${UD_UI_FONT_SUBSET} -DOUT=${UD_UI_FONT_HEADER} -DNAME=kUiFontSubset
            -P ${CMAKE_SOURCE_DIR}/cmake/embed_binary.cmake
    DEPENDS ${UD_UI_FONT} ${UD_UI_TEXT_SOURCES} ${CMAKE_SOURCE_DIR}/tools/scripts/subset_ui_font.py
            ${CMAKE_SOURCE_DIR}/cmake/embed_binary.cmake)
add_custom_target(ud_ui_font DEPENDS ${UD_UI_FONT_HEADER})
add_dependencies(ud_ui ud_ui_font)

# Size: everything outside core's hot paths is compiled for size (-Os) with
# link-time optimisation, and the link optimises for size. The hot paths keep
# -O3: the parse and table speeds live there (./build-wasm.sh bench measures
# them; README). The link has no -flto: that would swap in libc/libc++ built
# for LTO and optimised here for size, which made the analytics scanner 2x
# and the CSV parse 1.3x slower in the bench for 2 KB of gzip.
# Core's hot paths: what runs over every row of a CSV, a table or an answer
# (the CSV reader and table, sort/filter/group, charts, spikes, export, the
# analytics scanner, the decimal and date parsing under them). The rest of core
# is -Os too: Particle and ActivePlatform answers and errors, stored records,
# forecasts, period comparison (per day or key, not per row), and the cost
# totals (one pass per answer, after its parse; 15 KB of gzip at -O3).
option(UD_WASM_SIZE "Optimise the WASM for size outside core's hot paths" ON)
set(UD_CORE_HOT_SOURCES base/date base/decimal
    table/cell_text table/chart_series table/csv_reader table/csv_tokenizer table/csv_writer
    table/daily_rates table/spikes table/table table/table_builder
    table/table_group table/table_summary table/table_view
    activeplatform/activeplatform_columns activeplatform/activeplatform_parse)
if(UD_WASM_SIZE)
    foreach(target ud_sim ud_imgui ud_ui ud_app_state ud_app ud_platform_web usagedesk)
        target_compile_options(${target} PRIVATE -Os -flto)
    endforeach()
    target_link_options(usagedesk PRIVATE -Os)
    list(TRANSFORM UD_CORE_HOT_SOURCES REPLACE "(.+)" "${CMAKE_SOURCE_DIR}/src/core/\\1.cpp")
    foreach(source ${UD_CORE_HOT_SOURCES})  # a renamed hot file must not turn -Os unnoticed
        if(NOT source IN_LIST UD_CORE_SOURCES)
            message(FATAL_ERROR "UD_CORE_HOT_SOURCES names ${source}, which is not in core")
        endif()
    endforeach()
    foreach(source ${UD_CORE_SOURCES})
        if(NOT source IN_LIST UD_CORE_HOT_SOURCES)
            set_source_files_properties(${source} TARGET_DIRECTORY ud_core PROPERTIES COMPILE_OPTIONS "-Os;-flto")
        endif()
    endforeach()
endif()
