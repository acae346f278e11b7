// Native HTTP transport for tests and tools: cpp-httplib on worker threads.
// Supports: http:// and https:// URLs, any method, request timeout (connect +
// read + write), 4xx/5xx bodies. Callbacks run on the caller's thread inside
// poll(), never on a worker. Proxies only through performHttpRequest with a
// ProxyEnvironment (the command line). Not supported: redirects, cookies.
// Errors: a timeout gives status 0 + ErrorKind::Timeout; refused, reset or
// cut-short answers give status 0 + ErrorKind::Transport.
#pragma once

#include <cstdint>
#include <memory>

#include "platform/http_transport.h"
#include "platform/native/http_proxy.h"

namespace ud::platform {

// What a transport accepts. Tests shrink both so a timeout or an answer over
// the cap costs milliseconds and megabytes, not 30 s and 256 MB.
struct NativeHttpLimits {
    std::uint64_t max_answer_bytes = core::kMaxAnswerBytes;  // larger answers are refused unread (ErrorKind::Limit)
    int max_timeout_ms = 0;                                  // > 0: caps every request's timeout_ms
};

class NativeHttpTransport : public HttpTransport {
public:
    explicit NativeHttpTransport(int worker_count = 2, NativeHttpLimits limits = {});
    ~NativeHttpTransport() override;  // abandons queued requests, joins workers
    NativeHttpTransport(const NativeHttpTransport&) = delete;
    NativeHttpTransport& operator=(const NativeHttpTransport&) = delete;

    RequestId send(core::HttpRequest request, Done on_done) override;
    void poll() override;

    // Polls until every sent request has been delivered, or `max_ms` of real
    // time passed. Returns true when idle. For tests and command-line tools.
    bool waitIdle(int max_ms);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// One blocking request on the calling thread (what each worker runs).
// With `proxies`, the request goes through the proxy they name for its URL.
core::HttpResponse performHttpRequest(const core::HttpRequest& request, const ProxyEnvironment* proxies = nullptr,
                                      std::uint64_t max_answer_bytes = core::kMaxAnswerBytes);

// Blocking convenience for tests: send through `transport`, wait, return the answer.
core::HttpResponse sendAndWait(NativeHttpTransport& transport, core::HttpRequest request, int max_ms = 60000);

}  // namespace ud::platform
