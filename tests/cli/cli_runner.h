// Runs a program as a subprocess with exactly the given arguments,
// environment and stdin, and returns its exit code, stdout and stderr.
#pragma once

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

}  // namespace ud::cli_test
