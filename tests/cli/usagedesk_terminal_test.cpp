// On a terminal: the password is read without echo, the 6-digit code asked
// for, and progress is drawn while waiting; through a pipe there is none.
// Through HTTP_PROXY: requests go to the proxy; NO_PROXY sends them direct.
#include <httplib.h>

#include <atomic>
#include <thread>

#include "cli_fixture.h"

namespace ud::cli_test {
namespace {

using Terminal = UsagedeskCli;

TEST_F(Terminal, PasswordIsNotEchoedAndTheCodeIsAskedFor) {
    RunResult r = runTerminal({"login", "--email", "mfa@example.com"},
                              {{"Password for mfa@example.com: ", "hunter2-secret\n"}, {"6-digit code", "000000\n"},
                               {"6-digit code", "123456\n"}});
    EXPECT_EQ(r.code, 3) << r.out;  // a wrong password is refused before any code is asked
    EXPECT_EQ(r.out.find("hunter2-secret"), std::string::npos) << "echoed: " << r.out;

    RunResult ok = runTerminal({"login", "--email", "mfa@example.com"},
                               {{"Password for mfa@example.com: ", "secret\n"}, {"6-digit code", "000000\n"},
                                {"6-digit code", "123456\n"}});
    EXPECT_EQ(ok.code, 0) << ok.out;
    EXPECT_EQ(ok.out.find("secret\r"), std::string::npos) << "echoed: " << ok.out;
    EXPECT_NE(ok.out.find("The code was not accepted"), std::string::npos) << "a wrong code may be typed again: " << ok.out;
    EXPECT_NE(ok.out.find("Signed in as mfa@example.com"), std::string::npos);
}

TEST_F(Terminal, ProgressIsDrawnOnATerminalOnly) {
    login();
    std::string id = run({"report", "request"}).out;
    id = id.substr(0, id.find('\n'));
    sim_->advanceSeconds(60);
    rateLimitNextStatusCheck(2);
    RunResult tty = runTerminal({"report", "wait", id}, {});
    EXPECT_EQ(tty.code, 0) << tty.out;
    EXPECT_NE(tty.out.find("Next check in"), std::string::npos) << tty.out;

    rateLimitNextStatusCheck(2);
    RunResult pipe = run({"report", "wait", id});
    EXPECT_EQ(pipe.code, 0) << pipe.err;
    EXPECT_EQ(pipe.err, "") << "no progress when stderr is not a terminal";
}

TEST_F(Terminal, HttpsProxyAndNoProxyAreHonoured) {
    // A forward proxy: requests arrive in absolute form ("GET http://host/path"),
    // which only a pre-routing handler sees; it answers from the fake cloud.
    std::atomic<int> proxied{0};
    httplib::Server proxy;
    proxy.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
        ++proxied;
        core::HttpRequest r;
        r.method = req.method;
        r.url = req.target;
        for (const auto& [k, v] : req.headers) r.headers.emplace_back(k, v);
        core::HttpResponse answer = sim_->handle(r, sim::wallClockNow());
        res.status = answer.status;
        for (const auto& [k, v] : answer.headers)
            if (k != "Content-Length") res.set_header(k, v);
        res.body = answer.body;
        return httplib::Server::HandlerResponse::Handled;
    });
    const int port = proxy.bind_to_any_port("127.0.0.1");
    std::thread serving([&] { proxy.listen_after_bind(); });
    const std::string proxy_url = "http://127.0.0.1:" + std::to_string(port);
    const std::string token = sim_->issueToken("user@example.com", 0, sim::wallClockNow());
    const std::vector<std::string> args{"--api", "http://particle.invalid", "whoami", "--token-stdin"};
    RunResult via = runPlain(args, token + "\n", {"HTTP_PROXY=" + proxy_url});
    EXPECT_EQ(via.code, 0) << via.err;
    EXPECT_NE(via.out.find("user@example.com"), std::string::npos);
    EXPECT_GE(proxied.load(), 1);

    const int before = proxied.load();
    RunResult direct = runPlain(args, token + "\n", {"NO_PROXY=particle.invalid", "HTTP_PROXY=" + proxy_url});
    EXPECT_EQ(direct.code, 6) << direct.err;
    EXPECT_EQ(proxied.load(), before);
    proxy.stop();
    serving.join();
}

}  // namespace
}  // namespace ud::cli_test
