// libFuzzer target: any bytes as an ActivePlatform error answer (first byte
// picks the status), through the error mapping and the retry decision.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/activeplatform/activeplatform_api.h"
#include "core/base/retry.h"

using namespace ud::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static constexpr int kStatuses[] = {0, 200, 400, 401, 403, 404, 405, 429, 500, 502, 503, 504};
    HttpResponse r;
    r.status = kStatuses[data[0] % (sizeof kStatuses / sizeof kStatuses[0])];
    r.body.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
    r.headers = {{"Retry-After", r.body.substr(0, 32)}, {"Content-Type", "application/json"}};
    (void)errorFromAnalyticsResponse(r, "https://cp.example.com/api/v1/analytics/daily");
    (void)errorFromAnalyticsResponse(r, "/ap/");
    (void)isRetryableResponse(r);
    (void)retryDelayMs(r, 1 + data[0] % 5, 0);  // Retry-After as seconds or as a date
    return 0;
}
