// What the user asks of the Particle section (imperative). The UI appends them;
// ParticleController applies them in order once per frame. The password and
// the pasted token pass through an intent once and are never kept in state
// beyond what the login needs (the token) or at all (the password).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "app/particle_state.h"
#include "core/particle/particle_report_rules.h"

namespace ud::app {

struct SignInWithToken { std::string token; bool remember = false; };
// expires_in_s: empty = the API's default; 0 = never expires.
struct CreateParticleToken {
    std::string email;
    std::string password;
    std::optional<std::int64_t> expires_in_s;
    bool remember = false;
};
struct SubmitParticleOtp { std::string code; };
struct CancelParticleOtp {};
struct RetryParticleSignIn {};  // check the token in memory again (after a network error)
struct LogOutParticle {};
// Signs in to the in-page simulated Particle cloud (needs demo mode on).
struct TryParticleDemo {};

struct SelectParticleScope { core::Scope scope; };
struct SelectAgreement { std::string agreement_id; };
struct RefreshParticleUsage {};   // reload agreements, usage and notifications

struct EditReportForm { ReportForm form; };
struct ApplyReportPreset { core::RangePreset preset = core::RangePreset::ThisPeriod; };
struct RequestReport {};

// Reports are named by their id (ReportId.value) and scope key: ids are unique
// per scope only as far as we know.
struct ReportRef {
    std::string id;
    std::string scope_key;
    core::Timestamp requested_at = 0;  // tells apart entries with no id yet ("may have been created")
};
struct CheckReportNow { ReportRef report; };
struct DownloadReport { ReportRef report; };
struct CopyReportLink { ReportRef report; };
struct OpenReportInViewer { ReportRef report; };
struct ForgetReport { ReportRef report; };
// One action (issue 14): this report beside the same type for the last billing
// period. When that report is available too, both CSVs open in the viewer as a
// comparison (the last period as the earlier one); otherwise it is requested
// (the 3-at-a-time rule applies) and the row says to compare when it is ready.
struct CompareWithLastPeriod { ReportRef report; };
struct CopyReportId { ReportRef report; };  // people quote it to Particle support
// The same type, range and filters as an expired report, as a new request (3-at-a-time rule applies).
struct RequestReportAgain { ReportRef report; };

using ParticleIntent =
    std::variant<SignInWithToken, CreateParticleToken, SubmitParticleOtp, CancelParticleOtp, RetryParticleSignIn, LogOutParticle,
                 TryParticleDemo, SelectParticleScope, SelectAgreement, RefreshParticleUsage, EditReportForm,
                 ApplyReportPreset, RequestReport, CheckReportNow, DownloadReport, CopyReportLink, OpenReportInViewer,
                 ForgetReport, CompareWithLastPeriod, CopyReportId, RequestReportAgain>;

}  // namespace ud::app
