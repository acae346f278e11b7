// The request-report form (type, dates with presets and inline reasons,
// optional filters) and the report list: a countdown to the next check while
// pending; Download CSV, Open in viewer and Copy link once available.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <string>

#include "core/base/date.h"
#include "core/particle/particle_api.h"
#include "core/particle/particle_report_quota.h"
#include "core/particle/particle_report_rules.h"
#include "core/particle/particle_report_text.h"
#include "ui/panel_particle_parts.h"
#include "ui/widgets.h"

namespace ud::ui {
namespace {

// The state column: what is happening and what comes next (core's sentence).
void drawReportState(const app::ParticleReport& r, WidgetRegistry& reg, const std::string& id, core::Timestamp now,
                     bool signed_in, bool waiting_for_network) {
    const core::ReportRecord& rec = r.poll.record;
    const std::string text = core::textFromReportState(r.poll, now, signed_in, waiting_for_network);
    const bool counting_down = rec.phase == core::ReportPhase::Pending && !r.poll.awaiting_status &&
                               !r.poll.refetching_url;
    // Offline, a countdown waits for the network: no spinner, as nothing moves.
    if (signed_in && (rec.phase == core::ReportPhase::Pending || rec.phase == core::ReportPhase::Requested) &&
        !(counting_down && waiting_for_network)) {
        if (counting_down)  // a step per second shown, like the countdown beside it (no frames in between)
            spinnerAt(6, -static_cast<float>((rec.next_check - now + 999) / 1000) * 0.5236f);
        else
            spinner(6);
        ImGui::SameLine();
    }
    ImGui::TextWrapped("%s", text.c_str());
    markItem(reg, id + ".state", text);
    if (rec.phase == core::ReportPhase::Available && !r.poll.download_url.empty()) {
        mutedText(core::maskedDownloadUrl(r.poll.download_url).c_str());
        markItem(reg, id + ".url", core::maskedDownloadUrl(r.poll.download_url));
    }
    if (!rec.message.empty() && rec.phase != core::ReportPhase::Available && rec.phase != core::ReportPhase::SignedOut) {
        (core::isFinalPhase(rec.phase) ? errorText(rec.message) : mutedText(rec.message.c_str()));
        markItem(reg, id + ".record_message", rec.message);
    }
}

void drawReportActions(const app::ParticleReport& r, WidgetRegistry& reg, const std::string& id,
                       app::Intents& intents, bool signed_in) {
    const core::ReportRecord& rec = r.poll.record;
    const app::ReportRef ref{rec.id.value, rec.scope.key(), rec.requested_at};
    if (rec.phase == core::ReportPhase::Pending && !r.poll.refetching_url) {
        if (actionButton(reg, (id + ".check").c_str(), "Check now", signed_in && !r.poll.awaiting_status))
            pushParticle(intents, app::CheckReportNow{ref});
    }
    if (rec.phase == core::ReportPhase::Available && !r.poll.download_url.empty()) {
        if (actionButton(reg, (id + ".download").c_str(), "Download CSV", !r.downloading, r.downloading))
            pushParticle(intents, app::DownloadReport{ref});
        sameLineIfFits("Open in viewer");
        if (actionButton(reg, (id + ".open").c_str(), "Open in viewer", !r.downloading))
            pushParticle(intents, app::OpenReportInViewer{ref});
        sameLineIfFits("Copy link");
        if (actionButton(reg, (id + ".copy").c_str(), "Copy link")) pushParticle(intents, app::CopyReportLink{ref});
        sameLineIfFits("Compare with last period");
        if (actionButton(reg, (id + ".compare").c_str(), "Compare with last period", !r.downloading && signed_in))
            pushParticle(intents, app::CompareWithLastPeriod{ref});
    }
    if (rec.phase == core::ReportPhase::Expired) {  // same type, range and filters, one click
        if (actionButton(reg, (id + ".again").c_str(), "Request again", signed_in))
            pushParticle(intents, app::RequestReportAgain{ref});
        sameLineIfFits("Forget");
    }
    if (core::isFinalPhase(rec.phase) || rec.phase == core::ReportPhase::SignedOut) {
        if (rec.phase == core::ReportPhase::Available) sameLineIfFits("Forget");
        if (actionButton(reg, (id + ".forget").c_str(), "Forget")) pushParticle(intents, app::ForgetReport{ref});
    }
    if (r.again_error) {
        errorText(r.again_error->message);
        markItem(reg, id + ".again_error", r.again_error->message);
    }
    if (!r.message.empty()) {
        successText(r.message);
        markItem(reg, id + ".message", r.message);
    }
    if (r.download_error) {
        errorText(r.download_error->message);
        markItem(reg, id + ".error", r.download_error->message);
    }
}

void typeRadio(ParticleForms& f, WidgetRegistry& reg, bool& changed) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Report");
    sameLineIfFits(checkWidth("Devices"));
    if (ImGui::RadioButton("Devices", f.report.type == core::ReportType::Devices)) {
        f.report.type = core::ReportType::Devices;
        changed = true;
    }
    markItem(reg, "particle.type.devices");
    sameLineIfFits(checkWidth("Products"));
    if (ImGui::RadioButton("Products", f.report.type == core::ReportType::Products)) {
        f.report.type = core::ReportType::Products;
        changed = true;
    }
    markItem(reg, "particle.type.products");
}

}  // namespace

void drawRequestPanel(const app::AppState& state, UiState& ui, app::Intents& intents) {
    const app::ParticleState& p = state.particle;
    ParticleForms& f = ui.particle;
    WidgetRegistry& reg = ui.widgets;
    if (f.seen_revision != p.form_revision) {
        f.seen_revision = p.form_revision;
        f.report = p.form;
    }
    ImGui::Spacing();
    sectionTitle("Request a usage report");
    bool changed = false;
    typeRadio(f, reg, changed);
    static constexpr struct { const char* id; const char* label; core::RangePreset preset; } kPresets[] = {
        {"particle.preset.this_period", "This billing period", core::RangePreset::ThisPeriod},
        {"particle.preset.last_period", "Last billing period", core::RangePreset::LastPeriod},
        {"particle.preset.last_30_days", "Last 30 days", core::RangePreset::Last30Days}};
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Range");
    for (const auto& preset : kPresets) {
        sameLineIfFits(preset.label);
        if (actionButton(reg, preset.id, preset.label, !p.agreement_id.empty()))
            pushParticle(intents, app::ApplyReportPreset{preset.preset});
    }
    const bool scold = p.show_field_errors;
    changed |= labelledInputPair(reg, "particle.start", "Start (YYYY-MM-DD)", f.report.start,
                                 scold || !f.report.start.empty() ? p.start_error : std::string(), "particle.end",
                                 "End, inclusive", f.report.end,
                                 scold || !f.report.end.empty() ? p.end_error : std::string());
    const std::string utc_note = core::utcTodayNote(core::dateFromTimestamp(p.now));
    mutedText(utc_note.c_str());
    markItem(reg, "particle.today_utc", utc_note);
    if (!p.range_error.empty()) {
        errorText(p.range_error);
        markItem(reg, "particle.range.error", p.range_error);
    }
    if (!p.range_warning.empty()) {
        mutedText(p.range_warning.c_str());
        markItem(reg, "particle.range.warning", p.range_warning);
    }
    ImGui::AlignTextToFramePadding();  // level with the checkbox beside it
    const bool filters_open = ImGui::TreeNode("Filters (optional)");
    markItem(reg, "particle.filters");
    // Beside the filters, so the form keeps its height. The browser asks for
    // permission only when this is ticked (app/announcer.h).
    // A phone: under it (a tree node's hit area reaches past its text).
    constexpr const char* kNotify = "Notify me when it is ready";
    if (!isNarrowLayout()) sameLineIfFits(kNotify);
    changed |= ImGui::Checkbox(kNotify, &f.report.notify_when_ready);
    markItem(reg, "particle.notify", kNotify);
    if (filters_open) {
        // The API filters by device ID only; a name would match nothing.
        changed |= labelledInput(reg, "particle.filter.devices", "Devices: device IDs, comma separated",
                                 f.report.devices);
        changed |= labelledInput(reg, "particle.filter.products", "Products: ids, comma separated", f.report.products);
        ImGui::TreePop();
    }
    if (changed) pushParticle(intents, app::EditReportForm{f.report});
    ImGui::Spacing();
    const bool full = p.outstanding >= core::kMaxOutstandingReports;
    std::string count = std::to_string(p.outstanding) + " of " + std::to_string(core::kMaxOutstandingReports) +
                        " reports being prepared for " + scopeLabel(p, p.scope);
    if (full) count += ": wait for one to finish before asking for another";
    if (actionButton(reg, "particle.request", p.requesting ? "Requesting..." : "Request report", true, p.requesting))
        pushParticle(intents, app::RequestReport{});
    if (isNarrowLayout()) sameLineIfFits(ImGui::CalcTextSize(count.c_str()).x);  // else under the button
    else ImGui::SameLine();
    (full ? errorText(count) : mutedText(count.c_str()));
    markItem(reg, "particle.outstanding", count);
    if (p.request_error) {
        errorText(p.request_error->message);
        markItem(reg, "particle.request.error", p.request_error->message);
    }
}

namespace {

// A report that was just requested, changed phase (ready, failed) or finished
// a download is news: when its row is outside the panel (a chart above it may
// just have appeared), scroll it into view, once. A download's end is told by
// its message or error, not by the busy flag alone: a fast answer can start and
// end between two frames.
void keepInView(ParticleForms& f, const std::string& key, const app::ParticleReport& r, float row_bottom) {
    std::string seen = std::to_string(static_cast<int>(r.poll.record.phase)) + (r.downloading ? "|busy|" : "|") +
                       r.message + "|" + (r.download_error ? r.download_error->message : std::string());
    auto [it, added] = f.report_news.try_emplace(key, seen);
    const bool news = added ? f.reports_drawn : it->second != seen;
    it->second = std::move(seen);
    if (news) {
        f.scroll_to = key;
        f.scroll_frames = 4;
    }
    if (f.scroll_to != key || f.scroll_frames <= 0) return;
    --f.scroll_frames;
    const float pad = ImGui::GetStyle().WindowPadding.y;
    const float top = ImGui::GetWindowPos().y, bottom = top + ImGui::GetWindowHeight() - pad;
    if (row_bottom > bottom || row_bottom < top) ImGui::SetScrollY(ImGui::GetScrollY() + row_bottom - bottom);
}

}  // namespace

void drawReportsPanel(const app::AppState& state, UiState& ui, app::Intents& intents, core::Timestamp now) {
    const app::ParticleState& p = state.particle;
    WidgetRegistry& reg = ui.widgets;
    const bool signed_in = p.login.session == app::ParticleSession::SignedIn;
    ImGui::Spacing();
    sectionTitle(signed_in ? "Reports" : "Reports kept on this device");
    if (!p.reports_message.empty()) errorText(p.reports_message);
    int shown = 0;
    ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    // A phone: one column, each report's cells stacked in its row (a row is
    // mostly buttons and sentences, which a sideways scroll would hide).
    const bool narrow = isNarrowLayout();
    auto nextCell = [narrow] {
        if (narrow) ImGui::Spacing();
        else ImGui::TableNextColumn();
    };
    if (!p.reports.empty() && ImGui::BeginTable("##reports", narrow ? 1 : 4, flags)) {
        if (!narrow) {
            ImGui::TableSetupColumn("Requested", ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableSetupColumn("Report", ImGuiTableColumnFlags_WidthStretch, 1.6f);
            ImGui::TableSetupColumn("State", ImGuiTableColumnFlags_WidthStretch, 1.8f);
            ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 2.2f);
            ImGui::TableHeadersRow();
        }
        for (const app::ParticleReport& r : p.reports) {
            const core::ReportRecord& rec = r.poll.record;
            if (signed_in && !(rec.scope == p.scope)) continue;  // this scope's reports only
            const std::string id =
                "particle.report." + (!rec.id.value.empty() ? rec.id.value
                                      : rec.phase == core::ReportPhase::Uncertain ? "uncertain." + std::to_string(r.local_id)
                                                                                  : std::string("new"));
            ImGui::PushID(id.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(core::minuteTextFromTimestamp(rec.requested_at).c_str());
            nextCell();
            std::string what = std::string(core::nameFromReportType(rec.type)) + ", " + core::isoFromDate(rec.range.first) +
                               " to " + core::isoFromDate(rec.range.last);
            ImGui::TextWrapped("%s", what.c_str());
            markItem(reg, id, what);
            if (!rec.id.value.empty()) {  // the id people quote to support, copyable
                mutedText(("id " + rec.id.value).c_str());
                markItem(reg, id + ".report_id", rec.id.value);
                sameLineIfFits("Copy id");
                if (ImGui::SmallButton("Copy id"))
                    pushParticle(intents, app::CopyReportId{app::ReportRef{rec.id.value, rec.scope.key()}});
                markItem(reg, id + ".copy_id", "Copy id");
            }
            if (!signed_in) mutedText(rec.scope.isSandbox() ? "sandbox" : ("org " + rec.scope.org).c_str());
            // The row ends below its tallest cell (the state's message, often), not the last column's.
            float row_bottom = ImGui::GetCursorScreenPos().y;
            nextCell();
            drawReportState(r, reg, id, now, signed_in, p.waiting_for_network);
            row_bottom = std::max(row_bottom, ImGui::GetCursorScreenPos().y);
            nextCell();
            drawReportActions(r, reg, id, intents, signed_in);
            row_bottom = std::max(row_bottom, ImGui::GetCursorScreenPos().y);
            ImGui::PopID();
            keepInView(ui.particle, rec.scope.key() + "/" + id, r, row_bottom);
            ++shown;
        }
        ImGui::EndTable();
    }
    ui.particle.reports_drawn = signed_in;
    if (shown == 0)
        mutedText(signed_in ? "No reports for this scope yet. Request one above; it usually takes a few minutes."
                            : "Reports you request are listed here, also after a reload (without their download links).");
    markItem(reg, "particle.reports", std::to_string(shown));
}

}  // namespace ud::ui
