// The scope's service agreement: billing period, usage so far against what is
// included (bars), and the agreement's usage notifications.
#include <imgui.h>

#include <optional>
#include <string>

#include "core/base/date.h"
#include "core/base/decimal.h"
#include "core/particle/particle_parse.h"
#include "core/particle/particle_usage_text.h"
#include "ui/panel_particle_parts.h"
#include "ui/widgets.h"

namespace ud::ui {
namespace {

// The forecast's marker on the bar: a tick at the projected share of the plan
// (at the bar's end, with an arrow, when the projection goes past 100 %).
void projectionMarker(WidgetRegistry& reg, const core::Decimal& fraction) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const bool past = fraction > core::Decimal::fromInt(1);
    const float f = past ? 1.0f : static_cast<float>(fraction.toDouble());
    const float x = a.x + (b.x - a.x) * f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 color = ImGui::GetColorU32(ImGuiCol_Text);
    dl->AddLine(ImVec2(x, a.y - 3), ImVec2(x, b.y + 3), color, 2.0f);
    dl->AddTriangleFilled(ImVec2(x - 5, a.y - 7), ImVec2(x + 5, a.y - 7), ImVec2(x, a.y - 1), color);
    if (past) dl->AddTriangleFilled(ImVec2(b.x + 2, a.y), ImVec2(b.x + 2, b.y), ImVec2(b.x + 9, (a.y + b.y) / 2), color);
    reg.put("particle.forecast.marker", WidgetRect{x - 5, a.y - 7, 10, b.y - a.y + 10, true,
                                                   core::formatDecimal(*core::percentOf(fraction, core::Decimal::fromInt(1), 0), 0) + " %"});
}

// "83,000 of 100,000 (83 %)", drawn as a bar. Counts the API did not send are said so.
void usageBar(WidgetRegistry& reg, const char* id, const char* label, long long used, long long included,
              const std::optional<core::Decimal>& projected = std::nullopt) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    usageValueColumn();
    if (used < 0) {
        mutedText("not reported by the API");
        return;
    }
    const std::string text = core::usageAgainstIncludedText(used, included);
    const float fraction = included > 0 ? static_cast<float>(used) / static_cast<float>(included) : 0.0f;
    const bool over = included > 0 && used >= included;
    if (over) ImGui::PushStyleColor(ImGuiCol_PlotHistogram, ImVec4(0.86f, 0.20f, 0.18f, 1.0f));
    ImGui::ProgressBar(fraction > 1.0f ? 1.0f : fraction, ImVec2(-1, 0), text.c_str());
    if (over) ImGui::PopStyleColor();
    markItem(reg, id, text);
    if (projected) projectionMarker(reg, *projected);
}

void drawNotifications(const app::ParticleState& p, WidgetRegistry& reg) {
    ImGui::TextUnformatted("Usage notifications");
    if (p.notifications.loading) {
        ImGui::SameLine();
        spinner(5);
    }
    if (p.notifications.error) {
        errorText(p.notifications.error->message);
        markItem(reg, "particle.notifications.error", p.notifications.error->message);
    }
    if (p.notifications.loaded && p.notifications.items.empty()) mutedText("None in this billing period.");
    const bool narrow = isNarrowLayout();
    for (const auto& n : p.notifications.items) {
        const std::string when = n.created_at + (n.state.empty() ? "" : ", " + n.state);
        if (narrow) {  // the sentence wraps beside its bullet, the date on a line of its own under it
            ImGui::Bullet();
            ImGui::TextWrapped("%s", core::sentenceFromNotification(n).c_str());
            ImGui::Indent();
            mutedText(when.c_str());
            ImGui::Unindent();
            continue;
        }
        ImGui::BulletText("%s", core::sentenceFromNotification(n).c_str());
        ImGui::SameLine();
        mutedText(when.c_str());
    }
    markItem(reg, "particle.notifications", std::to_string(p.notifications.items.size()));
}

}  // namespace

void usageValueColumn() {
    if (!isNarrowLayout()) ImGui::SameLine(kUsageValueColumn);
}

void drawUsagePanel(const app::AppState& state, UiState& ui, app::Intents& intents, core::Timestamp now) {
    const app::ParticleState& p = state.particle;
    WidgetRegistry& reg = ui.widgets;
    ImGui::Spacing();
    ImGui::AlignTextToFramePadding();
    ImGui::TextWrapped("%s: service agreement", scopeLabel(p, p.scope));
    markItem(reg, "particle.scope", scopeLabel(p, p.scope));
    sameLineIfFits("Refresh");
    if (actionButton(reg, "particle.refresh", "Refresh", !p.agreements.loading, p.agreements.loading))
        pushParticle(intents, app::RefreshParticleUsage{});
    if (p.agreements.error) {
        errorText(p.agreements.error->message);
        markItem(reg, "particle.agreements.error", p.agreements.error->message);
    }
    if (p.agreements.loaded && p.agreements.items.empty()) {
        mutedText("This scope has no service agreement, so there is no usage to show or report on.");
        return;
    }
    const core::ServiceAgreement* agreement = nullptr;
    for (const auto& a : p.agreements.items)
        if (a.id.value == p.agreement_id) agreement = &a;
    if (!agreement) return;
    if (p.agreements.items.size() > 1) {
        // A phone: as wide as the screen leaves beside the combo's caption.
        ImGui::SetNextItemWidth(isNarrowLayout() ? -(ImGui::CalcTextSize("Agreement").x + ImGui::GetStyle().ItemInnerSpacing.x)
                                                 : 320.0f);
        if (ImGui::BeginCombo("Agreement", agreement->name.c_str())) {
            for (const auto& a : p.agreements.items)
                if (ImGui::Selectable((a.name + " (" + a.state + ")##" + a.id.value).c_str(), &a == agreement))
                    pushParticle(intents, app::SelectAgreement{a.id.value});
            ImGui::EndCombo();
        }
        markItem(reg, "particle.agreement.choice", agreement->name);
    }
    const core::Date today = core::dateFromTimestamp(now);
    std::string line = agreement->name + "  |  " + agreement->agreement_type + (agreement->state.empty() ? "" : ", " + agreement->state);
    ImGui::TextWrapped("%s", line.c_str());
    markItem(reg, "particle.agreement", line);
    const std::string billing = core::billingPeriodText(*agreement, today);
    mutedText(billing.c_str());
    markItem(reg, "particle.billing", billing);
    usageBar(reg, "particle.usage.messages", "Data operations", agreement->device_messages, agreement->max_messages,
             p.forecast.projected_fraction);
    drawForecastPanel(state, ui);
    usageBar(reg, "particle.usage.devices", "Devices", core::countedDevices(*agreement), agreement->max_devices);
    drawNotifications(p, reg);
}

}  // namespace ud::ui
