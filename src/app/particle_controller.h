// Particle Cloud: login, scope, agreements, report requests and their polling (issue 5).
// Turns Particle intents into requests and answers into ParticleState. No timer, no
// thread: the App's Controller calls tick() each loop and asks nextWakeAt().
//
//   particle_controller.cpp          login, token check, log out, scope, agreements
//   particle_controller_reports.cpp  request form, report polling, downloads, storage
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/particle_intents.h"
#include "app/particle_state.h"
#include "app/request_queue.h"
#include "app/services.h"
#include "core/particle/particle_errors.h"
#include "core/particle/particle_report_records.h"

namespace ud::app {

// particle-usage_<scope>_<type>_<start>_<end>.csv: the name a report's CSV is saved and opened under.
std::string csvFileName(const core::ReportRecord& record);

class ParticleController {
public:
    // Hands a downloaded report to the viewer (the App's Controller wires it).
    using OpenInViewer = std::function<void(std::string file_name, std::string csv)>;
    // Hands two reports to the viewer as a comparison (earlier first).
    using CompareInViewer = std::function<void(std::string earlier_name, std::string earlier_csv,
                                               std::string later_name, std::string later_csv)>;

    // `base_url` is Settings::particle_base_url (read at each request).
    ParticleController(ParticleState& state, Services services, const std::string& base_url);
    // Restores saved reports and a remembered token (and checks it); once, after settings load.
    void start();
    void setOpenInViewer(OpenInViewer open) { open_in_viewer_ = std::move(open); }
    void setCompareInViewer(CompareInViewer compare) { compare_in_viewer_ = std::move(compare); }

    void apply(const ParticleIntent& intent);
    void tick();
    // Demo mode switched: the real session is set aside while the demo runs and
    // comes back after; answers in flight are dropped.
    void setDemoMode(bool demo);
    // The browser went offline or online: offline, network actions are refused at
    // once (app/offline_refusal.h) and automatic checks wait; online again, they
    // go on, and a scope whose usage could not load loads.
    void setOffline(bool offline);
    // Another tab changed the saved report list (the browser's storage event):
    // its new reports appear here, its progress replaces older copies, what it
    // forgot goes away.
    void onStorageChanged();
    core::Timestamp nextWakeAt() const;  // -1 when nothing is scheduled
    bool isAnimating() const;

private:
    using Handler = RequestQueue::Handler;

    // Refuses `intent` when it needs the network and the browser is offline; the reason goes where the action is.
    bool refusedOffline(const ParticleIntent& intent);
    void updateWaitingForNetwork();

    // ---- requests ----
    std::string base() const;  // the demo cloud in demo mode, else the setting
    std::string host() const { return core::hostFromUrl(base()); }
    void send(core::HttpRequest request, Handler on_answer);
    // A 401-like answer anywhere after login: forget the token, keep everything else.
    bool handleSignedOut(const core::Error& error, core::ParticleCall call);

    // ---- login (particle_controller.cpp) ----
    void signInWithToken(std::string token, bool remember, bool created_here);
    void createToken(const CreateParticleToken& request);
    void submitOtp(const std::string& code);
    void onLoginOutcome(const core::HttpResponse& response, core::ParticleCall step);
    void checkToken();
    void logOut();
    void signOut(std::string message);  // local part of log out / expiry
    void loadRemembered();
    void selectScope(core::Scope scope);
    void loadOrganizations();
    void loadAgreements();
    void loadNotifications();
    const core::ServiceAgreement* agreement() const;

    // ---- reports (particle_controller_reports.cpp) ----
    void editForm(const ReportForm& form);
    void checkForm();
    void resetFormToBillingPeriod();
    void applyPreset(core::RangePreset preset);
    void requestReport();
    void requestAgain(const ReportRef& ref);
    // Sends the request for `spec` in `scope` (checks done by the caller).
    void sendReportRequest(const core::Scope& scope, const core::AgreementId& agreement, const core::UsageReportSpec& spec);
    void onCreated(std::uint64_t local_id, const core::HttpResponse& response);
    void pollReports();
    void runStep(ParticleReport& report, const core::ReportEvent& event);
    void checkStatus(ParticleReport& report);
    ParticleReport* findReport(const ReportRef& ref);
    void fetchCsv(const ReportRef& ref, bool to_viewer);
    void compareWithLastPeriod(const ReportRef& ref);
    // Downloads one report's CSV; `done` gets the file name and bytes (not called on failure,
    // which the report row shows).
    void downloadCsv(const ReportRef& ref, std::function<void(std::string, std::string)> done);
    void copyLink(const ReportRef& ref);
    void copyId(const ReportRef& ref);
    void forget(const ReportRef& ref);
    void resumeAfterSignIn();
    void parkAfterSignOut();
    // ---- storage, shared with other tabs (particle_controller_storage.cpp) ----
    void saveReports();
    void loadReports();
    core::StoredReports storedReports() const;
    void learnForgotten(const std::vector<std::string>& keys);
    bool isForgotten(const std::string& key) const;
    // True when this tab may check the report now (and takes the lease); false
    // when another tab holds it (the next check is put off).
    bool takePollLease(ParticleReport& report);
    // This tab's POST for the record is still out: its answer, not another tab's guess, decides.
    bool isOwnRequestInFlight(const core::ReportRecord& record) const;
    void updateOutstanding();
    std::vector<core::ReportRecord> records() const;

    ParticleState& state_;
    Services services_;
    const std::string& base_url_;
    OpenInViewer open_in_viewer_;
    CompareInViewer compare_in_viewer_;
    RequestQueue requests_;
    std::uint64_t next_local_report_ = 0;  // names a report before the server gives its id
    std::optional<ParticleState> real_;    // the real session while the demo runs
    std::vector<std::string> newer_reports_;  // stored by a newer version: written back untouched
    bool newer_reports_list_ = false;         // the whole stored list is newer: never overwritten
    std::vector<std::string> forgotten_;      // reportKey()s forgotten here or in another tab
    std::string tab_id_;                      // names this tab in poll leases
    std::uint64_t creating_local_id_ = 0;     // the report whose POST is out (while state_.requesting)
    bool offline_ = false;                    // the browser says there is no network
};

}  // namespace ud::app
