#include "ui/gl_program.h"

namespace ud::ui {
namespace {

GLuint shaderFrom(GLenum kind, const char* source) {
    GLuint shader = glCreateShader(kind);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    return shader;
}

}  // namespace

GLuint glProgramFrom(const char* vertex_source, const char* fragment_source) {
    GLuint program = glCreateProgram();
    GLuint shaders[] = {shaderFrom(GL_VERTEX_SHADER, vertex_source), shaderFrom(GL_FRAGMENT_SHADER, fragment_source)};
    for (GLuint shader : shaders) glAttachShader(program, shader);
    glLinkProgram(program);
    // Freed with the program; attached until then, so glProgramError can read their logs.
    for (GLuint shader : shaders) glDeleteShader(shader);
    return program;
}

std::string glProgramError(GLuint program, const char* what) {
    GLint linked = 0;
    glGetProgramiv(program, GL_LINK_STATUS, &linked);
    if (linked) return {};
    std::string error = std::string(what) + ":";
    char log[1024] = {};
    GLuint shaders[2] = {};
    GLsizei count = 0;
    glGetAttachedShaders(program, 2, &count, shaders);
    for (GLsizei i = 0; i < count; ++i) {
        GLint compiled = 0;
        glGetShaderiv(shaders[i], GL_COMPILE_STATUS, &compiled);
        if (compiled) continue;
        glGetShaderInfoLog(shaders[i], sizeof log, nullptr, log);
        error += std::string(" ") + log;
    }
    glGetProgramInfoLog(program, sizeof log, nullptr, log);
    return error + " " + log;
}

}  // namespace ud::ui
