// The retry schedule (see retry.h).
#include "core/base/retry.h"

#include <algorithm>

namespace ud::core {

bool isBusyStatus(int status) { return status == 429 || status == 503; }

bool isRetryableResponse(const HttpResponse& response, const RetryPolicy& policy) {
    if (isBusyStatus(response.status)) return true;
    if (policy.busy_only) return false;
    if (response.status == 0) return response.transport_error == ErrorKind::Transport;
    return response.status == 502 || response.status == 504;
}

Timestamp backoffDelayMs(const RetryPolicy& policy, int attempt) {
    Timestamp delay = policy.first_delay_ms;
    for (int i = 1; i < attempt && delay < policy.max_delay_ms; ++i) delay *= 2;
    return std::min(delay, policy.max_delay_ms);
}

std::optional<Timestamp> busyDelayMs(const RetryPolicy& policy, int retry_after_s, int attempt) {
    if (retry_after_s < 0) return policy.busy_wait_ms >= 0 ? policy.busy_wait_ms : backoffDelayMs(policy, attempt);
    const Timestamp ms = static_cast<Timestamp>(retry_after_s) * 1000;
    if (ms > policy.max_retry_after_ms) return std::nullopt;
    return std::max(ms, policy.min_retry_after_ms);
}

std::optional<Timestamp> retryDelayMs(const HttpResponse& response, int attempt, Timestamp now,
                                      const RetryPolicy& policy) {
    if (!isRetryableResponse(response, policy) || attempt < 1) return std::nullopt;
    if (policy.max_attempts > 0 && attempt >= policy.max_attempts) return std::nullopt;
    if (response.status == 0) return backoffDelayMs(policy, attempt);
    const int retry_after = retryAfterSeconds(response.headers, now);
    if (isBusyStatus(response.status) || retry_after >= 0) return busyDelayMs(policy, retry_after, attempt);
    return backoffDelayMs(policy, attempt);
}

}  // namespace ud::core
