// The one HTTP interface. Implementations:
//   web/http_transport_web.cpp        emscripten_fetch (async only; no threads, no sync XHR)
//   native/http_transport_native.cpp  cpp-httplib on a worker thread (tests, tools)
//   simulated_transport.h             answers from an in-page simulator (demo mode, app tests)
// CMake picks the file; callers never #ifdef.
#pragma once

#include <cstdint>
#include <functional>

#include "core/base/http.h"

namespace ud::platform {

using RequestId = std::uint64_t;

class HttpTransport {
public:
    using Done = std::function<void(RequestId, core::HttpResponse)>;
    virtual ~HttpTransport() = default;

    // Starts a request and returns its id. `on_done` is called exactly once,
    // later, on the main thread (never from inside send()). A 4xx/5xx answer is
    // a response with its status and body; status 0 means no answer at all.
    virtual RequestId send(core::HttpRequest request, Done on_done) = 0;

    // Delivers finished requests' callbacks. The browser delivers on its own
    // event loop (this is then a no-op); the native transport delivers here.
    virtual void poll() {}

    // When poll() will next have an answer to deliver by clock time (a
    // simulated cloud's latency), so the loop can set a timer; -1 when the
    // transport wakes the loop itself (the browser) or has nothing pending.
    virtual core::Timestamp nextDue() const { return -1; }
};

}  // namespace ud::platform
