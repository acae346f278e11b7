// Routes demo-mode requests to the simulated clouds by their base URL.
#include "app/demo_clouds.h"

#include <string>

namespace ud::app {

platform::SimulatedTransport::Handler demoCloudHandler() {
    return [](const core::HttpRequest& request, core::Timestamp now) {
        (void)now;
        core::HttpResponse r;
        r.status = 404;
        r.body = "{\"error\":\"not_found\",\"error_description\":\"No simulated service at " + request.url + "\"}";
        return r;
    };
}

}  // namespace ud::app
