// How a simulated cloud asks whatever carries its answers to misbehave on
// purpose. A handler returns a plain HttpResponse; two markers in it are not
// meant for the client:
//   - status 0 with transport_error Transport means "drop the connection"
//     (the native fake server closes the socket mid-answer; the in-page
//     SimulatedTransport simply delivers it, which is what a browser would see);
//   - the header kFakeDelayHeader asks the carrier to wait that many real
//     milliseconds before answering (a slow server, to trip client timeouts).
// Carriers strip the header before anything reaches a client.
#pragma once

#include <string>
#include <string_view>

#include "core/base/http.h"

namespace ud::core {

inline constexpr std::string_view kFakeDelayHeader = "X-UsageDesk-Fake-Delay-Ms";

inline HttpResponse droppedConnectionResponse() {
    HttpResponse r;
    r.status = 0;
    r.transport_error = ErrorKind::Transport;
    r.transport_message = "connection dropped by the server";
    return r;
}

inline bool isDroppedConnection(const HttpResponse& r) { return r.status == 0; }

// A well-formed JSON answer of about `bytes` bytes, to test a client's cap on
// answer size: {"padding":"xxxx..."}.
inline std::string hugeJsonBody(std::size_t bytes) {
    std::string body = R"({"padding":")";
    body.append(bytes > 16 ? bytes - 16 : 0, 'x');
    body += "\"}";
    return body;
}

// The delay a handler asked for, in ms; 0 when none (or not a number).
inline int fakeDelayMs(const HttpResponse& r) {
    std::string_view v = headerValue(r.headers, kFakeDelayHeader);
    int ms = 0;
    if (v.empty() || v.size() > 9) return 0;
    for (char c : v) {
        if (c < '0' || c > '9') return 0;
        ms = ms * 10 + (c - '0');
    }
    return ms;
}

inline void stripFakeDirectives(HttpResponse& r) {
    std::erase_if(r.headers, [](const auto& h) {
        if (h.first.size() != kFakeDelayHeader.size()) return false;
        for (std::size_t i = 0; i < h.first.size(); ++i)
            if ((h.first[i] | 0x20) != (kFakeDelayHeader[i] | 0x20)) return false;
        return true;
    });
}

}  // namespace ud::core
