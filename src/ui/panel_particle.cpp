// The Particle section: the login panel (access token, or email + password +
// 6-digit code), the signed-in header, and the layout of the other panels
// (usage in panel_particle_usage.cpp, requests and reports in
// panel_particle_reports.cpp). Scope choice lives in the sidebar.
#include "ui/panel_particle.h"

#include <imgui.h>

#include <algorithm>

#include "core/base/date.h"
#include "core/particle/particle_api.h"
#include "core/particle/particle_token_text.h"
#include "ui/panel_particle_parts.h"
#include "ui/widgets.h"

namespace ud::ui {
namespace {

// Enter in the field just left submits the form (ImGui deactivates a
// single-line field on Enter).
bool enterPressedIn() {
    return ImGui::IsItemDeactivated() && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
                                          ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter)));
}

void drawTokenTab(const app::ParticleLogin& login, ParticleForms& f, WidgetRegistry& reg, app::Intents& intents) {
    mutedText("Paste an access token (for example from `particle token create`). It is sent only in the "
              "Authorization header and kept in memory unless you tick Remember.");
    ImGui::TextUnformatted("Access token");
    const ImGuiStyle& st = ImGui::GetStyle();
    TextFieldOptions token;
    token.label = "Access token";
    token.hint = "paste the token here";
    token.password = !f.show_token;
    token.width = -(ImGui::GetFrameHeight() + st.ItemInnerSpacing.x + st.ItemSpacing.x + ImGui::CalcTextSize("Show").x + 4);
    bool submit = false;
    textField(reg, "particle.token", f.token, token);
    submit |= enterPressedIn();
    ImGui::SameLine();
    ImGui::Checkbox("Show", &f.show_token);
    markItem(reg, "particle.token.show");
    ImGui::Checkbox("Remember this token on this device", &f.remember);
    markItem(reg, "particle.remember");
    submit |= actionButton(reg, "particle.signin", login.busy ? "Checking..." : "Log in", !f.token.empty(), login.busy);
    if (submit && !login.busy) pushParticle(intents, app::SignInWithToken{f.token, f.remember});
}

void drawPasswordTab(const app::ParticleLogin& login, ParticleForms& f, WidgetRegistry& reg, app::Intents& intents) {
    mutedText("Creates a new access token with your Particle account. The password is sent once to "
              "/oauth/token and never kept.");
    bool submit = false;
    if (!login.needs_otp) {
        labelledInput(reg, "particle.email", "Email", f.email, {}, "you@example.com", false, "username");
        submit |= enterPressedIn();
        labelledInput(reg, "particle.password", "Password", f.password, {}, nullptr, true, "current-password");
        submit |= enterPressedIn();
        ImGui::TextUnformatted("Token lifetime");
        ImGui::SetNextItemWidth(220);
        // Every lifetime the API documents (core's list), so 15 minutes and 8 hours are offered too.
        const bool open = ImGui::BeginCombo("##lifetime", core::labelFromTokenLifetime(f.lifetime_s).c_str());
        markItem(reg, "particle.lifetime", core::labelFromTokenLifetime(f.lifetime_s));
        if (open) {
            for (std::int64_t seconds : core::kTokenLifetimeChoices) {
                const std::string label = core::labelFromTokenLifetime(seconds);
                if (ImGui::Selectable(label.c_str(), seconds == f.lifetime_s)) f.lifetime_s = seconds;
                markItem(reg, "particle.lifetime." + std::to_string(seconds), label);
            }
            ImGui::EndCombo();
        }
        ImGui::Checkbox("Remember this token on this device", &f.remember);
        markItem(reg, "particle.remember");
        const bool ready = !f.email.empty() && !f.password.empty();
        submit |= actionButton(reg, "particle.create", login.busy ? "Creating..." : "Create token and log in", ready,
                               login.busy);
        if (submit && ready && !login.busy)
            pushParticle(intents, app::CreateParticleToken{f.email, f.password, f.lifetime_s, f.remember});
        return;
    }
    ImGui::Text("Account: %s", f.email.c_str());
    labelledInput(reg, "particle.otp", "6-digit code from your authenticator app", f.otp, {}, "123456", false,
                  "one-time-code");
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere(-1);
    submit |= enterPressedIn();
    submit |= actionButton(reg, "particle.otp.submit", login.busy ? "Checking..." : "Verify code", !f.otp.empty(),
                           login.busy);
    if (submit && !login.busy) pushParticle(intents, app::SubmitParticleOtp{f.otp});
    ImGui::SameLine();
    if (actionButton(reg, "particle.otp.cancel", "Cancel", !login.busy)) {
        f.otp.clear();
        pushParticle(intents, app::CancelParticleOtp{});
    }
}

void drawLogin(const app::AppState& state, ParticleForms& f, WidgetRegistry& reg, app::Intents& intents) {
    const app::ParticleLogin& login = state.particle.login;
    ImGui::TextUnformatted("Log in to the Particle Cloud");
    mutedText(("API: " + (state.demo_mode ? std::string("simulated in this page") : state.settings.particle_base_url) +
               " (change it in Settings)")
                  .c_str());
    // A readable form width on wide screens: a one-column table as wide as 640 px at most.
    const float width = std::min(ImGui::GetContentRegionAvail().x, 640.0f);
    if (!ImGui::BeginTable("##loginform", 1, ImGuiTableFlags_NoPadOuterX, ImVec2(width, 0))) return;
    ImGui::TableNextColumn();
    if (ImGui::BeginTabBar("##how")) {
        const bool token_tab = ImGui::BeginTabItem("Use an access token");
        markItem(reg, "particle.tab.token");
        if (token_tab) {
            drawTokenTab(login, f, reg, intents);
            ImGui::EndTabItem();
        }
        const bool password_tab = ImGui::BeginTabItem("Create a token");
        markItem(reg, "particle.tab.password");
        if (password_tab) {
            drawPasswordTab(login, f, reg, intents);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::EndTable();
    if (login.error) {
        errorText(login.error->message);
        markItem(reg, "particle.login.error", login.error->message);
        if (login.error->kind == core::ErrorKind::Transport && !login.token.empty())
            if (actionButton(reg, "particle.retry", "Try again")) pushParticle(intents, app::RetryParticleSignIn{});
    }
    if (!login.message.empty()) {
        (login.needs_otp ? mutedText(login.message.c_str()) : successText(login.message));
        markItem(reg, "particle.login.message", login.message);
    }
    if (!login.warning.empty()) {
        warningText(login.warning);
        markItem(reg, "particle.login.warning", login.warning);
    }
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("No Particle account?");
    ImGui::SameLine();
    if (actionButton(reg, "particle.demo", "Try the demo", !login.busy)) {
        if (!state.demo_mode) intents.push_back(app::EnterDemoMode{});
        pushParticle(intents, app::TryParticleDemo{});
    }
    if (!isNarrowLayout()) ImGui::SameLine();  // a phone: under the button, not a column one word wide
    mutedText("A simulated cloud inside this page: no network, reports ready in about 15 s.");
}

void logOutButton(ParticleForms& f, WidgetRegistry& reg, app::Intents& intents) {
    if (actionButton(reg, "particle.logout", "Log out")) {
        f.token.clear();
        f.password.clear();
        f.otp.clear();
        pushParticle(intents, app::LogOutParticle{});
    }
}

void drawSignedInHeader(const app::AppState& state, ParticleForms& f, WidgetRegistry& reg, app::Intents& intents,
                        core::Timestamp now) {
    const app::ParticleLogin& login = state.particle.login;
    const bool narrow = isNarrowLayout();
    ImGui::AlignTextToFramePadding();
    ImGui::TextWrapped("Logged in as %s", login.username.c_str());
    markItem(reg, "particle.user", login.username);
    std::string token_note = core::tokenExpiryNote(login.token_expiry, login.token_expires_at, now);
    if (login.remember) token_note += ", remembered on this device";
    if (narrow) {  // a phone: Log out beside the name if it fits, the note on its own line
        sameLineIfFits("Log out");
        logOutButton(f, reg, intents);
    } else {
        ImGui::SameLine();
    }
    mutedText(("(" + token_note + ")").c_str());
    markItem(reg, "particle.token_note", token_note);
    if (narrow) return;
    ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize("Log out").x - ImGui::GetStyle().FramePadding.x * 2);
    logOutButton(f, reg, intents);
}

}  // namespace

void pushParticle(app::Intents& intents, app::ParticleIntent intent) { intents.push_back(app::Intent{std::move(intent)}); }

const char* scopeLabel(const app::ParticleState& state, const core::Scope& scope) {
    if (scope.isSandbox()) return "Developer sandbox";
    for (const auto& o : state.orgs.items)
        if (o.id == scope.org || o.slug == scope.org) return o.name.empty() ? o.id.c_str() : o.name.c_str();
    return scope.org.c_str();
}

void drawParticleSidebar(const app::AppState& state, UiState& ui, app::Intents& intents) {
    const app::ParticleState& p = state.particle;
    if (p.login.session != app::ParticleSession::SignedIn) return;
    ImGui::Spacing();
    mutedText("Particle scope");
    ImGui::Indent(8);
    auto item = [&](const core::Scope& scope, const std::string& id) {
        const bool selected = p.scope == scope;
        if (ImGui::Selectable(scopeLabel(p, scope), selected && state.section == app::Section::Particle)) {
            intents.push_back(app::SelectSection{app::Section::Particle});
            if (!selected) pushParticle(intents, app::SelectParticleScope{scope});
        }
        markItem(ui.widgets, id, scopeLabel(p, scope));
    };
    item(core::Scope::sandbox(), "particle.scope.sandbox");
    for (const auto& o : p.orgs.items) item(core::Scope::organization(o.id), "particle.scope." + o.id);
    if (p.orgs.loading) spinner(5);
    if (p.orgs.error) errorText(p.orgs.error->message);
    ImGui::Unindent(8);
}

void drawParticleSection(const app::AppState& state, UiState& ui, app::Intents& intents) {
    const app::ParticleState& p = state.particle;
    ParticleForms& f = ui.particle;
    sectionTitle("Particle data operations");
    offlineNotice(state, ui.widgets, "particle.offline", "Particle");
    const core::Timestamp now = p.now;
    if (p.login.session == app::ParticleSession::SignedIn) {
        if (!f.password.empty() || !f.token.empty()) {  // accepted: the buffers are not needed any more
            f.password.clear();
            f.token.clear();
            f.otp.clear();
        }
        drawSignedInHeader(state, f, ui.widgets, intents, now);
        if (!p.login.message.empty()) successText(p.login.message);
        drawUsagePanel(state, ui, intents, now);
        drawRequestPanel(state, ui, intents);
    } else {
        drawLogin(state, f, ui.widgets, intents);
    }
    drawReportsPanel(state, ui, intents, now);
}

}  // namespace ud::ui
