// Routes demo-mode requests to the simulated clouds by their base URL.
#include "app/demo_clouds.h"

#include <memory>
#include <string>
#include <string_view>

#include "sim/activeplatform_sim.h"
#include "sim/particle_sim.h"

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
    core::ParticleSimConfig particle_config = core::demoParticleSimConfig();
    particle_config.download_base = kDemoParticleDownloadBaseUrl;
    auto particle = std::make_shared<core::ParticleSim>(particle_config);
    return [activeplatform, particle](const core::HttpRequest& request, core::Timestamp now) {
        if (startsWith(request.url, kDemoActivePlatformBaseUrl)) return activeplatform->handle(request, now);
        if (startsWith(request.url, kDemoParticleBaseUrl) || startsWith(request.url, kDemoParticleDownloadBaseUrl))
            return particle->handle(request, now);
        return notFound(request);
    };
}

}  // namespace ud::app
