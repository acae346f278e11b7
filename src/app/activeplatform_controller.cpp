// ActivePlatformController: form validation, range presets, the fetch, and the
// answer turned into the items table, per-currency totals and daily series.
#include "app/activeplatform_controller.h"

#include <algorithm>
#include <limits>
#include <type_traits>

#include "app/activeplatform_insights.h"
#include "app/demo_clouds.h"
#include "app/offline_refusal.h"
#include "core/base/decimal.h"
#include "core/base/retry.h"
#include "core/table/csv_writer.h"
#include "sim/activeplatform_sim.h"

namespace ud::app {
namespace {

// The contract's list (429, 502, 503, 504, network errors; not timeouts: a slow range
// would be slow again): a Retry-After is honoured (seconds or a date, however long),
// else the backoff 1 s, 2 s, 4 s.
constexpr core::RetryPolicy kAnalyticsRetry{1 + kActivePlatformMaxRetries, 1000, 30000, -1, 0,
                                            std::numeric_limits<core::Timestamp>::max(), false};

}  // namespace

ActivePlatformController::ActivePlatformController(ActivePlatformState& state, Services services)
    : state_(state), services_(services), requests_(services) {
    auto saved = services_.store.get(kActivePlatformTokenKey);
    if (!saved || saved->empty()) return;
    // The form starts at the address the token was saved for, so it goes nowhere else.
    core::StoredToken stored = core::storedTokenFromJson(*saved, "");
    if (stored.state == core::StoredTokenState::Newer) {
        state_.warning = "A token remembered by a newer UsageDesk was left as it is.";
    } else if (stored.state == core::StoredTokenState::Bad) {
        services_.store.remove(kActivePlatformTokenKey);
        state_.warning = "The remembered ActivePlatform token could not be read (" + stored.problem +
                         ") and was forgotten; enter it again.";
    } else {
        remembered_ = stored.token;
        state_.form.base_url = remembered_.api;
        state_.form.token = remembered_.token;
        state_.remember_token = true;
        ++state_.form_revision;
    }
}

bool ActivePlatformController::rememberedTokenElsewhere() const {
    return !remembered_.token.empty() && state_.form.token == remembered_.token &&
           !core::sameApiAddress(state_.form.base_url, remembered_.api);
}

bool ActivePlatformController::refusedOffline(const ActivePlatformIntent& intent) {
    if (!offline_ || requests_.demo()) return false;
    if (std::holds_alternative<FetchAnalytics>(intent)) {
        state_.error = offlineRefusal("fetching daily expenses");
        return true;
    }
    if (std::holds_alternative<CompareThisMonthWithLast>(intent) || std::holds_alternative<CompareAnalyticsRanges>(intent)) {
        state_.compare.error = offlineRefusal("comparing two ranges");
        return true;
    }
    return false;  // needs no network (the demo's fetch goes to the simulated cloud)
}

void ActivePlatformController::apply(const ActivePlatformIntent& intent) {
    if (refusedOffline(intent)) return;
    std::visit(
        [this](const auto& i) {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, EditAnalyticsForm>) {
                edit(i);
            } else if constexpr (std::is_same_v<T, ApplyRangePreset>) {
                applyPreset(i.preset);
            } else if constexpr (std::is_same_v<T, FetchAnalytics>) {
                fetch();
            } else if constexpr (std::is_same_v<T, CancelAnalyticsRetry>) {
                cancelRetry();
            } else if constexpr (std::is_same_v<T, TryActivePlatformDemo>) {
                state_.form.base_url = kDemoActivePlatformBaseUrl;
                state_.form.token = std::string(core::kSimDemoToken);
                state_.form.subscription_id = std::string(core::kSimEurSubscription);
                applyPreset(core::RangePreset::LastPeriod);
                fetch();
            } else if constexpr (std::is_same_v<T, ActivePlatformTableAction>) {
                if (!state_.report) return;
                const core::Table& table = state_.report->items;
                if (const auto* copy = std::get_if<CopyRows>(&i.action)) {
                    services_.files.copyToClipboard(tsvFromRows(state_.view, table, copy->first, copy->last));
                    state_.message = "Copied the selected rows to the clipboard.";
                    return;
                }
                applyTableAction(state_.view, table, i.action);
            } else if constexpr (std::is_same_v<T, ExportAnalyticsCsv>) {
                exportCsv();
            } else if constexpr (std::is_same_v<T, CompareThisMonthWithLast>) {
                const core::Date today = core::dateFromTimestamp(services_.clock.now());
                const core::DateRange month = core::calendarMonthOf(today);
                compareRanges(core::rangeFromPreset(core::RangePreset::LastPeriod, month, today),
                              core::rangeFromPreset(core::RangePreset::ThisPeriod, month, today));
            } else if constexpr (std::is_same_v<T, CompareAnalyticsRanges>) {
                compareRanges(i.earlier, i.later);
            } else if constexpr (std::is_same_v<T, SetComparisonKey>) {
                state_.compare.key = i.key;
                state_.compare.error.reset();
                buildComparison(state_.compare);
            } else if constexpr (std::is_same_v<T, CloseComparison>) {
                const std::string key = state_.compare.key;  // the chosen key stays for the next comparison
                state_.compare = AnalyticsComparison{};
                state_.compare.key = key;
                dropComparison();
            } else if constexpr (std::is_same_v<T, ComparisonTableAction>) {
                if (state_.compare.table) applyTableAction(state_.compare.view, *state_.compare.table, i.action);
            } else if constexpr (std::is_same_v<T, ExportComparisonCsv>) {
                exportComparison();
            } else if constexpr (std::is_same_v<T, ShowSpike>) {
                showSpike(state_, i.index);
            } else if constexpr (std::is_same_v<T, SetAnalyticsChartTopN>) {
                state_.chart_top_n = std::clamp<std::size_t>(i.top_n, 1, core::kChartMaxTopN);
                if (state_.report) state_.daily = core::dailyCostByCategory(state_.report->items, state_.chart_top_n);
            }
        },
        intent);
}

void ActivePlatformController::edit(const EditAnalyticsForm& e) {
    state_.form = e.form;
    state_.remember_token = e.remember_token;
    state_.field_errors = core::fieldErrorsFromForm(state_.form);
    if (requests_.demo()) return;  // the demo's token is not the person's: never stored
    if (!e.remember_token || e.form.token.empty()) {
        services_.store.remove(kActivePlatformTokenKey);
        remembered_ = {};
        return;
    }
    if (rememberedTokenElsewhere()) return;  // stays bound to its own address
    core::RememberedToken token{e.form.token, e.form.base_url, false};
    if (token.token == remembered_.token && token.api == remembered_.api) return;  // already stored
    if (services_.store.set(kActivePlatformTokenKey, core::jsonFromRememberedToken(token)))
        remembered_ = std::move(token);
    else
        state_.warning = "The token could not be remembered: this browser refused to save it (storage full or "
                         "blocked). It is used until the page is closed.";
}

void ActivePlatformController::applyPreset(core::RangePreset preset) {
    const core::Date today = core::dateFromTimestamp(services_.clock.now());
    const core::DateRange range = core::rangeFromPreset(preset, core::calendarMonthOf(today), today);
    state_.form.range_kind = core::AnalyticsRangeKind::Days;
    state_.form.date_from = core::isoFromDate(range.first);
    state_.form.date_to = core::isoFromDate(range.last);
    state_.field_errors = core::fieldErrorsFromForm(state_.form);
    ++state_.form_revision;
}

void ActivePlatformController::fetch() {
    if (state_.busy) return;
    cancelRetry();  // a fetch by hand starts over
    state_.show_field_errors = true;
    state_.field_errors = core::fieldErrorsFromForm(state_.form);
    if (rememberedTokenElsewhere()) {
        state_.error = core::makeError(core::ErrorKind::Validation,
                                       "The remembered token was saved for " + remembered_.api +
                                           " and is not sent to another address. Enter the token again to use it "
                                           "with " + state_.form.base_url + ".");
        return;
    }
    auto query = core::analyticsQueryFromForm(state_.form);
    if (!query) {
        state_.error = query.error();
        return;
    }
    state_.error.reset();
    last_request_ = core::analyticsDailyRequest(*query);
    pending_range_ = rangeOfQuery(*query);
    pending_url_ = last_request_.url;
    state_.fetched_label = query->subscription_id + ", " +
                           (query->range_kind == core::AnalyticsRangeKind::Days
                                ? core::isoFromDate(query->days.first) + " to " + core::isoFromDate(query->days.last)
                                : core::isoFromYearMonth(query->period_first) + " to " +
                                      core::isoFromYearMonth(query->period_last));
    send();
}

void ActivePlatformController::send() {
    state_.busy = true;
    requests_.send(last_request_, [this](const core::HttpResponse& r) { onAnswer(r); });
}

void ActivePlatformController::setDemoMode(bool demo) {
    if (demo == requests_.demo()) return;
    requests_.setDemo(demo);  // drops the answers in flight
    const std::size_t revision = state_.form_revision;
    if (demo) {
        real_ = std::move(state_);
        state_ = ActivePlatformState{};
    } else {
        state_ = real_ ? std::move(*real_) : ActivePlatformState{};
        real_.reset();
    }
    state_.busy = false;
    cancelRetry();  // a retry that waited was for the dropped request
    compare_pending_[0] = compare_pending_[1] = 0;
    if (state_.compare.loading) state_.compare = AnalyticsComparison{};  // its answers were dropped
    // Past both sides' revisions, so the panel copies this form into its edit buffers.
    state_.form_revision = std::max(revision, state_.form_revision) + 1;
}

void ActivePlatformController::tick() {
    core::Timestamp now = services_.clock.now();
    requests_.deliver(now);
    if (state_.retry_at >= 0) {
        if (state_.retry_at <= now) {
            state_.retry_at = -1;
            state_.retry_seconds_left = 0;
            send();
        } else {
            state_.retry_seconds_left = static_cast<int>((state_.retry_at - now + 999) / 1000);
        }
    }
}

void ActivePlatformController::onAnswer(const core::HttpResponse& response) {
    state_.busy = false;
    ++state_.answers;
    if (!core::isSuccess(response)) {
        if (scheduleRetry(response)) return;
        state_.retry_attempt = 0;
        state_.error = core::errorFromAnalyticsResponse(response, pending_url_);
        return;
    }
    state_.retry_attempt = 0;
    auto report = core::analyticsReportFromJson(response.body);
    if (!report) {
        state_.error = report.error();
        return;
    }
    state_.report = std::move(report).value();
    state_.empty_message = state_.report->items.rowCount() == 0 ? "No expenses in this range." : "";
    resetTableView(state_.view, state_.report->items);
    state_.totals = core::costTotalsFromTable(state_.report->items);
    state_.daily = core::dailyCostByCategory(state_.report->items, state_.chart_top_n);
    state_.message.clear();
    state_.fetched_range = pending_range_;
    refreshAnalyticsInsights(state_, core::dateFromTimestamp(services_.clock.now()));
}

// Rate limited, busy, a proxy without an answer, or no answer at all: core's
// schedule says whether and when to send the same request again.
bool ActivePlatformController::scheduleRetry(const core::HttpResponse& response) {
    const core::Timestamp now = services_.clock.now();
    auto wait = core::retryDelayMs(response, state_.retry_attempt + 1, now, kAnalyticsRetry);
    if (!wait) return false;
    ++state_.retry_attempt;
    state_.retry_status = response.status;
    state_.retry_at = now + *wait;
    state_.retry_seconds_left = static_cast<int>((state_.retry_at - now + 999) / 1000);
    return true;
}

void ActivePlatformController::cancelRetry() {
    state_.retry_at = -1;
    state_.retry_attempt = 0;
    state_.retry_seconds_left = 0;
    state_.retry_status = 0;
}

void ActivePlatformController::exportCsv() {
    if (!state_.report) return;
    const core::Table& table = state_.report->items;
    std::string csv = core::csvFromTable(table, state_.view.rows, shownColumns(state_.view, table));
    std::string name = "activeplatform-" + state_.report->subscription_id + ".csv";
    services_.files.saveFile(name, "text/csv", csv);
    state_.last_export_name = name;
    state_.last_export_bytes = csv.size();
    state_.message = "Saved " + name + " (" + core::formatCount(static_cast<long long>(csv.size())) + " bytes).";
}

// The earliest of: a frame for a new answer, the retry, the next countdown second.
core::Timestamp ActivePlatformController::nextWakeAt() const {
    core::Timestamp wake = requests_.redrawAt();
    if (state_.retry_at >= 0) {
        core::Timestamp next_second = state_.retry_at - (state_.retry_seconds_left - 1) * core::Timestamp{1000};
        core::Timestamp at = state_.retry_seconds_left > 1 ? next_second : state_.retry_at;
        wake = wake < 0 ? at : std::min(wake, at);
    }
    return wake;
}
bool ActivePlatformController::isAnimating() const { return state_.busy || state_.compare.loading; }

}  // namespace ud::app
