// What the page must tell a person who cannot see the canvas: screen readers
// (an ARIA live region), a hidden tab's title, and a system notification when
// asked for. The Controller's Announcer finds them; main.cpp hands them to the
// page (web/usagedesk.js).
#pragma once

#include <string>
#include <vector>

namespace ud::app {

struct Announcement {
    std::string text;
    bool urgent = false;        // an error: read at once (assertive), not after what is being read
    bool report_ready = false;  // a hidden tab's title says "Report ready" until it is seen
    bool notify = false;        // the person ticked "notify me": a system notification too
};

// What the Controller has for the page since it was last asked.
struct PageNotes {
    std::vector<Announcement> announcements;
    bool ask_notification_permission = false;  // "notify me" was just ticked: the browser asks now, once
};

}  // namespace ud::app
