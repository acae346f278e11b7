// Runs a program as a subprocess with exactly the given arguments,
// environment and stdin, and returns its exit code, stdout and stderr.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace ud::cli_test {

struct RunResult {
    int code = -1;     // exit code; -1 when it did not exit (killed after the timeout)
    std::string out;   // stdout
    std::string err;   // stderr
    long elapsed_ms = 0;
};

RunResult runProgram(const std::string& path, const std::vector<std::string>& args, const std::vector<std::string>& env,
                     const std::string& input, int timeout_ms = 90000);

// The same on a terminal: stdin, stdout and stderr are one pseudo-terminal.
// `script` is a list of (wait for this text, then type this) steps; the
// output is everything the program wrote to the terminal.
struct TerminalStep {
    std::string wait_for;
    std::string type;
};
RunResult runOnTerminal(const std::string& path, const std::vector<std::string>& args, const std::vector<std::string>& env,
                        const std::vector<TerminalStep>& script, int timeout_ms = 60000);

// Both runners: waits for the child `pid` and fills in its exit code and the
// time since `started`.
void reapChild(int pid, std::chrono::steady_clock::time_point started, RunResult& result);

}  // namespace ud::cli_test
