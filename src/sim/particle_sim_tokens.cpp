// ParticleSim, part 5: POST /oauth/token: form-encoded only, client
// particle/particle (body or Basic), password and MFA (urn:custom:mfa-otp)
// grants, SSO refusal, lockout after repeated failures, token lifetimes.
#include <nlohmann/json.hpp>

#include "sim/particle_sim.h"

namespace ud::core {

using nlohmann::json;
using namespace particle_sim_detail;

namespace {

// "Basic base64(client:secret)" -> "client:secret"; "" when not Basic.
std::string basicCredentials(std::string_view header) {
    if (header.substr(0, 6) != "Basic ") return {};
    static constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    unsigned bits = 0;
    int count = 0;
    for (char c : header.substr(6)) {
        std::size_t v = kAlphabet.find(c);
        if (v == std::string_view::npos) break;  // '=' padding or junk ends it
        bits = (bits << 6) | static_cast<unsigned>(v);
        count += 6;
        if (count >= 8) {
            count -= 8;
            out.push_back(static_cast<char>((bits >> count) & 0xff));
        }
    }
    return out;
}

std::string formField(const std::vector<std::pair<std::string, std::string>>& fields, std::string_view key) {
    for (const auto& [k, v] : fields)
        if (k == key) return v;
    return {};
}

}  // namespace

// ---- /oauth/token -------------------------------------------------------------

HttpResponse ParticleSim::tokenFailure(int status, std::string error, std::string description) {
    ++failed_token_attempts_;
    return jsonResponse(status, oauthError(error, description));
}

HttpResponse ParticleSim::handleToken(const HttpRequest& request, Timestamp wall_now) {
    const Timestamp now = simNow(wall_now);
    if (now < lockout_until_) {
        HttpResponse r = jsonResponse(429, oauthError("rate_limit_exceeded", "Rate limit exceeded."));
        r.headers.emplace_back("Retry-After", std::to_string((lockout_until_ - now + 999) / 1000));
        return r;
    }
    if (failed_token_attempts_ >= config_.lockout_after_failures) {
        failed_token_attempts_ = 0;
        lockout_until_ = now + config_.lockout_seconds * 1000LL;
        return handleToken(request, wall_now);
    }
    if (headerValue(request.headers, "Content-Type").find("application/x-www-form-urlencoded") == std::string_view::npos)
        return tokenFailure(400, "invalid_request",
                            "Method must be POST with application/x-www-form-urlencoded encoding");
    auto fields = pairsFromForm(request.body);
    std::string client = formField(fields, "client_id") + ":" + formField(fields, "client_secret");
    if (client == ":") client = basicCredentials(headerValue(request.headers, "Authorization"));
    if (client != "particle:particle") {
        HttpResponse r = tokenFailure(400, "invalid_client", "Client credentials are invalid");
        r.headers.emplace_back("WWW-Authenticate", "Basic realm=\"Service\"");
        return r;
    }
    const std::string grant = formField(fields, "grant_type");
    std::optional<std::int64_t> expires_in;
    if (std::string e = formField(fields, "expires_in"); !e.empty() && e.size() < 12 &&
                                                        e.find_first_not_of("0123456789") == std::string::npos)
        expires_in = std::stoll(e);
    if (grant == "password") {
        const std::string username = formField(fields, "username");
        const std::string password = formField(fields, "password");
        if (username.empty() || password.empty())
            return tokenFailure(400, "invalid_client", "Missing parameters. \"username\" and \"password\" are required");
        const ParticleSimAccount* acct = account(username);
        if (acct && acct->sso) return tokenFailure(403, "sso_user", "This account must sign in with single sign-on");
        if (!acct || acct->password != password)
            return tokenFailure(400, "invalid_grant", "User credentials are invalid");
        if (acct->mfa) {
            std::string mfa_token = "mfa." + randomHex(48);
            mfa_[mfa_token] = {acct->email, expires_in, now, 0};
            json body = {{"error", "mfa_required"}, {"error_description", "Multi-factor authentication required"}};
            body["mfa_token"] = mfa_token;
            return jsonResponse(403, body.dump());
        }
        return issueTokenResponse(acct->email, expires_in, wall_now);
    }
    if (grant == "urn:custom:mfa-otp") {
        const std::string otp = formField(fields, "otp");
        auto it = mfa_.find(formField(fields, "mfa_token"));
        if (otp.empty() || formField(fields, "mfa_token").empty())
            return tokenFailure(400, "invalid_request", "You must provide otp and mfa token.");
        // An MFA token lasts 5 minutes and 5 attempts.
        if (it == mfa_.end() || now - it->second.created > 5 * 60 * 1000 || it->second.attempts >= 5)
            return tokenFailure(400, "invalid_grant", "MFA token is invalid or has expired");
        if (otp != config_.otp) {
            ++it->second.attempts;
            if (config_.wrong_otp_400) return tokenFailure(400, "invalid_grant", "OTP expired");
            return tokenFailure(401, "invalid_token", "Could not validate OTP.");
        }
        MfaChallenge challenge = it->second;
        mfa_.erase(it);
        return issueTokenResponse(challenge.email, expires_in ? expires_in : challenge.expires_in_s, wall_now);
    }
    return tokenFailure(400, "invalid_request", "Invalid or missing grant_type parameter");
}

HttpResponse ParticleSim::issueTokenResponse(const std::string& email, std::optional<std::int64_t> expires_in_s,
                                             Timestamp now) {
    failed_token_attempts_ = 0;
    const std::int64_t lifetime = expires_in_s.value_or(7776000);
    json body = {{"token_type", "bearer"}, {"access_token", issueToken(email, lifetime, now)}, {"expires_in", lifetime}};
    if (lifetime > 0) body["refresh_token"] = randomHex(40);  // never-expiring tokens get none
    HttpResponse r = jsonResponse(200, body.dump());
    r.headers.emplace_back("Cache-Control", "no-store");
    r.headers.emplace_back("Pragma", "no-cache");
    return r;
}

}  // namespace ud::core
