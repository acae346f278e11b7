// FakeHttpServer + NativeHttpTransport over real HTTP on 127.0.0.1: requests
// arrive intact, answers come back intact, and the fake directives misbehave.
#include <gtest/gtest.h>

#include "sim/fake_directives.h"
#include "sim/native/fake_http_server.h"
#include "platform/native/http_transport_native.h"

namespace ud::platform {
namespace {

using core::HttpRequest;
using core::HttpResponse;
using sim::FakeHttpServer;

HttpResponse echo(const HttpRequest& req, core::Timestamp) {
    HttpResponse r;
    r.status = req.url.find("/missing") != std::string::npos ? 404 : 200;
    r.headers = {{"Content-Type", "text/plain"}, {"X-Method", req.method}};
    r.body = req.method + " " + req.url.substr(req.url.find('/', 7)) + " " +
             std::string(core::headerValue(req.headers, "Authorization")) + " " + req.body;
    if (req.url.find("/slow") != std::string::npos)
        r.headers.emplace_back(std::string(core::kFakeDelayHeader), "1500");
    if (req.url.find("/drop") != std::string::npos) return core::droppedConnectionResponse();
    return r;
}

class FakeHttpServerTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(server_.start(0).ok()); }
    HttpRequest request(std::string method, std::string path) {
        HttpRequest r;
        r.method = std::move(method);
        r.url = server_.baseUrl() + path;
        r.timeout_ms = 5000;
        return r;
    }
    FakeHttpServer server_{echo};
    NativeHttpTransport transport_;
};

TEST_F(FakeHttpServerTest, PassesMethodPathHeadersAndBodyThrough) {
    HttpRequest r = request("POST", "/v1/thing?x=1");
    r.headers = {{"Authorization", "Bearer abc"}, {"Content-Type", "application/json"}};
    r.body = "{\"a\":1}";
    HttpResponse res = sendAndWait(transport_, r);
    EXPECT_EQ(res.status, 200);
    EXPECT_EQ(res.body, "POST /v1/thing?x=1 Bearer abc {\"a\":1}");
    EXPECT_EQ(core::headerValue(res.headers, "X-Method"), "POST");
    EXPECT_EQ(core::headerValue(res.headers, "Content-Type"), "text/plain");
}

TEST_F(FakeHttpServerTest, AnswersEveryMethodIncludingOptions) {
    for (const char* m : {"GET", "DELETE", "PUT", "OPTIONS"}) {
        HttpResponse res = sendAndWait(transport_, request(m, "/x"));
        EXPECT_EQ(res.status, 200) << m;
        EXPECT_EQ(core::headerValue(res.headers, "X-Method"), m);
    }
}

TEST_F(FakeHttpServerTest, ErrorStatusKeepsItsBody) {
    HttpResponse res = sendAndWait(transport_, request("GET", "/missing"));
    EXPECT_EQ(res.status, 404);
    EXPECT_NE(res.body.find("/missing"), std::string::npos);
}

TEST_F(FakeHttpServerTest, DroppedConnectionIsATransportError) {
    HttpResponse res = sendAndWait(transport_, request("GET", "/drop"));
    EXPECT_EQ(res.status, 0);
    EXPECT_EQ(res.transport_error, core::ErrorKind::Transport);
}

TEST_F(FakeHttpServerTest, DelayPastTheClientTimeoutIsATimeout) {
    HttpRequest r = request("GET", "/slow");
    r.timeout_ms = 300;
    HttpResponse res = sendAndWait(transport_, r);
    EXPECT_EQ(res.status, 0);
    EXPECT_EQ(res.transport_error, core::ErrorKind::Timeout);
}

TEST_F(FakeHttpServerTest, DelayDirectiveNeverReachesTheClient) {
    HttpResponse res = sendAndWait(transport_, request("GET", "/slow"));
    EXPECT_EQ(res.status, 200);
    EXPECT_TRUE(core::headerValue(res.headers, core::kFakeDelayHeader).empty());
}

TEST(NativeHttpTransport, RefusedConnectionIsATransportError) {
    int port = 0;
    {
        FakeHttpServer s(echo);
        port = s.start(0).value();
    }  // stopped: nothing listens there now
    NativeHttpTransport t;
    HttpRequest r;
    r.url = "http://127.0.0.1:" + std::to_string(port) + "/x";
    r.timeout_ms = 2000;
    HttpResponse res = sendAndWait(t, r);
    EXPECT_EQ(res.status, 0);
    EXPECT_EQ(res.transport_error, core::ErrorKind::Transport);
}

TEST(NativeHttpTransport, DeliversCallbacksOnlyInsidePoll) {
    FakeHttpServer s(echo);
    ASSERT_TRUE(s.start(0).ok());
    NativeHttpTransport t;
    int delivered = 0;
    HttpRequest r;
    r.url = s.baseUrl() + "/a";
    t.send(r, [&](RequestId, HttpResponse) { ++delivered; });
    t.send(r, [&](RequestId, HttpResponse) { ++delivered; });
    EXPECT_EQ(delivered, 0);
    EXPECT_TRUE(t.waitIdle(5000));
    EXPECT_EQ(delivered, 2);
}

}  // namespace
}  // namespace ud::platform
