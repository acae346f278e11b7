// ParticleController, first half: requests, login (token or password + MFA),
// the token check, log out, demo switching, scope and agreements.
#include "app/particle_controller.h"
#include "app/particle_insights.h"

#include <algorithm>
#include <type_traits>

#include "app/demo_clouds.h"
#include "app/offline_refusal.h"
#include "core/base/remembered_token.h"
#include "core/particle/particle_api.h"
#include "core/particle/particle_parse.h"
#include "sim/particle_sim.h"

namespace ud::app {
namespace {

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

core::Error validationError(std::string message) { return core::makeError(core::ErrorKind::Validation, std::move(message)); }

}  // namespace

ParticleController::ParticleController(ParticleState& state, Services services, const std::string& base_url)
    : state_(state), services_(services), base_url_(base_url), requests_(services) {}

void ParticleController::start() {
    loadReports();
    loadRemembered();
}

void ParticleController::setOffline(bool offline) {
    const bool back_online = offline_ && !offline;
    offline_ = offline;
    updateWaitingForNetwork();
    if (back_online && state_.login.session == ParticleSession::SignedIn && !state_.agreements.loaded &&
        !state_.agreements.loading)
        loadAgreements();
}

// Offline outside the demo (the demo's cloud is in the page): the state the
// list, the countdown and the polling read.
void ParticleController::updateWaitingForNetwork() { state_.waiting_for_network = offline_ && !requests_.demo(); }

bool ParticleController::refusedOffline(const ParticleIntent& intent) {
    if (!offline_ || requests_.demo()) return false;
    return std::visit(
        [this](const auto& i) {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, SignInWithToken> || std::is_same_v<T, CreateParticleToken> ||
                          std::is_same_v<T, SubmitParticleOtp> || std::is_same_v<T, RetryParticleSignIn>) {
                state_.login.error = offlineRefusal("signing in");
            } else if constexpr (std::is_same_v<T, RequestReport>) {
                state_.request_error = offlineRefusal("requesting a report");
            } else if constexpr (std::is_same_v<T, RefreshParticleUsage>) {
                state_.agreements.error = offlineRefusal("refreshing the usage");
            } else if constexpr (std::is_same_v<T, RequestReportAgain>) {
                if (ParticleReport* r = findReport(i.report)) r->again_error = offlineRefusal("requesting it again");
            } else if constexpr (std::is_same_v<T, CheckReportNow> || std::is_same_v<T, DownloadReport> ||
                                 std::is_same_v<T, OpenReportInViewer> || std::is_same_v<T, CompareWithLastPeriod>) {
                const bool check = std::is_same_v<T, CheckReportNow>;
                if (ParticleReport* r = findReport(i.report))
                    r->download_error = offlineRefusal(check ? "checking the report" : "downloading the report");
            } else {
                return false;  // needs no network
            }
            return true;
        },
        intent);
}

void ParticleController::apply(const ParticleIntent& intent) {
    if (refusedOffline(intent)) return;
    std::visit(
        [this](const auto& i) {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, SignInWithToken>) {
                signInWithToken(trimmed(i.token), i.remember, false);
            } else if constexpr (std::is_same_v<T, CreateParticleToken>) {
                createToken(i);
            } else if constexpr (std::is_same_v<T, SubmitParticleOtp>) {
                submitOtp(trimmed(i.code));
            } else if constexpr (std::is_same_v<T, CancelParticleOtp>) {
                state_.login.needs_otp = false;
                state_.login.mfa_token.clear();
                state_.login.error.reset();
                state_.login.message.clear();
            } else if constexpr (std::is_same_v<T, RetryParticleSignIn>) {
                if (!state_.login.token.empty())
                    signInWithToken(state_.login.token, state_.login.remember, state_.login.token_created_here);
            } else if constexpr (std::is_same_v<T, LogOutParticle>) {
                logOut();
            } else if constexpr (std::is_same_v<T, TryParticleDemo>) {
                if (!requests_.demo()) return;
                createToken({core::kDemoParticleEmail, core::kDemoParticlePassword, 3600, false});
            } else if constexpr (std::is_same_v<T, SelectParticleScope>) {
                selectScope(i.scope);
            } else if constexpr (std::is_same_v<T, SelectAgreement>) {
                state_.agreement_id = i.agreement_id;
                resetFormToBillingPeriod();
                loadNotifications();
            } else if constexpr (std::is_same_v<T, RefreshParticleUsage>) {
                loadAgreements();
            } else if constexpr (std::is_same_v<T, EditReportForm>) {
                editForm(i.form);
            } else if constexpr (std::is_same_v<T, ApplyReportPreset>) {
                applyPreset(i.preset);
            } else if constexpr (std::is_same_v<T, RequestReport>) {
                requestReport();
            } else if constexpr (std::is_same_v<T, CheckReportNow>) {
                if (ParticleReport* r = findReport(i.report); r && state_.login.session == ParticleSession::SignedIn) {
                    if (r->poll.record.phase != core::ReportPhase::Pending) return;
                    r->poll.record.next_check = services_.clock.now();
                    runStep(*r, core::report_event::Tick{});
                }
            } else if constexpr (std::is_same_v<T, DownloadReport>) {
                fetchCsv(i.report, false);
            } else if constexpr (std::is_same_v<T, CopyReportLink>) {
                copyLink(i.report);
            } else if constexpr (std::is_same_v<T, OpenReportInViewer>) {
                fetchCsv(i.report, true);
            } else if constexpr (std::is_same_v<T, CompareWithLastPeriod>) {
                compareWithLastPeriod(i.report);
            } else if constexpr (std::is_same_v<T, ForgetReport>) {
                forget(i.report);
            } else if constexpr (std::is_same_v<T, CopyReportId>) {
                copyId(i.report);
            } else if constexpr (std::is_same_v<T, RequestReportAgain>) {
                requestAgain(i.report);
            }
        },
        intent);
}

// ---- requests -----------------------------------------------------------------

std::string ParticleController::base() const { return requests_.demo() ? kDemoParticleBaseUrl : base_url_; }

void ParticleController::send(core::HttpRequest request, Handler on_answer) {
    requests_.send(std::move(request), std::move(on_answer));
}

bool ParticleController::handleSignedOut(const core::Error& error, core::ParticleCall call) {
    if (!core::isSignedOutError(error, call) || state_.login.session != ParticleSession::SignedIn) return false;
    signOut({});
    state_.login.error = error;
    state_.login.error->message += " Your reports are kept.";
    return true;
}

void ParticleController::tick() {
    const core::Timestamp now = services_.clock.now();
    state_.now = now;
    updateWaitingForNetwork();  // the demo may have started or ended since
    requests_.deliver(now);
    if (state_.login.session == ParticleSession::SignedIn && state_.login.token_expires_at &&
        *state_.login.token_expires_at <= now)
    {
        signOut({});
        state_.login.error = core::makeError(core::ErrorKind::State,
                                             "Your access token has expired. Log in again; your reports are kept.");
    }
    pollReports();
    refreshParticleForecast(state_);
}

// ---- login ----------------------------------------------------------------------

void ParticleController::signInWithToken(std::string token, bool remember, bool created_here) {
    ParticleLogin& login = state_.login;
    if (login.busy) return;
    login.error.reset();
    login.message.clear();
    login.warning.clear();
    if (token.empty()) {
        login.error = validationError("Paste an access token first.");
        return;
    }
    login.token = std::move(token);
    login.remember = remember;
    login.token_created_here = created_here;
    login.session = ParticleSession::Checking;
    checkToken();
}

void ParticleController::checkToken() {
    state_.login.busy = true;
    send(core::currentUserRequest(base(), state_.login.token), [this](const core::HttpResponse& response) {
        ParticleLogin& login = state_.login;
        login.busy = false;
        auto user = core::particleResult<core::ParticleUser>(response, core::ParticleCall::User, host(), core::userFromJson);
        if (!user) {
            login.session = ParticleSession::SignedOut;
            login.error = user.error();
            if (core::isSignedOutError(user.error(), core::ParticleCall::User)) {
                // A bad token is useless: forget it (and its remembered copy).
                login.error->message = "This access token was not accepted (" + user.error().message +
                                       "). It may have expired or been revoked; paste another or create one.";
                login.token.clear();
                services_.store.remove(kParticleTokenKey);
            }
            return;
        }
        login.session = ParticleSession::SignedIn;
        login.username = user->username;
        if (login.remember && !requests_.demo()) {
            if (!services_.store.set(kParticleTokenKey,
                                     core::jsonFromRememberedToken({login.token, base(), login.token_created_here})))
                login.warning = "The token could not be remembered: this browser refused to save it (storage full "
                                "or blocked). You are signed in until the page is closed.";
        } else {
            services_.store.remove(kParticleTokenKey);
        }
        send(core::currentTokenRequest(base(), login.token), [this](const core::HttpResponse& r) {
            auto info = core::particleResult<core::TokenInfo>(r, core::ParticleCall::TokenInfo, host(), core::tokenInfoFromJson);
            // A failed check is not fatal, but the expiry is then unknown (not "never").
            state_.login.token_expiry = info ? core::TokenExpiryInfo::Known : core::TokenExpiryInfo::Unreadable;
            if (info) state_.login.token_expires_at = info->expires_at;
        });
        loadOrganizations();
        loadAgreements();
        resumeAfterSignIn();
    });
}

void ParticleController::createToken(const CreateParticleToken& request) {
    ParticleLogin& login = state_.login;
    if (login.busy) return;
    login.error.reset();
    login.message.clear();
    const std::string email = trimmed(request.email);
    if (email.empty() || request.password.empty()) {
        login.error = validationError(email.empty() ? "Enter the email address of your Particle account."
                                                    : "Enter your password.");
        return;
    }
    login.remember = request.remember;
    login.requested_lifetime_s = request.expires_in_s;
    login.needs_otp = false;
    login.mfa_token.clear();
    login.busy = true;
    send(core::passwordGrantRequest(base(), email, request.password, request.expires_in_s),
         [this](const core::HttpResponse& r) { onLoginOutcome(r, core::ParticleCall::PasswordGrant); });
}

void ParticleController::submitOtp(const std::string& code) {
    ParticleLogin& login = state_.login;
    if (login.busy || !login.needs_otp) return;
    login.error.reset();
    if (code.size() != 6 || !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        login.error = validationError("The code has 6 digits, from your authenticator app.");
        return;
    }
    login.busy = true;
    send(core::mfaGrantRequest(base(), login.mfa_token, code, login.requested_lifetime_s),
         [this](const core::HttpResponse& r) { onLoginOutcome(r, core::ParticleCall::MfaGrant); });
}

void ParticleController::onLoginOutcome(const core::HttpResponse& response, core::ParticleCall step) {
    ParticleLogin& login = state_.login;
    login.busy = false;
    auto outcome = core::loginOutcomeFromResponse(response, step, host());
    if (!outcome) {
        login.error = outcome.error();  // wrong password or code: the fields keep what was typed
        return;
    }
    if (outcome->needsOtp()) {
        login.needs_otp = true;
        login.mfa_token = outcome->mfa_token;
        login.message = std::string(core::kMfaNeededMessage);
        return;
    }
    login.needs_otp = false;
    login.mfa_token.clear();
    login.message.clear();
    signInWithToken(outcome->token->access_token, login.remember, true);
}

void ParticleController::logOut() {
    ParticleLogin& login = state_.login;
    if (login.token.empty()) return;
    std::string message;
    if (login.token_created_here) {
        message = "Logged out. Revoking the token this page created...";
        send(core::revokeCurrentTokenRequest(base(), login.token), [this](const core::HttpResponse& r) {
            core::Status revoked = core::checkParticleAnswer(r, core::ParticleCall::Revoke, host());
            state_.login.message = revoked ? "Logged out. The token this page created was revoked."
                                           : "Logged out, but the token could not be revoked (" +
                                                 revoked.error().message + "). It stays valid until it expires.";
        });
    } else {
        message = "Logged out. The token is forgotten on this page; it stays valid until it expires "
                  "(revoke it in the Particle console if you no longer need it).";
    }
    signOut(std::move(message));
}

void ParticleController::signOut(std::string message) {
    ParticleLogin fresh;
    fresh.message = std::move(message);
    fresh.remember = state_.login.remember;
    state_.login = std::move(fresh);
    services_.store.remove(kParticleTokenKey);
    state_.orgs = {};
    state_.agreements = {};
    state_.notifications = {};
    state_.agreement_id.clear();
    state_.scope = core::Scope::sandbox();
    state_.requesting = false;
    parkAfterSignOut();
}

void ParticleController::loadRemembered() {
    if (requests_.demo()) return;
    auto saved = services_.store.get(kParticleTokenKey);
    if (!saved || saved->empty()) return;
    core::StoredToken stored = core::storedTokenFromJson(*saved, base());
    switch (stored.state) {
        case core::StoredTokenState::Usable:
            signInWithToken(std::move(stored.token.token), true, stored.token.created_here);
            return;
        case core::StoredTokenState::OtherAddress:
            // Kept for its own address; never sent to this one.
            state_.login.warning = "A remembered token belongs to " + stored.token.api + ", not to the API address " +
                                   base() + " now set; it was not sent. Sign in again, or set the address back in "
                                   "Settings and reload.";
            return;
        case core::StoredTokenState::Newer:
            state_.login.warning = "A token remembered by a newer UsageDesk was left as it is; sign in here.";
            return;
        case core::StoredTokenState::Bad:
            services_.store.remove(kParticleTokenKey);
            state_.login.warning = "The remembered sign-in could not be read (" + stored.problem +
                                   ") and was forgotten; sign in again.";
            return;
    }
}

void ParticleController::setDemoMode(bool demo) {
    if (demo == requests_.demo()) return;
    requests_.setDemo(demo);  // drops whatever was in flight
    if (demo) {
        real_ = std::move(state_);
        state_ = ParticleState{};
        return;
    }
    state_ = real_ ? std::move(*real_) : ParticleState{};
    real_.reset();
    // Whatever was in flight was dropped: clear the busy flags and ask again.
    state_.login.busy = false;
    state_.requesting = false;
    state_.orgs.loading = state_.agreements.loading = state_.notifications.loading = false;
    for (ParticleReport& r : state_.reports) {
        r.downloading = false;
        if (r.poll.awaiting_status) r.poll = core::resumeReportPoll(r.poll.record, services_.clock.now());
    }
    if (state_.login.session == ParticleSession::Checking) checkToken();
}

// ---- scope and agreements ---------------------------------------------------------

void ParticleController::selectScope(core::Scope scope) {
    if (state_.login.session != ParticleSession::SignedIn) return;
    state_.scope = std::move(scope);
    state_.agreements = {};
    state_.notifications = {};
    state_.agreement_id.clear();
    state_.request_error.reset();
    state_.form.start.clear();  // the new scope's billing period becomes the default
    state_.form.end.clear();
    ++state_.form_revision;
    updateOutstanding();
    loadAgreements();
}

void ParticleController::loadOrganizations() {
    state_.orgs.loading = true;
    send(core::organizationsRequest(base(), state_.login.token), [this](const core::HttpResponse& r) {
        state_.orgs.loading = false;
        auto orgs = core::particleResult<std::vector<core::Organization>>(r, core::ParticleCall::Organizations, host(),
                                                                          core::organizationsFromJson);
        if (!orgs) {
            if (!handleSignedOut(orgs.error(), core::ParticleCall::Organizations)) state_.orgs.error = orgs.error();
            return;
        }
        state_.orgs.items = std::move(orgs).value();
        state_.orgs.loaded = true;
        state_.orgs.error.reset();
    });
}

void ParticleController::loadAgreements() {
    if (state_.login.session != ParticleSession::SignedIn) return;
    if (state_.waiting_for_network) {  // a scope chosen offline: loaded when the network is back (setOffline)
        state_.agreements.error = offlineRefusal("loading this scope's usage");
        return;
    }
    state_.agreements.loading = true;
    const std::string scope_key = state_.scope.key();
    send(core::serviceAgreementsRequest(base(), state_.login.token, state_.scope),
         [this, scope_key](const core::HttpResponse& r) {
             if (state_.scope.key() != scope_key) return;  // the user moved on
             state_.agreements.loading = false;
             auto list = core::particleResult<std::vector<core::ServiceAgreement>>(
                 r, core::ParticleCall::Agreements, host(), core::serviceAgreementsFromJson);
             if (!list) {
                 if (!handleSignedOut(list.error(), core::ParticleCall::Agreements)) state_.agreements.error = list.error();
                 return;
             }
             state_.agreements.items = std::move(list).value();
             state_.agreements.loaded = true;
             state_.agreements.error.reset();
             if (!agreement()) {
                 const core::ServiceAgreement* preferred = core::preferredAgreement(state_.agreements.items);
                 state_.agreement_id = preferred ? preferred->id.value : "";
             }
             if (state_.form.start.empty() && state_.form.end.empty()) resetFormToBillingPeriod();
             loadNotifications();
         });
}

void ParticleController::loadNotifications() {
    const core::ServiceAgreement* a = agreement();
    if (!a || state_.login.session != ParticleSession::SignedIn) return;
    state_.notifications.loading = true;
    const std::string key = state_.scope.key() + "/" + a->id.value;
    send(core::notificationsRequest(base(), state_.login.token, state_.scope, a->id),
         [this, key](const core::HttpResponse& r) {
             if (state_.scope.key() + "/" + state_.agreement_id != key) return;
             state_.notifications.loading = false;
             auto list = core::particleResult<std::vector<core::UsageNotification>>(
                 r, core::ParticleCall::Notifications, host(), core::notificationsFromJson);
             if (!list) {
                 if (!handleSignedOut(list.error(), core::ParticleCall::Notifications))
                     state_.notifications.error = list.error();
                 return;
             }
             state_.notifications.items = std::move(list).value();
             state_.notifications.loaded = true;
             state_.notifications.error.reset();
         });
}

const core::ServiceAgreement* ParticleController::agreement() const {
    for (const auto& a : state_.agreements.items)
        if (a.id.value == state_.agreement_id) return &a;
    return nullptr;
}

core::Timestamp ParticleController::nextWakeAt() const {
    core::Timestamp next = requests_.redrawAt();
    auto earlier = [&next](core::Timestamp t) {
        if (t >= 0 && (next < 0 || t < next)) next = t;
    };
    if (state_.login.session != ParticleSession::SignedIn) return next;
    if (state_.login.token_expires_at) earlier(*state_.login.token_expires_at);
    for (const ParticleReport& r : state_.reports) {
        const core::ReportRecord& rec = r.poll.record;
        // The countdown's next second; offline the list says the checks wait, and nothing moves.
        if (rec.phase == core::ReportPhase::Pending && !r.poll.awaiting_status && !state_.waiting_for_network)
            earlier(core::durationTextChangesAt(rec.next_check, services_.clock.now()));
        if (rec.phase == core::ReportPhase::Available && rec.expires_at) earlier(*rec.expires_at);
    }
    return next;
}

bool ParticleController::isAnimating() const {
    if (state_.login.busy || state_.requesting || state_.orgs.loading || state_.agreements.loading ||
        state_.notifications.loading)
        return true;
    // A report spins while a request about it is in flight, only while signed
    // in (signed out it waits, and nothing on screen moves). Waiting for the
    // next check is a countdown, redrawn by nextWakeAt() once a second.
    const bool signed_in = state_.login.session == ParticleSession::SignedIn;
    return std::any_of(state_.reports.begin(), state_.reports.end(), [signed_in](const ParticleReport& r) {
        const core::ReportPhase phase = r.poll.record.phase;
        const bool in_flight = phase == core::ReportPhase::Requested ||
                               (phase == core::ReportPhase::Pending && (r.poll.awaiting_status || r.poll.refetching_url));
        return r.downloading || (signed_in && in_flight);
    });
}

}  // namespace ud::app
