// Time as a seam: the app asks a Clock, tests hand it a FakeClock.
#pragma once

#include "core/base/date.h"

namespace ud::platform {

class Clock {
public:
    virtual ~Clock() = default;
    virtual core::Timestamp now() const = 0;  // ms since epoch, UTC
};

class FakeClock : public Clock {
public:
    explicit FakeClock(core::Timestamp start) : now_(start) {}
    core::Timestamp now() const override { return now_; }
    void advance(core::Timestamp ms) { now_ += ms; }
    void set(core::Timestamp t) { now_ = t; }

private:
    core::Timestamp now_;
};

}  // namespace ud::platform
