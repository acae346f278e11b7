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
    // One pair of simulators per page, shared by every copy of the handler and
    // made at the first demo request: a page that never opens the demo does not
    // build them (nor run their code) before its first frame.
    struct Clouds {
        std::unique_ptr<core::ActivePlatformSim> activeplatform;
        std::unique_ptr<core::ParticleSim> particle;
    };
    auto clouds = std::make_shared<Clouds>();
    return [clouds](const core::HttpRequest& request, core::Timestamp now) {
        if (startsWith(request.url, kDemoActivePlatformBaseUrl)) {
            if (!clouds->activeplatform)
                clouds->activeplatform = std::make_unique<core::ActivePlatformSim>(core::SimPreset::Demo);
            return clouds->activeplatform->handle(request, now);
        }
        if (startsWith(request.url, kDemoParticleBaseUrl) || startsWith(request.url, kDemoParticleDownloadBaseUrl)) {
            if (!clouds->particle) {
                core::ParticleSimConfig config = core::demoParticleSimConfig();
                config.download_base = kDemoParticleDownloadBaseUrl;
                clouds->particle = std::make_unique<core::ParticleSim>(std::move(config));
            }
            return clouds->particle->handle(request, now);
        }
        return notFound(request);
    };
}

}  // namespace ud::app
