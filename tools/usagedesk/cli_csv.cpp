// csv summary: a usage CSV on disk read by the Viewer's reader, grouped by the
// Viewer's group-by with the same default aggregates, exact totals, and the
// reader's issues (bad rows with line numbers). `--format csv` with
// --group-by writes what the page's "Export view" saves for the same grouping.
#include <cstdio>
#include <memory>
#include <numeric>
#include <optional>

#include "cli_commands.h"
#include "cli_output.h"
#include "cli_secrets.h"
#include "core/base/decimal.h"
#include "core/table/csv_reader.h"
#include "core/table/table_summary.h"

namespace ud::cli {
namespace {

struct CsvSummaryOptions {
    std::string file;
    std::vector<std::string> group_by;  // "col" or "col:month"
    std::vector<std::string> sums;
    std::string function = "sum";
    std::string format = "table";
    bool skip_bad_rows = false;
};

struct LoadedCsv {
    core::Table table;
    std::vector<core::CsvIssue> issues;
    std::size_t issue_count = 0;
};

core::Result<LoadedCsv> loadCsv(const std::string& path, bool skip_bad_rows) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!f) return core::makeError(core::ErrorKind::Validation, "cannot read " + path);
    core::CsvReadOptions options;
    options.bad_rows = skip_bad_rows ? core::BadRowPolicy::Skip : core::BadRowPolicy::Keep;
    core::CsvReader reader(options);  // on the stack: it has virtual functions but no virtual destructor
    std::vector<char> buf(1 << 20);
    for (std::size_t n; (n = std::fread(buf.data(), 1, buf.size(), f.get())) > 0;) reader.feed({buf.data(), n});
    auto table = reader.finish();
    if (!table) return table.error();
    return LoadedCsv{std::move(table).value(), reader.issues(), reader.issueCount()};
}

std::optional<core::Aggregate> aggregateFromName(const std::string& name) {
    if (name == "sum") return core::Aggregate::Sum;
    if (name == "count") return core::Aggregate::Count;
    if (name == "min") return core::Aggregate::Min;
    if (name == "max") return core::Aggregate::Max;
    if (name == "mean") return core::Aggregate::Mean;
    return std::nullopt;
}

core::Result<std::size_t> columnByName(const core::Table& table, const std::string& name) {
    if (auto c = table.findColumn(name)) return *c;
    std::string known;
    for (const auto& column : table.columns()) known += (known.empty() ? "" : ", ") + column.name();
    return core::makeError(core::ErrorKind::Validation, "no column '" + name + "' (columns: " + known + ")");
}

core::Result<core::GroupSpec> specFromOptions(const core::Table& table, const CsvSummaryOptions& o, core::Aggregate fn) {
    core::GroupSpec spec;
    for (const std::string& key : o.group_by) {
        const bool month = key.size() > 6 && key.compare(key.size() - 6, 6, ":month") == 0;
        auto column = columnByName(table, month ? key.substr(0, key.size() - 6) : key);
        if (!column) return column.error();
        spec.keys.push_back({*column, month});
    }
    if (o.sums.empty()) {
        spec.aggregates = core::defaultAggregates(table, spec.keys, fn);
    } else {
        for (const std::string& name : o.sums) {
            auto column = columnByName(table, name);
            if (!column) return column.error();
            if (!table.column(*column).isNumeric())
                return core::makeError(core::ErrorKind::Validation, "column '" + name + "' is not numeric");
            spec.aggregates.push_back({*column, fn});
        }
    }
    return spec;
}

void reportIssues(const LoadedCsv& csv) {
    for (const auto& issue : csv.issues) warn("line " + std::to_string(issue.line) + ": " + issue.message);
    if (csv.issue_count > csv.issues.size())
        warn(std::to_string(csv.issue_count - csv.issues.size()) + " more rows with problems");
}

nlohmann::json jsonIssues(const LoadedCsv& csv) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& issue : csv.issues)
        list.push_back({{"line", issue.line}, {"fields", issue.fields}, {"kept", issue.row_kept}, {"message", issue.message}});
    return list;
}

// Totals over every row without grouping: exact sums of the aggregate columns.
int printUngrouped(const LoadedCsv& csv, const core::GroupSpec& spec, const CsvSummaryOptions& o, bool json) {
    const core::Table& t = csv.table;
    std::vector<std::string> names{"Rows"};
    std::vector<std::string> exact{std::to_string(t.rowCount())}, shown{core::formatCount(static_cast<long long>(t.rowCount()))};
    for (const auto& a : spec.aggregates) {
        const core::Column& column = t.column(a.column);
        core::Decimal sum;
        for (std::size_t r = 0; r < t.rowCount(); ++r)
            if (auto v = column.number(r)) sum += *v;
        names.push_back(std::string("Sum of ") + column.name());
        exact.push_back(sum.toString());
        shown.push_back(core::formatDecimal(sum, column.type() == core::ColumnType::Decimal ? column.decimalScale() : 0));
    }
    if (json) {
        nlohmann::json columns = nlohmann::json::array(), totals = nlohmann::json::object();
        for (const auto& c : t.columns())
            columns.push_back({{"name", c.name()}, {"display_name", c.displayName()}, {"type", core::nameFromColumnType(c.type())}});
        for (std::size_t i = 0; i < names.size(); ++i) totals[names[i]] = exact[i];
        printJson({{"file", o.file}, {"rows", t.rowCount()}, {"columns", columns}, {"totals", totals},
                   {"issues", jsonIssues(csv)}, {"issue_count", csv.issue_count}});
        return 0;
    }
    reportIssues(csv);
    if (o.format == "csv") {
        std::string out;
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (i) out += ',';
            core::appendCsvField(out, names[i]);
        }
        out += "\r\n";
        for (std::size_t i = 0; i < exact.size(); ++i) out += (i ? "," : "") + exact[i];
        printText(out + "\r\n");
        return 0;
    }
    TextRows columns;
    for (const auto& c : t.columns()) columns.push_back({c.name(), core::nameFromColumnType(c.type()), c.displayName()});
    std::string text = o.file + ": " + shown[0] + " rows, " + std::to_string(t.columnCount()) + " columns\n\n";
    text += textTable({"Column", "Type", "Shown as"}, columns) + "\n";
    TextRows totals;
    for (std::size_t i = 1; i < names.size(); ++i) totals.push_back({names[i], shown[i]});
    if (!totals.empty()) text += textTable({"Total", "Value"}, totals, {false, true});
    printText(text);
    return 0;
}

int printGrouped(const LoadedCsv& csv, const core::GroupedTable& grouped, const CsvSummaryOptions& o, bool json) {
    if (json) {
        printJson({{"file", o.file}, {"rows", csv.table.rowCount()}, {"groups", jsonRows(grouped.groups)},
                   {"totals", jsonRows(grouped.totals)[0]}, {"issues", jsonIssues(csv)}, {"issue_count", csv.issue_count}});
        return 0;
    }
    reportIssues(csv);
    if (o.format == "csv") {
        printText(core::csvFromGroupedTable(grouped));
        return 0;
    }
    TextRows rows = displayRows(grouped.groups);
    TextRows totals = displayRows(grouped.totals);
    rows.insert(rows.end(), totals.begin(), totals.end());
    printText(textTable(headerOf(grouped.groups), rows, numericColumns(grouped.groups)));
    return 0;
}

int runCsvSummary(const Cli& cli, const CsvSummaryOptions& o) {
    auto fn = aggregateFromName(o.function);
    if (!fn) return fail(Exit::Usage, "--function must be sum, count, min, max or mean");
    if (o.group_by.size() > 2) return fail(Exit::Usage, "--group-by takes one or two columns");
    auto csv = loadCsv(o.file, o.skip_bad_rows);
    if (!csv) return failWith(csv.error());
    auto spec = specFromOptions(csv->table, o, *fn);
    if (!spec) return failWith(spec.error());
    const bool json = cli.json || o.format == "json";
    if (spec->keys.empty()) return printUngrouped(*csv, *spec, o, json);
    std::vector<std::uint32_t> rows(csv->table.rowCount());
    std::iota(rows.begin(), rows.end(), 0u);
    auto grouped = core::groupRows(csv->table, rows, *spec);
    if (!grouped) return failWith(grouped.error());
    return printGrouped(*csv, *grouped, o, json);
}

}  // namespace

void addCsvCommands(CLI::App& app, Program& program) {
    CLI::App* csv = app.add_subcommand("csv", "Usage CSV files on disk")->require_subcommand(1);
    auto o = std::make_shared<CsvSummaryOptions>();
    CLI::App* summary = csv->add_subcommand("summary", "Rows, columns, exact totals and bad rows of a CSV file, "
                                                       "optionally grouped as the page's Viewer groups it");
    summary->add_option("file", o->file, "The CSV file (a Particle report or any usage CSV)")->required()->check(CLI::ExistingFile);
    summary->add_option("--group-by", o->group_by, "One or two columns; COL:month groups a date column by month")
        ->delimiter(',');
    summary->add_option("--sum", o->sums, "Numeric columns to total (default: every numeric column but ids)")->delimiter(',');
    summary->add_option("--function", o->function, "sum, count, min, max or mean")->capture_default_str();
    summary->add_option("--format", o->format, "table, csv or json")->capture_default_str()
        ->check(CLI::IsMember({"table", "csv", "json"}));
    summary->add_flag("--skip-bad-rows", o->skip_bad_rows, "Leave out rows with the wrong number of fields");
    summary->footer("Examples:\n"
                    "  usagedesk csv summary report.csv\n"
                    "  usagedesk csv summary report.csv --group-by device_id\n"
                    "  usagedesk csv summary report.csv --group-by date:month,product_name --format csv > by-month.csv\n"
                    "  usagedesk --json csv summary report.csv --group-by device_name --sum data_operations");
    summary->callback([&program, o] { program.run = [&program, o] { return runCsvSummary(program.cli, *o); }; });
}

}  // namespace ud::cli
