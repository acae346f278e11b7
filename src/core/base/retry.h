// When to send a failed request again: the one retry schedule every cloud uses.
// A busy answer (429, 503) waits what its Retry-After says (seconds or an HTTP
// date), else a fixed wait or the backoff; other failures the policy retries
// (proxy errors 502/504, network failures) back off by doubling up to a cap.
// Pure arithmetic: the caller keeps the attempt count and the timer.
#pragma once

#include <optional>

#include "core/base/date.h"
#include "core/base/http.h"

namespace ud::core {

struct RetryPolicy {
    int max_attempts = 4;                   // including the first request; 0 = no limit
    Timestamp first_delay_ms = 1000;        // backoff: the first wait, doubled per attempt
    Timestamp max_delay_ms = 30000;         // cap of the doubling
    Timestamp busy_wait_ms = -1;            // 429/503 without a readable Retry-After (-1: the backoff)
    Timestamp min_retry_after_ms = 0;       // a Retry-After of 0 still waits this long
    Timestamp max_retry_after_ms = 120000;  // a longer Retry-After is left to the user
    bool busy_only = false;                 // retry 429/503 only: not 502/504, not network failures
};

// 429 Too Many Requests or 503 Service Unavailable: come back later.
bool isBusyStatus(int status);
// Busy answers, and unless `busy_only` the proxy statuses 502/504 and network
// failures; a timeout is not retried (a slow request would be slow again).
bool isRetryableResponse(const HttpResponse& response, const RetryPolicy& policy = {});

// The doubling alone: the wait after failed attempt `attempt` (1-based).
Timestamp backoffDelayMs(const RetryPolicy& policy, int attempt);
// The wait after a busy answer whose Retry-After read `retry_after_s` (-1 when
// absent), or nullopt when the server asked for longer than the policy waits.
std::optional<Timestamp> busyDelayMs(const RetryPolicy& policy, int retry_after_s, int attempt);

// Delay before attempt `attempt + 1` after attempt `attempt` (1-based) got
// `response` at `now`, or nullopt when it should not be sent again.
std::optional<Timestamp> retryDelayMs(const HttpResponse& response, int attempt, Timestamp now,
                                      const RetryPolicy& policy = {});

}  // namespace ud::core
