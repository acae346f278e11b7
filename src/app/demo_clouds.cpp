// Routes demo-mode requests to the simulated clouds by their base URL.
#include "app/demo_clouds.h"

#include <memory>
#include <string>
#include <string_view>

#include "core/activeplatform_sim.h"

namespace ud::app {
namespace {

bool startsWith(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

core::HttpResponse notFound(const core::HttpRequest& request) {
    core::HttpResponse r;
    r.status = 404;
    r.body = "{\"error\":\"not_found\",\"error_description\":\"No simulated service at " + request.url + "\"}";
    return r;
}

}  // namespace

platform::SimulatedTransport::Handler demoCloudHandler() {
    // One simulator per page, shared by every copy of the handler.
    auto activeplatform = std::make_shared<core::ActivePlatformSim>(core::SimPreset::Demo);
    return [activeplatform](const core::HttpRequest& request, core::Timestamp now) {
        // ---- ActivePlatform (issue 7) ----
        if (startsWith(request.url, kDemoActivePlatformBaseUrl)) return activeplatform->handle(request, now);
        // ---- Particle: its engineer adds the route here ----
        return notFound(request);
    };
}

}  // namespace ud::app
