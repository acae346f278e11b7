// Token files, secrets from stdin or the terminal, atomic file writes.
#include "cli_secrets.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

namespace ud::cli {
namespace {

std::string envOr(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

std::string xdgDir(const char* variable, const char* home_relative) {
    std::string base = envOr(variable);
    if (base.empty() || base[0] != '/') base = envOr("HOME") + home_relative;  // XDG: relative values are ignored
    return base + "/usagedesk";
}

std::string trimLineEnd(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    return s;
}

std::string trimSpace(std::string s) {
    std::size_t a = s.find_first_not_of(" \t\r\n");
    std::size_t b = s.find_last_not_of(" \t\r\n");
    return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

core::Error ioError(const std::string& what) {
    return core::makeError(core::ErrorKind::State, what + ": " + std::strerror(errno));
}

}  // namespace

bool makeDirs(const std::string& path) {
    for (std::size_t i = 1; i <= path.size(); ++i) {
        if (i != path.size() && path[i] != '/') continue;
        std::string part = path.substr(0, i);
        if (mkdir(part.c_str(), 0700) != 0 && errno != EEXIST) return false;
    }
    return true;
}

std::string configDir() { return xdgDir("XDG_CONFIG_HOME", "/.config"); }
std::string stateDir() { return xdgDir("XDG_STATE_HOME", "/.local/state"); }
std::string tokenFilePath(const char* file_name) { return configDir() + "/" + file_name; }
bool stdinIsTerminal() { return isatty(STDIN_FILENO); }

core::Result<TokenSource> findToken(bool from_stdin, const char* env_name, const char* file_name,
                                    std::string_view how_to_get_one) {
    if (from_stdin) {
        auto line = readStdinLine();
        std::string token = line ? trimSpace(*line) : std::string();
        if (token.empty()) return core::makeError(core::ErrorKind::Validation, "--token-stdin: no token on standard input.");
        return TokenSource{token, "stdin"};
    }
    if (std::string token = trimSpace(envOr(env_name)); !token.empty()) return TokenSource{token, env_name};
    const std::string path = tokenFilePath(file_name);
    if (auto text = readWholeFile(path); text.ok()) {
        if (std::string token = trimSpace(*text); !token.empty()) return TokenSource{token, path};
    }
    return core::makeError(core::ErrorKind::State, "not signed in: " + std::string(how_to_get_one));
}

core::Status saveToken(const char* file_name, std::string_view token) {
    if (!makeDirs(configDir())) return ioError("cannot create " + configDir());
    return writeFileAtomically(tokenFilePath(file_name), std::string(token) + "\n", 0600);
}

bool removeToken(const char* file_name) { return std::remove(tokenFilePath(file_name).c_str()) == 0; }

std::optional<std::string> readStdinLine() {
    std::string line;
    if (!std::getline(std::cin, line)) return std::nullopt;
    return trimLineEnd(line);
}

std::optional<std::string> readSecret(std::string_view prompt) {
    if (!stdinIsTerminal()) return readStdinLine();
    // Echo goes off before the prompt shows, so nothing typed after it is echoed;
    // TCSANOW, not TCSAFLUSH, so keys typed early are not thrown away.
    termios old_mode{};
    const bool have_mode = tcgetattr(STDIN_FILENO, &old_mode) == 0;
    if (have_mode) {
        termios quiet = old_mode;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::fprintf(stderr, "%.*s", static_cast<int>(prompt.size()), prompt.data());
    std::fflush(stderr);
    auto line = readStdinLine();
    if (have_mode) tcsetattr(STDIN_FILENO, TCSANOW, &old_mode);
    std::fputs("\n", stderr);
    return line;
}

core::Status writeFileAtomically(const std::string& path, std::string_view bytes, int mode) {
    if (path == "-") {
        std::fwrite(bytes.data(), 1, bytes.size(), stdout);
        std::fflush(stdout);
        return core::Ok{};
    }
    const std::string temp = path + ".part-" + std::to_string(getpid());
    int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, static_cast<mode_t>(mode));
    if (fd < 0) return ioError("cannot write " + path);
    fchmod(fd, static_cast<mode_t>(mode));  // the umask may have taken bits; set exactly what was asked
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            core::Error e = ioError("cannot write " + path);
            close(fd);
            unlink(temp.c_str());
            return e;
        }
        done += static_cast<std::size_t>(n);
    }
    if (close(fd) != 0 || rename(temp.c_str(), path.c_str()) != 0) {
        core::Error e = ioError("cannot write " + path);
        unlink(temp.c_str());
        return e;
    }
    return core::Ok{};
}

core::Result<std::string> readWholeFile(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return ioError("cannot read " + path);
    std::string out;
    char buf[65536];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) out.append(buf, n);
    std::fclose(f);
    return out;
}

}  // namespace ud::cli
