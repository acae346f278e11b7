// emscripten_fetch implementation of HttpTransport. Fetch callbacks only queue
// the answer; poll() hands it to the app on the main loop.
#include "platform/web/http_transport_web.h"

#include <emscripten/fetch.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "platform/web/browser_glue.h"

namespace ud::platform::web {
namespace {

struct InFlight {
    WebHttpTransport* transport;
    RequestId id;
    double started_ms;
    int timeout_ms;
    std::string body;                      // must outlive the fetch
    std::vector<std::string> header_store; // same
    std::vector<const char*> header_ptrs;
};

core::HeaderList headersFromFetch(emscripten_fetch_t* fetch) {
    core::HeaderList out;
    size_t len = emscripten_fetch_get_response_headers_length(fetch);
    if (len == 0) return out;
    std::string raw(len + 1, '\0');
    emscripten_fetch_get_response_headers(fetch, raw.data(), raw.size());
    raw.resize(std::strlen(raw.c_str()));
    size_t pos = 0;
    while (pos < raw.size()) {
        size_t end = raw.find("\r\n", pos);
        if (end == std::string::npos) end = raw.size();
        std::string line = raw.substr(pos, end - pos);
        size_t colon = line.find(':');
        if (colon != std::string::npos) {
            size_t v = colon + 1;
            while (v < line.size() && line[v] == ' ') ++v;
            out.emplace_back(line.substr(0, colon), line.substr(v));
        }
        pos = end + 2;
    }
    return out;
}

void finish(emscripten_fetch_t* fetch) {
    std::unique_ptr<InFlight> flight(static_cast<InFlight*>(fetch->userData));
    core::HttpResponse r;
    r.status = fetch->status;
    const std::uint64_t bytes = fetch->numBytes;
    if (bytes > core::kMaxAnswerBytes) {
        // Refused before a second copy is made in the heap; the app keeps what it had.
        r.status = 0;
        r.transport_error = core::ErrorKind::Limit;
        r.transport_message = core::answerTooLargeText(bytes);
    } else if (fetch->data && fetch->numBytes > 0) {
        r.body.assign(fetch->data, static_cast<size_t>(fetch->numBytes));
    }
    if (r.status != 0) {
        r.headers = headersFromFetch(fetch);
    } else if (r.transport_error != core::ErrorKind::Limit) {
        // The browser hides why: offline, DNS, refused, or a CORS refusal all look
        // alike. Only a timeout can be told apart, by the clock.
        double elapsed = nowMs() - flight->started_ms;
        bool timed_out = flight->timeout_ms > 0 && elapsed >= flight->timeout_ms - 50;
        r.transport_error = timed_out ? core::ErrorKind::Timeout : core::ErrorKind::Transport;
        r.transport_message = timed_out ? "no answer within " + std::to_string(flight->timeout_ms / 1000) + " s"
                                        : "network error or the browser blocked the request";
    }
    flight->transport->complete(flight->id, std::move(r));
    emscripten_fetch_close(fetch);
}

}  // namespace

RequestId WebHttpTransport::send(core::HttpRequest request, Done on_done) {
    RequestId id = ++last_id_;
    waiting_.emplace_back(id, std::move(on_done));

    auto* flight = new InFlight{this, id, nowMs(), request.timeout_ms, std::move(request.body), {}, {}};
    for (auto& [k, v] : request.headers) {
        flight->header_store.push_back(k);
        flight->header_store.push_back(v);
    }
    for (auto& s : flight->header_store) flight->header_ptrs.push_back(s.c_str());
    flight->header_ptrs.push_back(nullptr);

    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strncpy(attr.requestMethod, request.method.c_str(), sizeof(attr.requestMethod) - 1);
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
    attr.requestHeaders = flight->header_ptrs.data();
    attr.timeoutMSecs = static_cast<unsigned long>(request.timeout_ms > 0 ? request.timeout_ms : 0);
    attr.withCredentials = false;
    if (!flight->body.empty()) {
        attr.requestData = flight->body.data();
        attr.requestDataSize = flight->body.size();
    }
    attr.userData = flight;
    attr.onsuccess = finish;
    attr.onerror = finish;  // 4xx/5xx land here too, with status and body
    emscripten_fetch(&attr, request.url.c_str());
    return id;
}

void WebHttpTransport::complete(RequestId id, core::HttpResponse response) {
    finished_.push_back({id, std::move(response)});
    if (wake_) wake_();
}

void WebHttpTransport::poll() {
    while (!finished_.empty()) {
        Finished f = std::move(finished_.front());
        finished_.pop_front();
        for (auto it = waiting_.begin(); it != waiting_.end(); ++it) {
            if (it->first != f.id) continue;
            Done done = std::move(it->second);
            waiting_.erase(it);
            done(f.id, std::move(f.response));
            break;
        }
    }
}

}  // namespace ud::platform::web
