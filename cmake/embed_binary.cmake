# Writes a file's bytes into a header as `inline constexpr unsigned char
# ${NAME}[]`, so the page needs no virtual file system to read it (the UI font).
#   cmake -DIN=<file> -DOUT=<header> -DNAME=<identifier> -P embed_binary.cmake
file(READ ${IN} hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "((0x..,){24})" "\\1\n    " bytes "${bytes}")
file(WRITE ${OUT}.tmp "// Generated from ${IN} by cmake/embed_binary.cmake. Do not edit.\n#pragma once\n\n"
    "inline constexpr unsigned char ${NAME}[] = {\n    ${bytes}\n};\n")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUT}.tmp ${OUT})
