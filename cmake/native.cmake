# Native side: platform (cpp-httplib transport), tests, tools, fuzz targets.
find_package(Threads REQUIRED)

file(GLOB UD_PLATFORM_NATIVE_SOURCES CONFIGURE_DEPENDS src/platform/*.cpp src/platform/native/*.cpp)
ud_layer(ud_platform_native SOURCES ${UD_PLATFORM_NATIVE_SOURCES} LINKS ud_core Threads::Threads)
# Debian's cpp-httplib is a compiled library; its pkg-config Cflags carry the
# CPPHTTPLIB_*_SUPPORT defines that change struct layouts, so they must match.
find_package(PkgConfig REQUIRED)
pkg_check_modules(UD_HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
if(UD_PLATFORM_NATIVE_SOURCES)
    target_link_libraries(ud_platform_native PUBLIC PkgConfig::UD_HTTPLIB)
else()
    target_link_libraries(ud_platform_native INTERFACE PkgConfig::UD_HTTPLIB)
endif()

# The simulated clouds' carrier on a real socket (tools/, end-to-end and browser tests).
file(GLOB UD_SIM_NATIVE_SOURCES CONFIGURE_DEPENDS src/sim/native/*.cpp)
ud_layer(ud_sim_native SOURCES ${UD_SIM_NATIVE_SOURCES} LINKS ud_sim ud_core PkgConfig::UD_HTTPLIB Threads::Threads)

# The ui, natively: Dear ImGui with no backend (build-wasm.sh passes the Debian
# source tree it fetched), a fixed display size, the font atlas built in
# memory; charts without a GPU and fonts without the generated subset (src/ui/headless/). tests/ui draws every panel.
set(UD_IMGUI_DIR "" CACHE PATH "Dear ImGui 1.86 source tree (build-wasm.sh sets it)")
if(EXISTS "${UD_IMGUI_DIR}/imgui.h")
    add_library(ud_imgui_headless STATIC
        ${UD_IMGUI_DIR}/imgui.cpp ${UD_IMGUI_DIR}/imgui_draw.cpp
        ${UD_IMGUI_DIR}/imgui_widgets.cpp ${UD_IMGUI_DIR}/imgui_tables.cpp
        ${UD_IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp)
    target_include_directories(ud_imgui_headless SYSTEM PUBLIC ${UD_IMGUI_DIR} ${UD_IMGUI_DIR}/misc/cpp)
    target_compile_definitions(ud_imgui_headless PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
    file(GLOB UD_UI_SOURCES CONFIGURE_DEPENDS src/ui/*.cpp src/ui/headless/*.cpp)
    list(FILTER UD_UI_SOURCES EXCLUDE REGEX ".*/ui/(chart_gpu|font_atlas|gl_program|imgui_gl)\\.cpp$")
    add_library(ud_ui STATIC ${UD_UI_SOURCES})
    target_include_directories(ud_ui PUBLIC src)
    target_compile_options(ud_ui PRIVATE ${UD_WARNINGS})
    target_link_libraries(ud_ui PUBLIC ud_app_state ud_core ud_imgui_headless)
else()
    message(STATUS "UD_IMGUI_DIR not set: ud_ui and tests/ui are not built natively")
endif()

# Each folder under tools/ is one native program (fake servers, generators).
file(GLOB UD_TOOL_DIRS LIST_DIRECTORIES true CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tools/*)
foreach(dir ${UD_TOOL_DIRS})
    if(IS_DIRECTORY ${dir})
        get_filename_component(tool ${dir} NAME)
        file(GLOB tool_sources CONFIGURE_DEPENDS ${dir}/*.cpp)
        if(tool_sources)
            add_executable(${tool} ${tool_sources})
            target_compile_options(${tool} PRIVATE ${UD_WARNINGS})
            target_link_libraries(${tool} PRIVATE ud_sim_native ud_platform_native ud_sim ud_core)
        endif()
    endif()
endforeach()

# The usagedesk command line (tools/usagedesk): CLI11 from Debian (libcli11-dev,
# header only). `cmake --install build-native` puts it in <prefix>/bin.
find_path(UD_CLI11_INCLUDE CLI/CLI.hpp REQUIRED)
target_include_directories(usagedesk SYSTEM PRIVATE ${UD_CLI11_INCLUDE})
install(TARGETS usagedesk RUNTIME DESTINATION bin)

enable_testing()
include(GoogleTest)
find_package(GTest REQUIRED)
# One test binary per layer folder; ctest names carry the layer: core/Date.ParsesIso.
set(UD_TEST_LAYERS core sim platform app cli faults)
if(TARGET ud_ui)
    list(APPEND UD_TEST_LAYERS ui)
endif()
foreach(layer ${UD_TEST_LAYERS})
    file(GLOB layer_tests CONFIGURE_DEPENDS tests/${layer}/*.cpp)
    if(layer_tests)
        add_executable(tests_${layer} ${layer_tests})
        target_compile_options(tests_${layer} PRIVATE ${UD_WARNINGS})
        target_include_directories(tests_${layer} PRIVATE tests src)
        target_link_libraries(tests_${layer} PRIVATE ud_app ud_app_state ud_sim_native ud_platform_native ud_sim ud_core
                              GTest::gtest_main GTest::gmock)
        if(layer STREQUAL "ui")
            target_link_libraries(tests_${layer} PRIVATE ud_ui)
        endif()
        target_compile_definitions(tests_${layer} PRIVATE
            UD_SOURCE_DIR="${CMAKE_SOURCE_DIR}" UD_BINARY_DIR="${CMAKE_BINARY_DIR}")
        if(layer STREQUAL "faults")
            # One process for the whole matrix, so it can print its cell count and what it left out.
            add_test(NAME faults/matrix COMMAND tests_faults)
            set_tests_properties(faults/matrix PROPERTIES TIMEOUT 900)
        else()
            gtest_discover_tests(tests_${layer} TEST_PREFIX "${layer}/" DISCOVERY_TIMEOUT 30)
        endif()
        if(layer STREQUAL "cli")
            add_dependencies(tests_cli usagedesk)  # the tests run the real binary
        endif()
    endif()
endforeach()

# Benchmarks: bench/native/*.cpp, each its own program (Google Benchmark or plain timers).
file(GLOB UD_BENCH_SOURCES CONFIGURE_DEPENDS bench/native/*.cpp)
foreach(src ${UD_BENCH_SOURCES})
    get_filename_component(name ${src} NAME_WE)
    add_executable(bench_${name} ${src})
    target_link_libraries(bench_${name} PRIVATE ud_sim ud_core)
endforeach()

# Fuzz targets (clang only): tests/fuzz/*.cpp, each built with libFuzzer + ASan + UBSan.
# Core is compiled once with the same instrumentation and shared by every target.
if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    file(GLOB UD_FUZZ_SOURCES CONFIGURE_DEPENDS tests/fuzz/*.cpp)
    if(UD_FUZZ_SOURCES)
        set(UD_FUZZ_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=all -g -O1)
        add_library(ud_core_fuzz STATIC ${UD_CORE_SOURCES} ${UD_SIM_SOURCES})
        target_include_directories(ud_core_fuzz PUBLIC src)
        target_link_libraries(ud_core_fuzz PUBLIC nlohmann_json::nlohmann_json)
        target_compile_options(ud_core_fuzz PRIVATE ${UD_FUZZ_FLAGS} -fsanitize=fuzzer-no-link)
    endif()
    foreach(src ${UD_FUZZ_SOURCES})
        get_filename_component(name ${src} NAME_WE)
        add_executable(fuzz_${name} ${src})
        target_link_libraries(fuzz_${name} PRIVATE ud_core_fuzz)
        target_compile_options(fuzz_${name} PRIVATE ${UD_FUZZ_FLAGS} -fsanitize=fuzzer)
        target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer,address,undefined)
    endforeach()
endif()
