// What the report list says about a report: its state and what comes next
// ("being prepared, next check in 42 s", "rate limited by Particle; next check
// in 1 min 00 s", "link expired 2026-06-27 09:00 UTC"). Pure text from the
// poll and the time; the panel only draws it.
#pragma once

#include <string>

#include "core/base/date.h"
#include "core/particle/particle_report_poller.h"

namespace ud::core {

// `signed_in`: checks run only while signed in, so the text says what it waits
// for; `waiting_for_network`: offline, the checks wait for the network.
std::string textFromReportState(const ReportPoll& poll, Timestamp now, bool signed_in,
                                bool waiting_for_network = false);

}  // namespace ud::core
