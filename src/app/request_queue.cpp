// RequestQueue: tickets to handlers, answers queued by callbacks, delivered on tick.
#include "app/request_queue.h"

namespace ud::app {

RequestQueue::Ticket RequestQueue::send(core::HttpRequest request, Handler on_answer) {
    const Ticket ticket = ++next_ticket_;
    handlers_[ticket] = std::move(on_answer);
    platform::HttpTransport& transport = demo_ ? services_.demo_transport : services_.transport;
    transport.send(std::move(request), [this, ticket](platform::RequestId, core::HttpResponse r) {
        answers_.emplace_back(ticket, std::move(r));
    });
    return ticket;
}

bool RequestQueue::deliver(core::Timestamp now) {
    if (redraw_at_ >= 0 && redraw_at_ <= now) redraw_at_ = -1;  // that frame was asked for
    if (answers_.empty()) return false;
    auto answers = std::move(answers_);
    answers_.clear();
    for (auto& [ticket, response] : answers) {
        auto it = handlers_.find(ticket);
        if (it == handlers_.end()) continue;  // dropped by a demo switch
        Handler handler = std::move(it->second);
        handlers_.erase(it);
        handler(response);  // may send again
    }
    redraw_at_ = now;
    return true;
}

void RequestQueue::setDemo(bool demo) {
    demo_ = demo;
    dropAll();
}

void RequestQueue::dropAll() {
    handlers_.clear();
    answers_.clear();
}

}  // namespace ud::app
