// Errors as values across layers. src/ never throws: with Emscripten's default
// (exception catching off) a throw ends the program, so failures travel as
// Result<T> = a T or an Error that says what kind of failure it was.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace ud::core {

enum class ErrorKind {
    Transport,   // no HTTP answer: network down, DNS, refused, blocked by the browser (CORS)
    Timeout,     // no answer within the request's timeout
    Http,        // the server answered with a non-2xx status
    Parse,       // the answer (or a file) is not in the expected shape
    Validation,  // the user's input is not acceptable; nothing was sent
    Limit,       // a documented limit (e.g. 3 outstanding reports) would be exceeded
    State,       // the action does not fit the current state (e.g. not signed in)
};

const char* nameFromErrorKind(ErrorKind kind);

struct Error {
    ErrorKind kind = ErrorKind::Parse;
    std::string message;       // a sentence a person understands, shown in the UI
    int http_status = 0;       // 0 when there was no HTTP answer
    std::string api_error;     // the API's own error name (e.g. "invalid_grant"), if any
    std::string api_message;   // the API's own message text, if any
    int retry_after_s = -1;    // from Retry-After when the server sent one, else -1
};

inline Error makeError(ErrorKind kind, std::string message) {
    Error e;
    e.kind = kind;
    e.message = std::move(message);
    return e;
}

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit on purpose, reads as `return value;`
    Result(Error error) : v_(std::move(error)) {}      // NOLINT: same for `return error;`

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    const Error& error() const { return std::get<1>(v_); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

private:
    std::variant<T, Error> v_;
};

// Result<void> equivalent: success carries nothing.
struct Ok {};
using Status = Result<Ok>;

}  // namespace ud::core
