// The one way a controller talks to a cloud: send() gives a ticket and keeps
// the handler; the transport's callback only queues the answer; deliver(),
// called from the controller's tick() on the main loop, runs the handlers in
// arrival order. A demo switch drops everything in flight, so an answer from
// the real network never lands in demo state (or the other way round).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <utility>
#include <vector>

#include "app/services.h"

namespace ud::app {

class RequestQueue {
public:
    using Ticket = std::uint64_t;  // 0 = none
    using Handler = std::function<void(const core::HttpResponse&)>;

    explicit RequestQueue(Services services) : services_(services) {}
    RequestQueue(const RequestQueue&) = delete;  // transport callbacks hold `this`
    RequestQueue& operator=(const RequestQueue&) = delete;

    // Sends through the demo transport in demo mode, else the real one.
    Ticket send(core::HttpRequest request, Handler on_answer);
    // Runs the handlers of the answers that arrived. Returns true when any ran;
    // then redrawAt() asks the loop for a frame at `now`.
    bool deliver(core::Timestamp now);
    // Demo mode on or off: switches the transport and drops every request in flight.
    void setDemo(bool demo);
    bool demo() const { return demo_; }
    void dropAll();
    void drop(Ticket ticket) { handlers_.erase(ticket); }  // its answer will be ignored
    bool waiting(Ticket ticket) const { return handlers_.count(ticket) != 0; }

    core::Timestamp redrawAt() const { return redraw_at_; }  // -1 when no frame is owed
    // A timer changed the controller's state too: the loop should draw at `now`.
    void askRedraw(core::Timestamp now) { redraw_at_ = now; }

private:
    Services services_;
    bool demo_ = false;
    Ticket next_ticket_ = 0;
    std::map<Ticket, Handler> handlers_;
    std::vector<std::pair<Ticket, core::HttpResponse>> answers_;  // queued by transport callbacks
    core::Timestamp redraw_at_ = -1;
};

}  // namespace ud::app
