// ViewerController: streams CSV bytes into the reader, keeps the table's view,
// group-by and export in ViewerState.
#include "app/viewer_controller.h"

#include <algorithm>
#include <type_traits>

#include "app/viewer_insights.h"
#include "core/table/csv_writer.h"
#include "core/table/table_summary.h"
#include "core/base/decimal.h"
#include "sim/particle_report_csv_generator.h"

namespace ud::app {
namespace {

// A Particle report charts its data operations per day, stacked by product
// (a handful) rather than device (thousands, mostly "Other").
ChartSpec defaultChartSpec(const core::Table& table) {
    auto index = [](std::optional<std::size_t> c) { return c ? static_cast<int>(*c) : -1; };
    ChartSpec spec;
    spec.date_column = index(table.findRole(core::ColumnRole::Date));
    spec.value_column = index(table.findRole(core::ColumnRole::Count));
    for (std::size_t c = 0; c < table.columnCount(); ++c) {
        if (spec.date_column < 0 && table.column(c).type() == core::ColumnType::Date) spec.date_column = static_cast<int>(c);
        if (spec.value_column < 0 && table.column(c).isNumeric()) spec.value_column = static_cast<int>(c);
    }
    for (auto role : {core::ColumnRole::ProductName, core::ColumnRole::ProductId, core::ColumnRole::DeviceName,
                      core::ColumnRole::DeviceId}) {
        if (spec.key_column < 0) spec.key_column = index(table.findRole(role));
    }
    return spec;
}

std::string stemFromFileName(const std::string& name) {
    std::string stem = name.empty() ? std::string("report") : name;
    auto dot = stem.rfind('.');
    if (dot != std::string::npos && dot > 0) stem.resize(dot);
    return stem;
}

}  // namespace

void ViewerController::apply(const ViewerIntent& intent) {
    std::visit(
        [this](const auto& i) {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, OpenCsvFile>) {
                services_.files.openFilePicker(".csv,.tsv,.txt,text/csv");
            } else if constexpr (std::is_same_v<T, LoadDemoReport>) {
                loadDemo(i.rows);
            } else if constexpr (std::is_same_v<T, SetBadRowPolicy>) {
                reread(i.policy);
            } else if constexpr (std::is_same_v<T, ViewerTableAction>) {
                applyTableAction(i);
            } else if constexpr (std::is_same_v<T, GroupBy>) {
                state_.group.active = !i.keys.empty();
                state_.group.spec.keys = i.keys;
                state_.group.function = i.function;
                state_.group.result.reset();
                regroup();
                if (state_.group.result) resetTableView(state_.group.view, state_.group.result->groups);
            } else if constexpr (std::is_same_v<T, Ungroup>) {
                state_.group = ViewerGroup{};
            } else if constexpr (std::is_same_v<T, ShowChart>) {
                state_.chart.shown = i.shown;
                rechart();
            } else if constexpr (std::is_same_v<T, SetChartSpec>) {
                state_.chart.spec = i.spec;
                rechart();
            } else if constexpr (std::is_same_v<T, ExportViewCsv>) {
                exportView();
            } else if constexpr (std::is_same_v<T, CloseReport>) {
                ViewerInsights kept;  // a kept earlier period outlives the report on screen
                kept.earlier = std::move(state_.insights.earlier);
                kept.earlier_name = std::move(state_.insights.earlier_name);
                state_ = ViewerState{};
                state_.insights = std::move(kept);
                demo_rows_ = 0;
            } else if constexpr (std::is_same_v<T, KeepAsEarlierPeriod>) {
                keepAsEarlier(state_);
            } else if constexpr (std::is_same_v<T, ForgetEarlierPeriod>) {
                state_.insights.earlier.reset();
                state_.insights.earlier_name.clear();
                state_.insights.message.clear();
                refreshViewerInsights(state_);
            } else if constexpr (std::is_same_v<T, ShowReportSpike>) {
                showReportSpike(state_, i.index);
                rechart();
            } else if constexpr (std::is_same_v<T, ViewerCompareTableAction>) {
                ViewerInsights& in = state_.insights;
                if (in.compare_table) app::applyTableAction(in.compare_view, *in.compare_table, i.action);
            } else if constexpr (std::is_same_v<T, ExportViewerComparison>) {
                exportComparison();
            }
        },
        intent);
}

void ViewerController::loadDemo(std::size_t rows) {
    core::ReportCsvOptions options;
    options.rows = rows;
    options.seed = 6;
    demo_text_ = core::reportCsvFromSeed(options);
    demo_offset_ = 0;
    beginLoad("demo-report.csv", demo_text_.size());
    demo_rows_ = rows;
    loading_demo_ = true;
}

void ViewerController::beginLoad(std::string file_name, std::uint64_t total_bytes) {
    core::CsvReadOptions options;
    options.bad_rows = state_.bad_rows;
    options.expected_bytes = total_bytes;
    box_ = std::make_unique<ReaderBox>(options);
    reader_ = &box_->reader;
    loading_demo_ = false;
    state_.load = ViewerLoad{true, std::move(file_name), 0, total_bytes, 0};
    state_.load_error.clear();
}

void ViewerController::feed(std::string_view bytes) {
    reader_->feed(bytes);
    auto progress = reader_->progress();
    state_.load.bytes = progress.bytes;
    state_.load.rows = progress.rows;
}

bool ViewerController::onFileStart(std::string_view name, std::uint64_t size) {
    if (size > kMaxFileBytes) {
        auto mb = [](std::uint64_t b) { return core::formatCount(static_cast<long long>((b + (1u << 20) - 1) >> 20)) + " MB"; };
        state_.load_error = std::string(name.empty() ? "The file" : name) + " is " + mb(size) +
                            "; this page opens files up to " + mb(kMaxFileBytes) +
                            ". Nothing was read. Split the file or filter it first.";
        // A file load that had started is dropped (the page sends one file at a time); a demo goes on.
        if (state_.load.active && demo_text_.empty()) {
            box_.reset();
            reader_ = nullptr;
            state_.load = ViewerLoad{};
        }
        return false;
    }
    demo_text_.clear();
    demo_text_.shrink_to_fit();
    beginLoad(std::string(name), size);
    return true;
}

void ViewerController::onFileAbort(std::string_view reason) {
    std::string name = state_.load.file_name;
    box_.reset();
    reader_ = nullptr;
    state_.load = ViewerLoad{};
    state_.load_error = "Could not read " + (name.empty() ? std::string("the file") : name) + ": " + std::string(reason) +
                        ". What was shown before is kept.";
}

void ViewerController::onFileChunk(std::string_view bytes) {
    if (!state_.load.active || !reader_) (void)onFileStart("", 0);
    feed(bytes);
}

void ViewerController::onFileEnd(std::string_view name, std::uint64_t size) {
    if (!state_.load.active || !reader_) beginLoad("", size);
    state_.load.file_name = std::string(name);
    state_.load.total_bytes = size;
    finishLoad();
}

void ViewerController::finishLoad() {
    auto result = reader_->finish();
    std::string name = state_.load.file_name;
    state_.load = ViewerLoad{};
    if (!result) {
        state_.load_error = "Could not read " + (name.empty() ? std::string("the file") : name) + ": " +
                            result.error().message;
        box_.reset();
        reader_ = nullptr;
        return;
    }
    state_.issues = reader_->issues();
    state_.issue_count = reader_->issueCount();
    state_.skipped_rows = reader_->skippedRows();
    box_.reset();
    reader_ = nullptr;
    if (!loading_demo_) demo_rows_ = 0;
    loading_demo_ = false;
    state_.table = std::move(result).value();
    state_.file_name = name;
    state_.group = ViewerGroup{};
    state_.message.clear();
    resetTableView(state_.view, *state_.table);
    state_.chart.spec = defaultChartSpec(*state_.table);
    rechart();
    refreshViewerInsights(state_);
    state_.can_reread = state_.issue_count > 0;
}

// The text is not kept (the table is the only copy), so a re-read reads the
// source again: the page streams the same File in, or the demo is generated again.
void ViewerController::reread(core::BadRowPolicy policy) {
    state_.bad_rows = policy;
    if (!state_.can_reread || state_.load.active) return;
    if (demo_rows_ > 0) loadDemo(demo_rows_);
    else services_.files.resendLastFile();
}

void ViewerController::tick() {
    if (!state_.load.active || demo_text_.empty()) return;
    std::size_t n = std::min(kDemoBytesPerTick, demo_text_.size() - demo_offset_);
    feed(std::string_view(demo_text_).substr(demo_offset_, n));
    demo_offset_ += n;
    if (demo_offset_ >= demo_text_.size()) {
        demo_text_.clear();
        demo_text_.shrink_to_fit();
        finishLoad();
    }
}

void ViewerController::applyTableAction(const ViewerTableAction& a) {
    bool group = a.group_table;
    if (!state_.table || (group && !state_.group.result)) return;
    const core::Table& table = group ? state_.group.result->groups : *state_.table;
    TableViewState& view = group ? state_.group.view : state_.view;
    if (const auto* copy = std::get_if<CopyRows>(&a.action)) {
        if (view.rows.empty()) return;
        services_.files.copyToClipboard(tsvFromRows(view, table, copy->first, copy->last));
        std::size_t last = std::min(copy->last, view.rows.size() - 1);
        std::size_t n = last >= copy->first ? last - copy->first + 1 : 0;
        state_.message = "Copied " + core::formatCount(static_cast<long long>(n)) + (n == 1 ? " row" : " rows") +
                         " to the clipboard.";
        return;
    }
    ud::app::applyTableAction(view, table, a.action);
    bool rows_changed = !std::holds_alternative<SetColumnHidden>(a.action);
    if (!group && state_.group.active && rows_changed) regroup();
    if (!group && rows_changed) rechart();
}

// Only while the Chart view is shown: a filter typed into the table does not
// re-sum a million rows for a chart nobody looks at.
void ViewerController::rechart() {
    ViewerChart& c = state_.chart;
    c.series.reset();
    c.bars.reset();
    c.error.clear();
    if (!c.shown || !state_.table) return;
    const ChartSpec& spec = c.spec;
    auto column = [](int index) { return static_cast<std::size_t>(std::max(index, 0)); };
    if (spec.value_column < 0) {
        c.error = "This table has no numeric column to chart.";
    } else if (spec.kind == ChartKind::TimeSeries) {
        if (spec.date_column < 0) {
            c.error = "This table has no date column for a time series; try the top-N bars.";
            return;
        }
        std::optional<std::size_t> key;
        if (spec.key_column >= 0) key = column(spec.key_column);
        auto series = core::stackedSeriesFromTable(*state_.table, state_.view.rows,
                                                   core::StackedSpec{column(spec.date_column), column(spec.value_column), key, spec.top_n});
        if (series) c.series = std::move(series).value();
        else c.error = series.error().message;
    } else {
        if (spec.key_column < 0) {
            c.error = "Choose a column for the bars.";
            return;
        }
        auto bars = core::barSeriesFromTable(*state_.table, state_.view.rows,
                                             core::BarSpec{column(spec.key_column), column(spec.value_column), spec.top_n});
        if (bars) c.bars = std::move(bars).value();
        else c.error = bars.error().message;
    }
}

void ViewerController::regroup() {
    ViewerGroup& g = state_.group;
    g.error.clear();
    if (!g.active || !state_.table) return;
    const core::Table& table = *state_.table;
    g.spec.aggregates = core::defaultAggregates(table, g.spec.keys, g.function);
    auto result = core::groupRows(table, state_.view.rows, g.spec);
    if (!result) {
        g.error = result.error().message;
        g.result.reset();
        return;
    }
    bool had = g.result.has_value() && g.result->groups.columnCount() == result->groups.columnCount();
    g.result = std::move(result).value();
    if (had) refreshTableRows(g.view, g.result->groups);
    else resetTableView(g.view, g.result->groups);
}

void ViewerController::exportView() {
    if (!state_.table) return;
    std::string csv, name;
    if (state_.group.active && state_.group.result) {
        const auto& groups = state_.group.result->groups;
        auto cols = shownColumns(state_.group.view, groups);
        csv = core::csvFromGroupedTable(*state_.group.result, state_.group.view.rows, cols);
        name = stemFromFileName(state_.file_name) + "-grouped.csv";
    } else {
        auto cols = shownColumns(state_.view, *state_.table);
        csv = core::csvFromTable(*state_.table, state_.view.rows, cols);
        name = stemFromFileName(state_.file_name) + "-view.csv";
    }
    services_.files.saveFile(name, "text/csv", csv);
    state_.last_export_name = name;
    state_.last_export_bytes = csv.size();
    state_.message = "Saved " + name + " (" + core::formatCount(static_cast<long long>(csv.size())) + " bytes).";
}

// While the demo report streams in, every loop is due (a slice per tick, and
// the frame after the last slice shows the table).
core::Timestamp ViewerController::nextWakeAt() const {
    return state_.load.active && !demo_text_.empty() ? services_.clock.now() : -1;
}

}  // namespace ud::app

namespace ud::app {

void ViewerController::exportComparison() {
    ViewerInsights& in = state_.insights;
    if (!in.compare_table) return;
    std::string csv =
        core::csvFromTable(*in.compare_table, in.compare_view.rows, shownColumns(in.compare_view, *in.compare_table));
    std::string name = "compare_" + stemFromFileName(in.earlier_name) + "_" + stemFromFileName(state_.file_name) + ".csv";
    services_.files.saveFile(name, "text/csv", csv);
    in.message = "Saved " + name + " (" + core::formatCount(static_cast<long long>(csv.size())) + " bytes).";
}

}  // namespace ud::app
