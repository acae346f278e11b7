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

# The app layer (state + controller) has no Emscripten or ImGui, so it is
# compiled natively too and tested with FakeTransport and a fake clock.
file(GLOB UD_APP_SOURCES CONFIGURE_DEPENDS src/app/*.cpp)
list(FILTER UD_APP_SOURCES EXCLUDE REGEX ".*/main\\.cpp$")
ud_layer(ud_app SOURCES ${UD_APP_SOURCES} LINKS ud_sim ud_core)

# Each folder under tools/ is one native program (fake servers, generators).
file(GLOB UD_TOOL_DIRS LIST_DIRECTORIES true CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tools/*)
foreach(dir ${UD_TOOL_DIRS})
    if(IS_DIRECTORY ${dir})
        get_filename_component(tool ${dir} NAME)
        file(GLOB tool_sources CONFIGURE_DEPENDS ${dir}/*.cpp)
        if(tool_sources)
            add_executable(${tool} ${tool_sources})
            target_compile_options(${tool} PRIVATE ${UD_WARNINGS})
            target_link_libraries(${tool} PRIVATE ud_platform_native ud_sim ud_core)
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
foreach(layer core sim platform app cli)
    file(GLOB layer_tests CONFIGURE_DEPENDS tests/${layer}/*.cpp)
    if(layer_tests)
        add_executable(tests_${layer} ${layer_tests})
        target_compile_options(tests_${layer} PRIVATE ${UD_WARNINGS})
        target_include_directories(tests_${layer} PRIVATE tests src)
        target_link_libraries(tests_${layer} PRIVATE ud_app ud_platform_native ud_sim ud_core GTest::gtest_main GTest::gmock)
        target_compile_definitions(tests_${layer} PRIVATE
            UD_SOURCE_DIR="${CMAKE_SOURCE_DIR}" UD_BINARY_DIR="${CMAKE_BINARY_DIR}")
        gtest_discover_tests(tests_${layer} TEST_PREFIX "${layer}/" DISCOVERY_TIMEOUT 30)
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
