// A transport that answers from a handler function instead of the network:
// the page's demo mode (handler = a simulated cloud) and app tests use it.
// Answers are queued and delivered on poll(), after `latency_ms` of clock time,
// so the app sees the same asynchronous shape as with a real network.
#pragma once

#include <deque>
#include <functional>
#include <utility>

#include "platform/clock.h"
#include "platform/http_transport.h"

namespace ud::platform {

class SimulatedTransport : public HttpTransport {
public:
    using Handler = std::function<core::HttpResponse(const core::HttpRequest&, core::Timestamp now)>;

    SimulatedTransport(const Clock& clock, Handler handler, core::Timestamp latency_ms = 150)
        : clock_(clock), handler_(std::move(handler)), latency_ms_(latency_ms) {}

    RequestId send(core::HttpRequest request, Done on_done) override {
        RequestId id = ++last_id_;
        pending_.push_back({id, clock_.now() + latency_ms_, std::move(request), std::move(on_done)});
        return id;
    }

    void poll() override {
        // Answer in order; a handler may itself send (it never does today, but stay safe).
        while (!pending_.empty() && pending_.front().due <= clock_.now()) {
            Pending p = std::move(pending_.front());
            pending_.pop_front();
            core::HttpResponse response = handler_(p.request, clock_.now());
            p.on_done(p.id, std::move(response));
        }
    }

    core::Timestamp nextDue() const override { return pending_.empty() ? -1 : pending_.front().due; }

private:
    struct Pending {
        RequestId id;
        core::Timestamp due;
        core::HttpRequest request;
        Done on_done;
    };
    const Clock& clock_;
    Handler handler_;
    core::Timestamp latency_ms_;
    RequestId last_id_ = 0;
    std::deque<Pending> pending_;
};

}  // namespace ud::platform
