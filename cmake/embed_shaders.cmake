# Writes every shaders/*.glsl into one header as a raw string constant named
# kShader_<file name>, so the GLSL stays in .glsl files and the C++ has no copy.
file(GLOB files ${DIR}/*.glsl)
set(out "// Generated from shaders/*.glsl by cmake/embed_shaders.cmake. Do not edit.\n#pragma once\n")
foreach(f ${files})
    get_filename_component(name ${f} NAME_WE)
    file(READ ${f} body)
    string(APPEND out "inline constexpr const char* kShader_${name} = R\"glsl(${body})glsl\";\n")
endforeach()
file(WRITE ${OUT}.tmp "${out}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUT}.tmp ${OUT})
