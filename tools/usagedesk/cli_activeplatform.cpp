// ActivePlatform: `ap daily`, the page's daily analytics fetch from the command
// line: the same form validation (core activeplatform_api), the same retry
// policy (429/502/503/504 and network failures, Retry-After first), the same
// parser and exact per-currency totals. Writes the items as CSV or JSON.
#include <memory>

#include "cli_commands.h"
#include "cli_output.h"
#include "cli_secrets.h"
#include "core/activeplatform/activeplatform_api.h"
#include "core/activeplatform/activeplatform_parse.h"
#include "core/activeplatform/activeplatform_totals.h"
#include "core/base/retry.h"
#include "core/table/csv_writer.h"

namespace ud::cli {
namespace {

struct ApOptions {
    std::string base;
    std::string subscription;
    std::string from, to, period_from, period_to;
    std::string format = "table";
    std::string output;
    bool token_stdin = false;
    bool save_token = false;
    CLI::Option* format_option = nullptr;
};

const char* flagFromField(core::AnalyticsField field) {
    switch (field) {
        case core::AnalyticsField::BaseUrl: return "--base";
        case core::AnalyticsField::Token: return "token";
        case core::AnalyticsField::SubscriptionId: return "--subscription";
        case core::AnalyticsField::DateFrom: return "--from";
        case core::AnalyticsField::DateTo: return "--to";
        case core::AnalyticsField::PeriodFrom: return "--period-from";
        case core::AnalyticsField::PeriodTo: return "--period-to";
    }
    return "?";
}

// The request, retried as the policy says; the 2xx answer or an error.
core::Result<core::HttpResponse> fetchWithRetries(const Cli& cli, const core::HttpRequest& request) {
    for (int attempt = 1;; ++attempt) {
        core::HttpResponse response = send(cli, request);
        if (core::isSuccess(response)) return response;
        auto delay = core::retryDelayMs(response, attempt, nowMs());
        if (!delay) {
            core::Error e = core::errorFromAnalyticsResponse(response, request.url);
            if (response.status == 0) e.message = networkSentence(response, request.url);
            return e;
        }
        const std::string why = response.status ? "HTTP " + std::to_string(response.status) : std::string("no answer");
        sleepUntil(cli, nowMs() + *delay, "ActivePlatform: " + why + "; attempt " + std::to_string(attempt + 1));
        progressDone(cli);
    }
}

nlohmann::json jsonTotals(const core::CostTotals& totals) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& c : totals.currencies) {
        nlohmann::json categories = nlohmann::json::array();
        for (const auto& g : c.by_category) categories.push_back({{"category", g.key}, {"total", g.amounts.total.toString()}});
        list.push_back({{"currency", c.currency}, {"lines", c.grand.lines}, {"total", c.grand.total.toString()},
                        {"taxes_total", c.grand.taxes_total.toString()},
                        {"discount_amount", c.grand.discount_amount.toString()}, {"by_category", categories}});
    }
    return list;
}

std::string textTotals(const core::AnalyticsReport& report, const core::CostTotals& totals, const std::string& label) {
    std::string text = "Subscription " + report.subscription_id + ", " + label + ": " +
                       core::formatCount(static_cast<long long>(report.items.rowCount())) + " lines\n";
    TextRows rows;
    for (const auto& c : totals.currencies)
        rows.push_back({c.currency.empty() ? "(none)" : c.currency, core::formatCount(static_cast<long long>(c.grand.lines)),
                        core::formatMoney(c.grand.total, ""), core::formatMoney(c.grand.taxes_total, ""),
                        core::formatMoney(c.grand.discount_amount, "")});
    text += textTable({"Currency", "Lines", "Total", "Taxes", "Discounts"}, rows, {false, true, true, true, true});
    for (const auto& c : totals.currencies) {
        TextRows cats;
        for (const auto& g : c.by_category)
            cats.push_back({g.key.empty() ? "(none)" : g.key, core::formatMoney(g.amounts.total, c.currency)});
        text += "\n" + textTable({"Category", "Total"}, cats, {false, true});
    }
    if (totals.unreadable_lines)
        text += "\n" + std::to_string(totals.unreadable_lines) + " lines have a total that is not a number (left out).\n";
    return text;
}

int runDaily(const Cli& cli, ApOptions o) {
    const bool periods = !o.period_from.empty() || !o.period_to.empty();
    if (periods && (!o.from.empty() || !o.to.empty()))
        return fail(Exit::Usage, "give --from/--to or --period-from/--period-to, not both (exactly one pair is sent)");
    auto token = findToken(o.token_stdin, kActivePlatformTokenEnv, kActivePlatformTokenFile,
                           "set ACTIVEPLATFORM_API_TOKEN or pass --token-stdin (with --save-token to keep it in a 0600 file).");
    if (!token) return failWith(token.error());
    core::AnalyticsForm form;
    form.base_url = o.base;
    form.token = token->token;
    form.subscription_id = o.subscription;
    form.range_kind = periods ? core::AnalyticsRangeKind::BillingPeriods : core::AnalyticsRangeKind::Days;
    form.date_from = o.from;
    form.date_to = o.to;
    form.period_from = o.period_from;
    form.period_to = o.period_to;
    if (auto errors = core::fieldErrorsFromForm(form); !errors.empty()) {
        std::string why;
        for (const auto& e : errors) why += (why.empty() ? "" : "; ") + std::string(flagFromField(e.field)) + ": " + e.message;
        return fail(Exit::Usage, why + " (nothing was sent)");
    }
    auto query = core::analyticsQueryFromForm(form);
    if (!query) return failWith(query.error());
    if (o.save_token) {
        if (auto saved = saveToken(kActivePlatformTokenFile, token->token); !saved) return fail(Exit::Failed, saved.error().message);
    }
    auto response = fetchWithRetries(cli, core::analyticsDailyRequest(*query));
    if (!response) return failWith(response.error());
    auto report = core::analyticsReportFromJson(response->body);
    if (!report) return failWith(report.error());
    const core::CostTotals totals = core::costTotalsFromTable(report->items);
    const std::string label = periods ? o.period_from + " to " + o.period_to : o.from + " to " + o.to;

    // -o without --format writes CSV; --format json documents carry the items too.
    if (!o.output.empty() && o.format_option->count() == 0) o.format = "csv";
    nlohmann::json doc = {{"subscription_id", report->subscription_id}, {"range", label},
                          {"lines", report->items.rowCount()}, {"totals", jsonTotals(totals)},
                          {"unreadable_lines", totals.unreadable_lines}};
    std::string data;
    if (o.format == "csv") data = core::csvFromTable(report->items);
    if (o.format == "json") {
        nlohmann::json full = doc;
        full["items"] = jsonRows(report->items);
        data = full.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    }
    if (o.format == "table" && o.output.empty()) {
        if (cli.json) printJson(doc);
        else printText(textTotals(*report, totals, label));
        return 0;
    }
    if (o.output.empty()) o.output = "-";
    if (o.format == "table") data = textTotals(*report, totals, label);
    if (auto written = writeFileAtomically(o.output, data); !written) return fail(Exit::Failed, written.error().message);
    if (o.output == "-") return 0;
    if (cli.json) printJson(doc);
    else printText(textTotals(*report, totals, label) + "\nSaved " + o.output + ".\n");
    return 0;
}

}  // namespace

void addActivePlatformCommands(CLI::App& app, Program& program) {
    CLI::App* ap = app.add_subcommand("ap", "ActivePlatform reseller API")->require_subcommand(1);
    auto o = std::make_shared<ApOptions>();
    CLI::App* daily = ap->add_subcommand("daily", "Daily expenses of a pay-as-you-go subscription, with exact totals per currency");
    daily->add_option("--base", o->base, "Your installation's address, e.g. https://cp.example.com")->required()
        ->envname("ACTIVEPLATFORM_BASE_URL");
    daily->add_option("--subscription", o->subscription, "Subscription id (digits)")->required();
    daily->add_option("--from", o->from, "First day, YYYY-MM-DD");
    daily->add_option("--to", o->to, "Last day, YYYY-MM-DD, inclusive");
    daily->add_option("--period-from", o->period_from, "First billing period, YYYY-MM");
    daily->add_option("--period-to", o->period_to, "Last billing period, YYYY-MM, inclusive");
    o->format_option = daily->add_option("--format", o->format, "table (totals), csv (items) or json (totals and items)")
                           ->capture_default_str()
                           ->check(CLI::IsMember({"table", "csv", "json"}));
    daily->add_option("-o,--output", o->output, "Write the items to this file (CSV unless --format says otherwise)");
    daily->add_flag("--token-stdin", o->token_stdin, "Read the manager API token from the first line of stdin");
    daily->add_flag("--save-token", o->save_token, "Keep that token in a 0600 file for later runs");
    daily->footer("The token comes from ACTIVEPLATFORM_API_TOKEN, --token-stdin or the saved token file; never an argument.\n"
                  "Examples:\n"
                  "  usagedesk ap daily --base https://cp.example.com --subscription 70112 --from 2026-05-01 --to 2026-05-31\n"
                  "  usagedesk ap daily --base https://cp.example.com --subscription 70112 --period-from 2026-04 "
                  "--period-to 2026-05 -o expenses.csv\n"
                  "  usagedesk --json ap daily --base https://cp.example.com --subscription 70112 --from 2026-05-01 "
                  "--to 2026-05-31 | jq '.totals'");
    daily->callback([&program, o] { program.run = [&program, o] { return runDaily(program.cli, *o); }; });
}

}  // namespace ud::cli
