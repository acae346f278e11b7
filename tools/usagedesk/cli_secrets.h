// Where usagedesk keeps things and how it reads secrets. A token comes from
// --token-stdin, else an environment variable, else the token file
// ($XDG_CONFIG_HOME/usagedesk/<name>, mode 0600, folder 0700); never from a
// command-line argument. Passwords are read from the terminal without echo
// (or one line of stdin when stdin is not a terminal) and never stored.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/base/result.h"

namespace ud::cli {

std::string configDir();  // $XDG_CONFIG_HOME/usagedesk, else ~/.config/usagedesk
std::string stateDir();   // $XDG_STATE_HOME/usagedesk, else ~/.local/state/usagedesk
bool makeDirs(const std::string& path);  // mkdir -p; folders we create get mode 0700

inline constexpr const char* kParticleTokenEnv = "PARTICLE_ACCESS_TOKEN";
inline constexpr const char* kActivePlatformTokenEnv = "ACTIVEPLATFORM_API_TOKEN";
inline constexpr const char* kParticleTokenFile = "particle-token";
inline constexpr const char* kActivePlatformTokenFile = "activeplatform-token";

struct TokenSource {
    std::string token;
    std::string from;  // "stdin", "PARTICLE_ACCESS_TOKEN", or the file's path (for messages)
};

// The token, or a State error saying how to provide one.
core::Result<TokenSource> findToken(bool from_stdin, const char* env_name, const char* file_name,
                                    std::string_view how_to_get_one);

std::string tokenFilePath(const char* file_name);
// Writes the token file with mode 0600 (created so; never world-readable in between).
core::Status saveToken(const char* file_name, std::string_view token);
bool removeToken(const char* file_name);  // true when a file was removed

// One line of stdin without its line end; nullopt at end of input.
std::optional<std::string> readStdinLine();
// A secret typed at the terminal without echo (prompt on stderr), or one line
// of stdin when stdin is not a terminal.
std::optional<std::string> readSecret(std::string_view prompt);
bool stdinIsTerminal();

// Writes `bytes` to `path` through a temporary file and a rename, so a reader
// never sees half a file. "-" writes to stdout.
core::Status writeFileAtomically(const std::string& path, std::string_view bytes, int mode = 0644);
core::Result<std::string> readWholeFile(const std::string& path);

}  // namespace ud::cli
