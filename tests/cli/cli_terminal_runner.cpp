// runOnTerminal: the program on a pseudo-terminal (openpty), typed into only
// after it printed what each step waits for, as a person would.
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>

#include "cli_runner.h"

namespace ud::cli_test {

RunResult runOnTerminal(const std::string& path, const std::vector<std::string>& args, const std::vector<std::string>& env,
                        const std::vector<TerminalStep>& script, int timeout_ms) {
    RunResult result;
    std::vector<char*> argv{const_cast<char*>(path.c_str())};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
    envp.push_back(nullptr);
    int master = -1, slave = -1;
    if (openpty(&master, &slave, nullptr, nullptr, nullptr) != 0) return result;
    const auto started = std::chrono::steady_clock::now();
    pid_t pid = fork();
    if (pid == 0) {
        setsid();
        dup2(slave, 0);
        dup2(slave, 1);
        dup2(slave, 2);
        close(master);
        close(slave);
        execve(path.c_str(), argv.data(), envp.data());
        _exit(127);
    }
    close(slave);
    std::size_t step = 0, searched_from = 0;
    for (;;) {
        const long waited = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
        if (waited > timeout_ms) {
            kill(pid, SIGKILL);
            break;
        }
        if (step < script.size()) {
            std::size_t at = result.out.find(script[step].wait_for, searched_from);
            if (at != std::string::npos) {
                ssize_t ignored = write(master, script[step].type.data(), script[step].type.size());
                (void)ignored;
                searched_from = at + script[step].wait_for.size();
                ++step;
                continue;
            }
        }
        pollfd fd{master, POLLIN, 0};
        if (poll(&fd, 1, 200) <= 0) continue;
        char buf[4096];
        ssize_t n = read(master, buf, sizeof buf);
        if (n <= 0) break;  // EIO once the program closed the terminal
        result.out.append(buf, static_cast<std::size_t>(n));
    }
    close(master);
    reapChild(pid, started, result);
    return result;
}

}  // namespace ud::cli_test
