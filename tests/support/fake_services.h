// The platform a controller test runs on: a clock the test moves, storage in
// memory, file dialogs that record what was saved or copied. A fixture derives
// from it (so these exist before its transports, which read the clock) and
// builds Services with its own real and demo transports.
#pragma once

#include "app/services.h"
#include "platform/clock.h"
#include "platform/file_dialogs.h"
#include "platform/key_value_store.h"

namespace ud::test {

struct FakePlatform {
    explicit FakePlatform(core::Timestamp now) : clock{now} {}

    app::Services services(platform::HttpTransport& transport, platform::HttpTransport& demo_transport) {
        return app::Services{transport, demo_transport, clock, store, files};
    }

    platform::FakeClock clock;
    platform::MemoryStore store;
    platform::RecordingFileDialogs files;
};

}  // namespace ud::test
