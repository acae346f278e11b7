// A real HTTP server on 127.0.0.1 that answers from any handler function
// `HttpResponse(const HttpRequest&, Timestamp now)`: the simulated clouds
// (Particle, ActivePlatform) become fake servers for native end-to-end tests
// and for browser tests. Supports every method incl. OPTIONS, calls the handler
// one request at a time (simulators need no locks), passes the real wall clock,
// and honours sim/fake_directives.h (delay, dropped connection).
// Plain http only; no TLS.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "core/base/date.h"
#include "core/base/http.h"
#include "core/base/result.h"

namespace ud::sim {

class FakeHttpServer {
public:
    using Handler = std::function<core::HttpResponse(const core::HttpRequest&, core::Timestamp now)>;

    explicit FakeHttpServer(Handler handler);
    ~FakeHttpServer();  // stops the server and wakes any delayed answer
    FakeHttpServer(const FakeHttpServer&) = delete;
    FakeHttpServer& operator=(const FakeHttpServer&) = delete;

    // Binds 127.0.0.1:`port` (0 = an ephemeral port) and serves on a background
    // thread. Returns the bound port.
    core::Result<int> start(int port = 0);
    void stop();

    int port() const;
    std::string baseUrl() const;  // "http://127.0.0.1:<port>"

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Wraps a handler so that several servers (an API origin and a download
// origin answering from one simulator) never call it at the same time.
FakeHttpServer::Handler serializedHandler(FakeHttpServer::Handler handler);

// Wall-clock milliseconds since the epoch (the fake servers' `now`).
core::Timestamp wallClockNow();

}  // namespace ud::sim
