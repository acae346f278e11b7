// Names of error kinds, for the test hook's state JSON and for messages.
#include "core/base/result.h"

namespace ud::core {

const char* nameFromErrorKind(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::Transport: return "transport";
        case ErrorKind::Timeout: return "timeout";
        case ErrorKind::Http: return "http";
        case ErrorKind::Parse: return "parse";
        case ErrorKind::Validation: return "validation";
        case ErrorKind::Limit: return "limit";
        case ErrorKind::State: return "state";
    }
    return "unknown";
}

}  // namespace ud::core
