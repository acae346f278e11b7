// NativeHttpTransport: a job queue served by worker threads that each run one
// blocking cpp-httplib request; finished answers wait in a queue for poll().
#include "platform/native/http_transport_native.h"

#include <httplib.h>

#include <chrono>
#include <cstdlib>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace ud::platform {
namespace {

struct Job {
    RequestId id = 0;
    core::HttpRequest request;
    HttpTransport::Done on_done;
};

struct Finished {
    RequestId id = 0;
    core::HttpResponse response;
    HttpTransport::Done on_done;
};

core::HttpResponse transportFailure(core::ErrorKind kind, std::string message) {
    core::HttpResponse r;
    r.status = 0;
    r.transport_error = kind;
    r.transport_message = std::move(message);
    return r;
}

// "http://host:port/path?q" -> {"http://host:port", "/path?q"}.
std::pair<std::string, std::string> originAndTarget(const std::string& url) {
    std::size_t scheme = url.find("://");
    std::size_t slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    if (slash == std::string::npos) return {url, "/"};
    return {url.substr(0, slash), url.substr(slash)};
}

}  // namespace

core::HttpResponse performHttpRequest(const core::HttpRequest& request, const ProxyEnvironment* proxies,
                                      std::uint64_t max_answer_bytes) {
    auto [origin, target] = originAndTarget(request.url);
    if (origin.rfind("http://", 0) != 0 && origin.rfind("https://", 0) != 0)
        return transportFailure(core::ErrorKind::Transport, "unsupported URL: " + core::hostFromUrl(request.url));
    httplib::Client client(origin);
    const auto timeout = std::chrono::milliseconds(request.timeout_ms > 0 ? request.timeout_ms : 30000);
    client.set_connection_timeout(timeout);
    client.set_read_timeout(timeout);
    client.set_write_timeout(timeout);
    client.set_keep_alive(false);
    if (proxies) {
        if (auto proxy = proxyForUrl(request.url, *proxies)) {
            client.set_proxy(proxy->host, proxy->port);
            if (!proxy->user.empty()) client.set_proxy_basic_auth(proxy->user, proxy->password);
        }
    }

    httplib::Request req;
    req.method = request.method;
    req.path = target;
    for (const auto& [k, v] : request.headers) req.headers.emplace(k, v);
    req.body = request.body;
    // Refuse an answer over the cap as soon as its size is known (Content-Length),
    // or once that much has arrived: never hold more than the cap in memory.
    std::uint64_t declared = 0;
    bool too_large = false;
    std::string body;
    req.response_handler = [&](const httplib::Response& head) {
        if (head.has_header("Content-Length")) {
            declared = std::strtoull(head.get_header_value("Content-Length").c_str(), nullptr, 10);
            too_large = declared > max_answer_bytes;
        }
        return !too_large;
    };
    req.content_receiver = [&](const char* data, std::size_t n, std::uint64_t, std::uint64_t) {
        if (body.size() + n > max_answer_bytes) {
            too_large = true;
            return false;
        }
        body.append(data, n);
        return true;
    };

    const auto started = std::chrono::steady_clock::now();
    httplib::Response res;
    httplib::Error error = httplib::Error::Success;
    bool ok = client.send(req, res, error);
    if (too_large) return transportFailure(core::ErrorKind::Limit, core::answerTooLargeText(declared, max_answer_bytes));
    if (!ok) {
        auto elapsed = std::chrono::steady_clock::now() - started;
        // httplib reports a read timeout as a plain Read error; elapsed time tells them apart.
        bool timed_out = error == httplib::Error::ConnectionTimeout || elapsed + std::chrono::milliseconds(50) >= timeout;
        if (timed_out)
            return transportFailure(core::ErrorKind::Timeout, "no answer within " + std::to_string(timeout.count()) + " ms");
        return transportFailure(core::ErrorKind::Transport, std::string("network error: ") + httplib::to_string(error));
    }
    core::HttpResponse out;
    out.status = res.status;
    for (const auto& [k, v] : res.headers) out.headers.emplace_back(k, v);
    out.body = std::move(body);
    return out;
}

struct NativeHttpTransport::Impl {
    std::mutex mutex;
    std::condition_variable has_work;
    std::deque<Job> jobs;
    std::deque<Finished> finished;
    std::vector<std::thread> workers;
    RequestId last_id = 0;
    std::size_t in_flight = 0;  // sent but not yet delivered by poll()
    bool stopping = false;
    NativeHttpLimits limits;

    void work() {
        for (;;) {
            Job job;
            {
                std::unique_lock lock(mutex);
                has_work.wait(lock, [this] { return stopping || !jobs.empty(); });
                if (stopping) return;
                job = std::move(jobs.front());
                jobs.pop_front();
            }
            if (limits.max_timeout_ms > 0 &&
                (job.request.timeout_ms <= 0 || job.request.timeout_ms > limits.max_timeout_ms))
                job.request.timeout_ms = limits.max_timeout_ms;
            core::HttpResponse response = performHttpRequest(job.request, nullptr, limits.max_answer_bytes);
            std::lock_guard lock(mutex);
            finished.push_back({job.id, std::move(response), std::move(job.on_done)});
        }
    }
};

NativeHttpTransport::NativeHttpTransport(int worker_count, NativeHttpLimits limits) : impl_(std::make_unique<Impl>()) {
    impl_->limits = limits;
    for (int i = 0; i < (worker_count > 0 ? worker_count : 1); ++i)
        impl_->workers.emplace_back([this] { impl_->work(); });
}

NativeHttpTransport::~NativeHttpTransport() {
    {
        std::lock_guard lock(impl_->mutex);
        impl_->stopping = true;
    }
    impl_->has_work.notify_all();
    for (auto& w : impl_->workers) w.join();
}

RequestId NativeHttpTransport::send(core::HttpRequest request, Done on_done) {
    std::lock_guard lock(impl_->mutex);
    RequestId id = ++impl_->last_id;
    impl_->jobs.push_back({id, std::move(request), std::move(on_done)});
    ++impl_->in_flight;
    impl_->has_work.notify_one();
    return id;
}

void NativeHttpTransport::poll() {
    std::deque<Finished> ready;
    {
        std::lock_guard lock(impl_->mutex);
        ready.swap(impl_->finished);
        impl_->in_flight -= ready.size();
    }
    // Outside the lock: a callback may send another request.
    for (auto& f : ready) f.on_done(f.id, std::move(f.response));
}

bool NativeHttpTransport::waitIdle(int max_ms) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(max_ms);
    for (;;) {
        poll();
        {
            std::lock_guard lock(impl_->mutex);
            if (impl_->in_flight == 0) return true;
        }
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

core::HttpResponse sendAndWait(NativeHttpTransport& transport, core::HttpRequest request, int max_ms) {
    // Shared so a late answer after giving up writes into live memory.
    struct Slot {
        core::HttpResponse response;
        bool done = false;
    };
    auto slot = std::make_shared<Slot>();
    slot->response = transportFailure(core::ErrorKind::Timeout, "no answer before the caller gave up");
    transport.send(std::move(request), [slot](RequestId, core::HttpResponse r) {
        slot->response = std::move(r);
        slot->done = true;
    });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(max_ms);
    while (!slot->done && std::chrono::steady_clock::now() < deadline) {
        transport.poll();
        if (!slot->done) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return slot->response;
}

}  // namespace ud::platform
