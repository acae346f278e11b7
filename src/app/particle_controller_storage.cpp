// ParticleController, storage: the saved report list, shared by every tab of the
// page. A write merges with what another tab saved (nothing of theirs is
// overwritten, the copy that knows more wins, forgotten reports stay gone); the
// storage event brings another tab's changes in; a lease in each record lets
// one tab at a time check a report's status, so two tabs do not poll twice.
#include "app/particle_controller.h"

#include <algorithm>
#include <random>
#include <set>

namespace ud::app {
namespace {

constexpr core::Timestamp kLeaseMs = 60 * 1000;  // longer than a status request may take

// A tab seen by another tab's lease: random, so two tabs opened in the same
// millisecond still differ.
std::string newTabId() {
    std::random_device random;
    return std::to_string(random()) + std::to_string(random());
}

// The lease of `from` when it is another tab's and runs longer.
void takeOtherLease(core::ReportRecord& to, const core::ReportRecord& from, const std::string& tab) {
    if (!from.poll_owner.empty() && from.poll_owner != tab && from.poll_until > to.poll_until) {
        to.poll_owner = from.poll_owner;
        to.poll_until = from.poll_until;
    }
}

// A record another tab saved, as this tab should hold it.
core::ReportPoll adoptedPoll(const core::ReportRecord& record, core::Timestamp now) {
    if (record.phase == core::ReportPhase::Available) return core::resumeReportPoll(record, now);  // its own link
    core::ReportPoll poll;
    poll.record = record;  // Requested stays Requested: the other tab is waiting for the answer
    return poll;
}

}  // namespace

core::StoredReports ParticleController::storedReports() const {
    auto saved = services_.store.get(kParticleReportsKey);
    return saved ? core::storedReportsFromJson(*saved) : core::StoredReports{};
}

void ParticleController::learnForgotten(const std::vector<std::string>& keys) {
    for (const std::string& key : keys)
        if (!isForgotten(key)) forgotten_.push_back(key);
}

bool ParticleController::isForgotten(const std::string& key) const {
    return std::find(forgotten_.begin(), forgotten_.end(), key) != forgotten_.end();
}

void ParticleController::saveReports() {
    if (requests_.demo()) return;  // demo reports are not the user's
    if (newer_reports_list_) return;  // a newer UsageDesk's list stays as it is
    if (tab_id_.empty()) tab_id_ = newTabId();
    core::StoredReports theirs = storedReports();
    if (theirs.newer_list) return;
    learnForgotten(theirs.forgotten);
    std::vector<core::ReportRecord> out = records();
    for (core::ReportRecord& t : theirs.records) {
        const std::string key = core::reportKey(t);
        auto mine = std::find_if(out.begin(), out.end(), [&](const core::ReportRecord& r) { return core::reportKey(r) == key; });
        if (mine == out.end()) {
            if (!isForgotten(key)) out.push_back(std::move(t));  // another tab's: kept as it is
        } else if (core::knowsMore(t, *mine) && !isOwnRequestInFlight(*mine)) {
            *mine = std::move(t);
        } else {
            takeOtherLease(*mine, t, tab_id_);
        }
    }
    for (std::string& text : theirs.newer)
        if (std::find(newer_reports_.begin(), newer_reports_.end(), text) == newer_reports_.end())
            newer_reports_.push_back(std::move(text));
    if (out.empty() && newer_reports_.empty() && forgotten_.empty()) {
        services_.store.remove(kParticleReportsKey);
        return;
    }
    if (!services_.store.set(kParticleReportsKey, core::jsonFromStoredReports(out, newer_reports_, forgotten_)))
        state_.reports_message = "The report list could not be saved on this device (storage full or blocked); "
                                 "reports shown here are lost when the page closes.";
}

void ParticleController::loadReports() {
    if (requests_.demo()) return;
    if (tab_id_.empty()) tab_id_ = newTabId();
    auto saved = services_.store.get(kParticleReportsKey);
    if (!saved) return;
    core::StoredReports stored = core::storedReportsFromJson(*saved);
    if (stored.newer_list) {
        newer_reports_list_ = true;
        state_.reports_message = "The reports were saved by a newer UsageDesk and are left as they are; reports "
                                 "requested here are not saved on this device.";
        return;
    }
    state_.reports_message = core::droppedReportsNotice(stored);
    newer_reports_ = std::move(stored.newer);
    forgotten_ = std::move(stored.forgotten);
    const core::Timestamp now = services_.clock.now();
    for (core::ReportRecord& record : stored.records) {
        ParticleReport r;
        r.poll = core::resumeReportPoll(std::move(record), now);
        r.local_id = ++next_local_report_;
        state_.reports.push_back(std::move(r));
    }
    updateOutstanding();
}

void ParticleController::onStorageChanged() {
    if (requests_.demo() || newer_reports_list_) return;
    core::StoredReports theirs = storedReports();
    if (theirs.newer_list) return;
    learnForgotten(theirs.forgotten);
    const core::Timestamp now = services_.clock.now();
    state_.reports.erase(std::remove_if(state_.reports.begin(), state_.reports.end(),
                                        [this](const ParticleReport& r) { return isForgotten(core::reportKey(r.poll.record)); }),
                         state_.reports.end());
    for (const core::ReportRecord& t : theirs.records) {
        const std::string key = core::reportKey(t);
        if (isForgotten(key)) continue;
        auto mine = std::find_if(state_.reports.begin(), state_.reports.end(),
                                 [&](const ParticleReport& r) { return core::reportKey(r.poll.record) == key; });
        if (mine == state_.reports.end()) {
            ParticleReport r;
            r.poll = adoptedPoll(t, now);
            r.local_id = ++next_local_report_;
            state_.reports.push_back(std::move(r));
        } else if (core::knowsMore(t, mine->poll.record) && !isOwnRequestInFlight(mine->poll.record)) {
            const bool awaiting = mine->poll.awaiting_status;
            const bool has_link = !mine->poll.download_url.empty();
            if (t.phase == core::ReportPhase::Available && !has_link) {
                mine->poll = adoptedPoll(t, now);
            } else {
                mine->poll.record = t;
            }
            mine->poll.awaiting_status = awaiting;
        } else {
            takeOtherLease(mine->poll.record, t, tab_id_);
        }
    }
    std::stable_sort(state_.reports.begin(), state_.reports.end(), [](const ParticleReport& a, const ParticleReport& b) {
        return a.poll.record.requested_at > b.poll.record.requested_at;  // newest first, as requested here
    });
    updateOutstanding();
    requests_.askRedraw(now);
}

bool ParticleController::isOwnRequestInFlight(const core::ReportRecord& record) const {
    if (!state_.requesting || record.phase != core::ReportPhase::Requested) return false;
    for (const ParticleReport& r : state_.reports)
        if (r.local_id == creating_local_id_) return core::reportKey(r.poll.record) == core::reportKey(record);
    return false;
}

bool ParticleController::takePollLease(ParticleReport& report) {
    if (requests_.demo()) return true;
    if (tab_id_.empty()) tab_id_ = newTabId();
    core::ReportRecord& rec = report.poll.record;
    const core::Timestamp now = services_.clock.now();
    const std::string key = core::reportKey(rec);
    for (const core::ReportRecord& t : storedReports().records) {
        if (core::reportKey(t) != key) continue;
        if (!t.poll_owner.empty() && t.poll_owner != tab_id_ && t.poll_until > now) {
            report.poll.awaiting_status = false;
            rec.next_check = std::min(t.poll_until, now + kLeaseMs / 4);  // look again; its results come meanwhile
            return false;
        }
        break;
    }
    rec.poll_owner = tab_id_;
    rec.poll_until = now + kLeaseMs;  // written by runStep's save, before the answer can arrive
    return true;
}

}  // namespace ud::app
