// FakeHttpServer: cpp-httplib server that turns each request into a core
// HttpRequest, asks the handler, and writes the answer (or misbehaves as told).
#include "sim/native/fake_http_server.h"

#include <httplib.h>

#include <cctype>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "sim/fake_directives.h"

namespace ud::sim {

namespace {

bool sameHeaderName(const std::string& a, const char* b) {
    std::size_t i = 0;
    for (; i < a.size() && b[i] != '\0'; ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return i == a.size() && b[i] == '\0';
}

}  // namespace

core::Timestamp wallClockNow() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

FakeHttpServer::Handler serializedHandler(FakeHttpServer::Handler handler) {
    auto mutex = std::make_shared<std::mutex>();
    return [mutex, handler = std::move(handler)](const core::HttpRequest& req, core::Timestamp now) {
        std::lock_guard lock(*mutex);
        return handler(req, now);
    };
}

struct FakeHttpServer::Impl {
    Handler handler;
    httplib::Server server;
    std::thread thread;
    int port = 0;
    std::mutex handler_mutex;  // simulators are single-threaded by design
    std::mutex wait_mutex;
    std::condition_variable wake;
    bool stopping = false;

    core::HttpRequest requestFrom(const httplib::Request& req) const {
        core::HttpRequest out;
        out.method = req.method;
        std::string host = req.get_header_value("Host");
        if (host.empty()) host = "127.0.0.1:" + std::to_string(port);
        out.url = "http://" + host + req.target;
        for (const auto& [k, v] : req.headers) {
            // httplib adds these itself; they are not what the client sent.
            if (k == "REMOTE_ADDR" || k == "REMOTE_PORT" || k == "LOCAL_ADDR" || k == "LOCAL_PORT") continue;
            out.headers.emplace_back(k, v);
        }
        out.body = req.body;
        return out;
    }

    // Waits `ms` of real time unless the server is stopping.
    void delay(int ms) {
        std::unique_lock lock(wait_mutex);
        wake.wait_for(lock, std::chrono::milliseconds(ms), [this] { return stopping; });
    }

    void serve(const httplib::Request& req, httplib::Response& res) {
        core::HttpResponse answer;
        {
            std::lock_guard lock(handler_mutex);
            answer = handler(requestFrom(req), wallClockNow());
        }
        if (int ms = core::fakeDelayMs(answer); ms > 0) delay(ms);
        core::stripFakeDirectives(answer);
        if (core::isDroppedConnection(answer)) {
            // Headers go out, then the body provider fails: the socket closes
            // with the answer unfinished, which clients see as a network error.
            res.status = 200;
            for (const auto& [k, v] : answer.headers)
                if (!sameHeaderName(k, "Content-Type") && !sameHeaderName(k, "Content-Length")) res.set_header(k, v);
            res.set_content_provider(
                1024, "application/json",
                [](std::size_t, std::size_t, httplib::DataSink&) { return false; });
            return;
        }
        res.status = answer.status;
        std::string content_type;
        for (const auto& [k, v] : answer.headers) {
            if (sameHeaderName(k, "Content-Type")) content_type = v;
            else if (!sameHeaderName(k, "Content-Length")) res.set_header(k, v);
        }
        if (!content_type.empty()) res.set_content(answer.body, content_type);
        else res.body = answer.body;
    }
};

FakeHttpServer::FakeHttpServer(Handler handler) : impl_(std::make_unique<Impl>()) {
    impl_->handler = std::move(handler);
    auto route = [this](const httplib::Request& req, httplib::Response& res) { impl_->serve(req, res); };
    const std::string all = "/.*";
    impl_->server.Get(all, route);
    impl_->server.Post(all, route);
    impl_->server.Put(all, route);
    impl_->server.Patch(all, route);
    impl_->server.Delete(all, route);
    impl_->server.Options(all, route);
    impl_->server.set_keep_alive_max_count(100);
}

FakeHttpServer::~FakeHttpServer() { stop(); }

core::Result<int> FakeHttpServer::start(int port) {
    if (impl_->thread.joinable()) return impl_->port;
    bool bound = false;
    if (port == 0) {
        int p = impl_->server.bind_to_any_port("127.0.0.1");
        bound = p > 0;
        if (bound) impl_->port = p;
    } else {
        bound = impl_->server.bind_to_port("127.0.0.1", port);
        if (bound) impl_->port = port;
    }
    if (!bound)
        return core::makeError(core::ErrorKind::Transport,
                               "could not listen on 127.0.0.1:" + std::to_string(port) + " (port in use?)");
    impl_->thread = std::thread([this] { impl_->server.listen_after_bind(); });
    // httplib's stop() is a no-op until the listen loop runs; wait for it so a
    // quick start/stop cannot leave the thread listening forever.
    for (int i = 0; i < 5000 && !impl_->server.is_running(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return impl_->port;
}

void FakeHttpServer::stop() {
    {
        std::lock_guard lock(impl_->wait_mutex);
        impl_->stopping = true;
    }
    impl_->wake.notify_all();
    impl_->server.stop();
    if (impl_->thread.joinable()) impl_->thread.join();
}

int FakeHttpServer::port() const { return impl_->port; }

std::string FakeHttpServer::baseUrl() const { return "http://127.0.0.1:" + std::to_string(impl_->port); }

}  // namespace ud::sim
