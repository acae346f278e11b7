// Daily analytics answer -> Table: the documented example, every type, unknown
// fields and types, malformed input, errors[] bodies and a large answer.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "core/activeplatform/activeplatform_parse.h"

using namespace ud::core;

namespace {

std::string readFixture(const std::string& name) {
    std::ifstream in(std::string(UD_SOURCE_DIR) + "/tests/fixtures/activeplatform/" + name, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

const Column& col(const Table& t, std::string_view name) {
    auto i = t.findColumn(name);
    EXPECT_TRUE(i.has_value()) << name;
    return t.column(i.value_or(0));
}

std::vector<std::string> columnNames(const Table& t) {
    std::vector<std::string> out;
    for (const Column& c : t.columns()) out.push_back(c.name());
    return out;
}

AnalyticsReport parseOk(std::string_view body) {
    auto r = analyticsReportFromJson(body);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? std::move(r).value() : AnalyticsReport{};
}

std::string parseError(std::string_view body) {
    auto r = analyticsReportFromJson(body);
    EXPECT_FALSE(r.ok());
    if (r.ok()) return {};
    EXPECT_EQ(r.error().kind, ErrorKind::Parse);
    return r.error().message;
}

}  // namespace

TEST(ActivePlatformParser, ParsesDocumentedExampleExactly) {
    AnalyticsReport rep = parseOk(readFixture("analytics_daily_documented.json"));
    EXPECT_EQ(rep.subscription_id, "53840");
    ASSERT_EQ(rep.headers.size(), 17u);
    EXPECT_EQ(rep.headers[9].key, "virtual_machine_name");
    const Table& t = rep.items;
    ASSERT_EQ(t.rowCount(), 8u);
    // export_headers order, then the item-only key (tags).
    EXPECT_EQ(columnNames(t), (std::vector<std::string>{
                                  "sku", "category", "subcategory", "resource_name", "description", "currency", "region",
                                  "unit", "resource_group", "virtual_machine_name", "duration", "unit_price",
                                  "discount_amount", "taxes_total", "total", "operate_day", "billed_day", "tags"}));
    EXPECT_EQ(col(t, "total").type(), ColumnType::Decimal);
    EXPECT_EQ(col(t, "operate_day").type(), ColumnType::Date);
    EXPECT_EQ(col(t, "sku").type(), ColumnType::Text);
    EXPECT_EQ(col(t, "tags").type(), ColumnType::Text);

    EXPECT_EQ(col(t, "sku").text(0), "011d5795-7609-4c28-8084-cd26374a1d0e");
    EXPECT_EQ(col(t, "resource_group").text(2), "RGLAN");
    EXPECT_EQ(col(t, "region").text(3), "");
    EXPECT_EQ(col(t, "unit").text(3), "10K");
    EXPECT_EQ(*col(t, "unit_price").number(1), *Decimal::fromText("10.215072"));
    EXPECT_EQ(*col(t, "duration").number(4), *Decimal::fromText("0.838333"));
    EXPECT_EQ(*col(t, "total").number(4), *Decimal::fromText("0.178397"));
    EXPECT_EQ(*col(t, "total").number(3), Decimal());
    EXPECT_EQ(col(t, "operate_day").days(0), daysFromDate({2023, 6, 30}));
    EXPECT_EQ(col(t, "billed_day").cellText(7), "2023-06-30");
    for (std::size_t r = 0; r < 8; ++r) EXPECT_TRUE(col(t, "virtual_machine_name").isNull(r) ||
                                                    col(t, "virtual_machine_name").text(r).empty());
    Decimal sum;
    for (std::size_t r = 0; r < 8; ++r) sum += *col(t, "total").number(r);
    EXPECT_EQ(sum.toString(), "1.646622");  // 0.13664+0.014189+0.60256+0+0.178397+0.006996+0.70784+0
}

TEST(ActivePlatformParser, ParsesRepresentativeResponseWithTags) {
    AnalyticsReport rep = parseOk(readFixture("analytics_daily_representative.json"));
    const Table& t = rep.items;
    ASSERT_EQ(t.rowCount(), 1u);
    EXPECT_EQ(col(t, "tags").text(0), "env: prod");
    EXPECT_EQ(col(t, "currency").text(0), "EUR");
    EXPECT_EQ(col(t, "total").cellText(0), "0.319997");
    // Known amounts without a header are still typed by the doc's field list.
    EXPECT_EQ(col(t, "taxes_total").type(), ColumnType::Decimal);
}

TEST(ActivePlatformParser, AcceptsNumbersSignsAndExponents) {
    AnalyticsReport rep = parseOk(R"({"subscription":{"id":53840,
        "export_headers":[{"key":"total","type":"number"},{"key":"operate_day","type":"date"}],
        "items":[{"total":"5.0e-05","operate_day":"2024-02-29"},
                 {"total":-12.5},
                 {"total":"-0.000001"},
                 {"total":3},
                 {"total":1.5E+2},
                 {"total":"+7"}]}})");
    EXPECT_EQ(rep.subscription_id, "53840");
    const Column& total = col(rep.items, "total");
    ASSERT_EQ(total.type(), ColumnType::Decimal);
    std::vector<std::string> got;
    for (std::size_t r = 0; r < rep.items.rowCount(); ++r) got.push_back(total.number(r)->toString());
    EXPECT_EQ(got, (std::vector<std::string>{"0.00005", "-12.5", "-0.000001", "3", "150", "7"}));
    EXPECT_TRUE(col(rep.items, "operate_day").isNull(1));
}

TEST(ActivePlatformParser, KeepsUnknownFieldsAndTypesAsText) {
    AnalyticsReport rep = parseOk(R"({"subscription":{"id":"1",
        "export_headers":[{"key":"is_reserved","type":"boolean"},{"key":"total","type":"number"}],
        "items":[{"total":"1.0","is_reserved":false,"meter":{"id":7,"name":"a\"b"},"tags":["a: 1","b: 2"]},
                 {"total":"2.0","late_key":"x","tags":[]}]}})");
    const Table& t = rep.items;
    ASSERT_EQ(t.rowCount(), 2u);
    EXPECT_EQ(rep.headers[0].column_type, ColumnType::Text);
    EXPECT_EQ(col(t, "is_reserved").text(0), "false");
    EXPECT_EQ(col(t, "meter").text(0), R"({"id":7,"name":"a\"b"})");
    EXPECT_EQ(col(t, "tags").text(0), "a: 1; b: 2");
    EXPECT_EQ(col(t, "tags").text(1), "");
    EXPECT_EQ(col(t, "late_key").text(0), "");  // appeared only in the second item
    EXPECT_EQ(col(t, "late_key").text(1), "x");
}

TEST(ActivePlatformParser, WidensABadNumberInsteadOfLosingIt) {
    AnalyticsReport rep = parseOk(R"({"subscription":{"id":"1","export_headers":[{"key":"total","type":"number"}],
        "items":[{"total":"1.5"},{"total":"n/a"}]}})");
    const Column& total = col(rep.items, "total");
    EXPECT_EQ(total.type(), ColumnType::Text);
    EXPECT_EQ(total.cellText(1), "n/a");
    EXPECT_EQ(total.cellText(0), "1.5");
}

TEST(ActivePlatformParser, ItemsBeforeHeadersStillFollowHeaderOrder) {
    AnalyticsReport rep = parseOk(R"({"subscription":{"items":[{"b":"1","a":"x"}],"id":"9",
        "export_headers":[{"key":"a","type":"string"},{"key":"b","type":"number"},{"key":"c","type":"date"}]}})");
    EXPECT_EQ(columnNames(rep.items), (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(col(rep.items, "a").text(0), "x");
    EXPECT_TRUE(col(rep.items, "c").isNull(0));
}

TEST(ActivePlatformParser, EmptyItemsGiveHeaderColumnsAndNoRows) {
    AnalyticsReport rep = parseOk(R"({"subscription":{"id":"1","export_headers":[{"key":"total","type":"number"}],"items":[]}})");
    EXPECT_EQ(rep.items.rowCount(), 0u);
    EXPECT_EQ(rep.items.columnCount(), 1u);
}

TEST(ActivePlatformParser, NamesWhatIsWrongWithMalformedAnswers) {
    EXPECT_EQ(parseError(""), "The answer was empty.");
    EXPECT_NE(parseError("<html>502</html>").find("HTML page"), std::string::npos);
    EXPECT_EQ(parseError("[1,2]"), "The answer is not a JSON object.");
    EXPECT_EQ(parseError(R"({"data":[]})"), "The answer has no \"subscription\" object.");
    EXPECT_EQ(parseError(R"({"subscription":{"id":"1"}})"), "The answer's subscription has no \"items\" list.");
    EXPECT_EQ(parseError(R"({"subscription":{"id":"1","items":{}}})"), "The answer's \"items\" is not a list.");
    EXPECT_EQ(parseError(R"({"subscription":[]})"), "The answer's \"subscription\" is not an object.");
    EXPECT_EQ(parseError(R"({"subscription":{"items":[{"total":"1"},"x"]}})"), "Item 2 is not an object.");
    std::string cut = readFixture("analytics_daily_documented.json");
    cut.resize(cut.size() / 2);
    EXPECT_NE(parseError(cut).find("ends too early"), std::string::npos);
    std::string bad = parseError(R"({"subscription":{"items":[{"total":"1",,}]}})");
    EXPECT_EQ(bad.rfind("The answer is not valid JSON near byte", 0), 0u) << bad;
}

TEST(ActivePlatformParser, ReportsErrorsDocumentSentWithSuccess) {
    EXPECT_EQ(parseError(R"({"errors":[{"status":"422","title":"Invalid","detail":"date_from is invalid"}]})"),
              "The answer holds an error instead of data: date_from is invalid");
}

TEST(ActivePlatformParser, ParsesALargeAnswerExactly) {
    // 200k items, amounts with up to 6 decimals; the sum must be exact to the last digit.
    std::string body = R"({"subscription":{"id":"1","export_headers":[{"key":"total","type":"number"},)"
                       R"({"key":"category","type":"string"}],"items":[)";
    Int128 expected_micros = 0;
    const int kItems = 200000;
    for (int i = 0; i < kItems; ++i) {
        long long micros = (i * 7919LL) % 10000000 - 1000000;  // -1.000000 .. 8.999999
        expected_micros += micros;
        if (i) body += ',';
        Decimal d = Decimal::fromUnits(static_cast<Int128>(micros) * 1000);
        body += R"({"category":"c)" + std::to_string(i % 9) + R"(","total":")" + d.toString() + "\"}";
    }
    body += "]}}";
    AnalyticsReport rep = parseOk(body);
    ASSERT_EQ(rep.items.rowCount(), static_cast<std::size_t>(kItems));
    const Column& total = col(rep.items, "total");
    Decimal sum;
    for (std::size_t r = 0; r < rep.items.rowCount(); ++r) sum += *total.number(r);
    EXPECT_EQ(sum, Decimal::fromUnits(expected_micros * 1000));
    EXPECT_EQ(col(rep.items, "category").dictionarySize(), 10u);  // 9 names + the empty code
}
