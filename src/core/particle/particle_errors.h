// One mapper from a Particle HTTP answer (or its absence) to an Error with a
// sentence a person understands. The call tells the mapper where in the flow
// the answer came from: a 401 at the one-time-code step means "wrong code",
// elsewhere it means "signed out".
#pragma once

#include <string>
#include <string_view>

#include "core/base/http.h"
#include "core/base/result.h"

namespace ud::core {

enum class ParticleCall {
    PasswordGrant,
    MfaGrant,
    User,
    TokenInfo,
    Revoke,
    Organizations,
    Agreements,
    CreateReport,
    ReportStatus,
    Notifications,
    Download,
};

// Fixed sentences, shared by the app and the tests.
inline constexpr std::string_view kMfaNeededMessage = "This account needs a 6-digit code from your authenticator app.";
inline constexpr std::string_view kOutstandingLimitMessage =
    "You already have 3 reports being prepared; wait for one to finish.";
inline constexpr std::string_view kWrongOtpMessage =
    "The code was not accepted. Check your authenticator app and try again.";
inline constexpr std::string_view kWrongPasswordMessage = "Wrong email or password.";
inline constexpr std::string_view kSsoMessage =
    "This account signs in with single sign-on, which cannot use a password here. "
    "Create an access token and paste it instead.";

// The API's own message, in the documented order: error_description, errors[]
// (detail, title, message or the string), error (when a string), info, then
// "HTTP <status>". Works on any body, JSON or not.
std::string apiMessageFromBody(std::string_view body, int status);
// The API's error name ("invalid_grant"), or "".
std::string apiErrorFromBody(std::string_view body);

// `host` names the server in network messages ("could not reach api.particle.io").
Error particleErrorFromResponse(const HttpResponse& response, ParticleCall call, std::string_view host);

// True when the error from `call` means the token is no longer good (clear it,
// show login, keep everything else). Never true at the token steps themselves.
bool isSignedOutError(const Error& error, ParticleCall call);

}  // namespace ud::core
