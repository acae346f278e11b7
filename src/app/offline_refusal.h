// Offline without trying: while the browser says it is offline (outside the
// demo, which needs no network), an action that needs the network is refused
// at once, with this reason shown where the action is, instead of being sent
// to fail, or to be retried, slowly. The controllers keep the flag
// (setOffline, from the page's online/offline events).
#pragma once

#include <string>

#include "core/base/result.h"

namespace ud::app {

// `action` as the sentence names it: "signing in", "requesting a report".
inline core::Error offlineRefusal(const std::string& action) {
    return core::makeError(core::ErrorKind::Transport,
                           "You are offline: " + action + " needs the network. Try again when you are back online.");
}

}  // namespace ud::app
