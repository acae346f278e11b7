// The one retry schedule (core/base/retry.h): which answers are retried, the
// doubling backoff, Retry-After in both forms, and the policies of both clouds.
#include <gtest/gtest.h>

#include "core/base/retry.h"

using namespace ud::core;

namespace {

HttpResponse answer(int status, HeaderList headers = {}) {
    HttpResponse r;
    r.status = status;
    r.headers = std::move(headers);
    return r;
}

constexpr Timestamp kNow = 784111777000;  // Sun, 06 Nov 1994 08:49:37 GMT

TEST(RetrySchedule, RetriesOnlyOverloadProxyAndNetwork) {
    for (int s : {429, 502, 503, 504}) EXPECT_TRUE(isRetryableResponse(answer(s))) << s;
    for (int s : {400, 401, 403, 404, 422, 500}) EXPECT_FALSE(isRetryableResponse(answer(s))) << s;
    HttpResponse none;
    EXPECT_TRUE(isRetryableResponse(none));
    none.transport_error = ErrorKind::Timeout;
    EXPECT_FALSE(isRetryableResponse(none));
}

TEST(RetrySchedule, BacksOffAndHonoursRetryAfter) {
    RetryPolicy p;  // 1 s doubling, 4 attempts
    HttpResponse busy = answer(503);
    EXPECT_EQ(retryDelayMs(busy, 1, kNow, p), 1000);
    EXPECT_EQ(retryDelayMs(busy, 2, kNow, p), 2000);
    EXPECT_EQ(retryDelayMs(busy, 3, kNow, p), 4000);
    EXPECT_EQ(retryDelayMs(busy, 4, kNow, p), std::nullopt);
    p.max_attempts = 20;
    EXPECT_EQ(retryDelayMs(busy, 10, kNow, p), 30000);
    EXPECT_EQ(retryDelayMs(answer(429, {{"Retry-After", "12"}}), 1, kNow, p), 12000);
    EXPECT_EQ(retryDelayMs(answer(429, {{"Retry-After", "3600"}}), 1, kNow, p), std::nullopt);
    EXPECT_EQ(retryDelayMs(answer(500), 1, kNow, p), std::nullopt);
}

TEST(RetrySchedule, RetryAfterAsAnHttpDate) {
    RetryPolicy p;
    EXPECT_EQ(retryDelayMs(answer(429, {{"Retry-After", "Sun, 06 Nov 1994 08:50:07 GMT"}}), 1, kNow, p), 30000);
    EXPECT_EQ(retryDelayMs(answer(429, {{"Retry-After", "Sun, 06 Nov 1994 08:00:00 GMT"}}), 1, kNow, p), 0);
}

TEST(RetrySchedule, BusyOnlyWithAFixedWait) {
    // ActivePlatform's controller: 429/503 only, 30 s unless the server says, 3 retries.
    RetryPolicy p{4, 30000, 30000, 30000, 0, kNow, true};
    EXPECT_EQ(retryDelayMs(answer(503), 1, kNow, p), 30000);
    EXPECT_EQ(retryDelayMs(answer(503), 3, kNow, p), 30000);
    EXPECT_EQ(retryDelayMs(answer(503), 4, kNow, p), std::nullopt);
    EXPECT_EQ(retryDelayMs(answer(502), 1, kNow, p), std::nullopt);
    EXPECT_EQ(retryDelayMs(HttpResponse{}, 1, kNow, p), std::nullopt);
    EXPECT_EQ(retryDelayMs(answer(429, {{"Retry-After", "3600"}}), 1, kNow, p), 3600000);
}

TEST(RetrySchedule, NoLimitAndAFloorForRetryAfter) {
    // Particle's report polling: network failures back off 15 s .. 300 s for ever; busy waits >= 1 s.
    RetryPolicy p{0, 15000, 300000, 60000, 1000, kNow, false};
    EXPECT_EQ(backoffDelayMs(p, 1), 15000);
    EXPECT_EQ(backoffDelayMs(p, 5), 240000);
    EXPECT_EQ(backoffDelayMs(p, 50), 300000);
    EXPECT_EQ(busyDelayMs(p, -1, 7), 60000);
    EXPECT_EQ(busyDelayMs(p, 0, 1), 1000);
    EXPECT_EQ(busyDelayMs(p, 45, 1), 45000);
    EXPECT_EQ(retryDelayMs(HttpResponse{}, 100, kNow, p), 300000);
}

}  // namespace
