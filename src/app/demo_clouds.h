// Demo mode: the simulated Particle and ActivePlatform clouds answering inside
// the page, so anyone can walk every panel with no account and no network.
#pragma once

#include "platform/simulated_transport.h"

namespace ud::app {

// Base URLs used in demo mode; requests to them never leave the page.
inline constexpr const char* kDemoParticleBaseUrl = "https://demo.particle.invalid";
inline constexpr const char* kDemoParticleDownloadBaseUrl = "https://demo-downloads.particle.invalid";
inline constexpr const char* kDemoActivePlatformBaseUrl = "https://demo.activeplatform.invalid";

// One handler for every demo request, routed by base URL to the right simulator.
platform::SimulatedTransport::Handler demoCloudHandler();

}  // namespace ud::app
