// WebGL2 programs from GLSL sources (shaders/*.glsl), built in two steps so a
// caller can choose when to wait: in a browser, reading a compile or link
// status waits for the GPU process to finish the work.
#pragma once

#include <GLES3/gl3.h>

#include <string>

namespace ud::ui {

// Compiles both shaders and links them; reads nothing back.
GLuint glProgramFrom(const char* vertex_source, const char* fragment_source);
// "" when `program` linked, else "<what>: " and the shaders' and the linker's logs.
std::string glProgramError(GLuint program, const char* what);

}  // namespace ud::ui
