// The hand-written analytics scanner against the nlohmann SAX reference: the
// same table (or the same error) on every fixture, every fuzz corpus file,
// every prefix of the small ones (cut-off downloads) and a list of JSON corners.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "activeplatform_differential.h"

using namespace ud::core;
using ud::test::analyticsParsersDiffer;

namespace {

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::filesystem::path> filesIn(const std::string& folder) {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::directory_iterator(std::string(UD_SOURCE_DIR) + "/" + folder))
        if (e.is_regular_file()) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST(ActivePlatformScanner, MatchesNlohmannOnEveryFixtureAndCorpusFile) {
    std::size_t files = 0;
    for (const char* folder : {"tests/fixtures/activeplatform", "tests/fuzz/corpus/analytics_parser"}) {
        for (const auto& path : filesIn(folder)) {
            std::string body = readFile(path);
            EXPECT_EQ(analyticsParsersDiffer(body), "") << path;
            ++files;
        }
    }
    EXPECT_GE(files, 6u);
}

TEST(ActivePlatformScanner, MatchesNlohmannOnEveryPrefixAndOneByteChange) {
    for (const char* folder : {"tests/fixtures/activeplatform", "tests/fuzz/corpus/analytics_parser"}) {
        for (const auto& path : filesIn(folder)) {
            std::string body = readFile(path);
            if (body.size() > 20000) continue;
            // About 1,000 prefixes and 300 changed positions per file.
            for (std::size_t n = 0; n < body.size(); n += 1 + body.size() / 1000)
                ASSERT_EQ(analyticsParsersDiffer(std::string_view(body).substr(0, n)), "") << path << " cut at " << n;
            for (std::size_t at = 0; at < body.size(); at += 1 + body.size() / 300) {
                for (char c : {'"', '}', ']', ',', ':', '\\', '-', '0', 'e', '.', ' ', '\x80'}) {
                    std::string changed = body;
                    changed[at] = c;
                    ASSERT_EQ(analyticsParsersDiffer(changed), "") << path << " byte " << at << " -> " << int(c);
                }
            }
        }
    }
}

TEST(ActivePlatformScanner, MatchesNlohmannOnJsonCorners) {
    const std::string head = R"({"subscription":{"id":1,"export_headers":[{"key":"total","type":"number"},)"
                             R"({"key":"operate_day","type":"date"},{"key":"note","type":"string"}],"items":[)";
    const std::vector<std::string> items = {
        R"({"total":"1.5","operate_day":"2024-01-31","note":"a"})",
        R"({"total":"-0","note":"-0.0"},{"total":"-0.0"},{"total":-0},{"total":-0.0},{"total":0})",
        R"({"total":"0.1234567891"},{"total":"123456789012345678"},{"total":"1234567890123456789"})",
        R"({"total":"99999999999999999999"},{"total":"00.5"},{"total":".5"},{"total":"5."},{"total":"+5"})",
        R"({"total":"1e3"},{"total":1e3},{"total":1E-3},{"total":12345678901234567890123})",
        R"({"total":"1.5","total":"2.5"},{"total":null,"total":"3"},{"note":["x",null,"y"]})",
        R"({"note":"\u00e9\ud83d\ude00\n\t\"\\\/"},{"note":"caf\u00e9","total":"\u0031.5"})",
        R"({"tags":[],"meta":{},"deep":[[1,{"a":[true,false,null]}],{"b":{}}]})",
        R"({"operate_day":"2024-02-30"},{"operate_day":20240101},{"operate_day":true})",
        R"({"note":"\u0000x"},{"é":"key with UTF-8"},{"":"empty key"})",
        R"({"total":1.7976931348623157e308},{"total":2e308},{"total":-1e400},{"total":1e-400})",
        "{\"note\":\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"}",
        "{\"note\":\"\xc0\xaf\"}", "{\"note\":\"\xed\xa0\x80\"}", "{\"note\":\"\xf4\x90\x80\x80\"}",
        "{\"note\":\"\xe2\x82\"}", "{\"note\":\"a\x01\"}", "{\"note\":\"\x7f\"}",
        R"({"note":"\ud800"},{"note":"x"})", R"({"note":"\udc00"})", R"({"note":"\ud800\u0041"})",
        R"({"note":"\u12G4"})", R"({"note":"\x"})", R"({"total":01})", R"({"total":1.})", R"({"total":-})",
        R"({"total":1e})", R"({"total":1e+})", R"({"total":tru})", R"({"total":nulll})", R"({"total" 1})",
        R"({"total":1,})", R"({,})", R"([])", R"("x")", R"(1)", R"({"a":1}{"b":2})",
    };
    for (const std::string& it : items) {
        for (const std::string& tail : {std::string("]}}"), std::string("]}} "), std::string("]}}x"),
                                         std::string("]}"), std::string("],\"items\":[{}]}}")}) {
            std::string body = head + it + tail;
            EXPECT_EQ(analyticsParsersDiffer(body), "") << body;
        }
    }
    for (const std::string& body : std::vector<std::string>{
             "\xef\xbb\xbf{\"subscription\":{\"items\":[]}}", "\xef\xbb{}", " \xef\xbb\xbf{}", "{} ", "{}x", "5",
             "-", "[", "nul", "\"abc", "{\"subscription\":5}", "{\"subscription\":\"x\"}", "{\"subscription\":[1]}",
             "{\"subscription\":{\"items\":5}}", "{\"subscription\":{\"items\":\"\\q\"}}",
             "{\"subscription\":{\"items\":[1,{}]}}", "{\"subscription\":{\"items\":[{},[1]]}}",
             "{\"subscription\":{\"items\":[\"\xff\"]}}", "{\"subscription\":{\"items\":[],\"items\":5}}",
             "{\"subscription\":{\"items\":[],\"items\":[{\"a\":1}]}}", "{\"subscription\":{},\"subscription\":[]}",
             "{\"subscription\":{\"items\":[]},\"subscription\":{\"items\":[{}]}}",
             "{\"subscription\":{\"id\":\"a\",\"id\":{\"x\":1},\"id\":7,\"items\":[]}}",
             "{\"subscription\":{\"export_headers\":[{\"key\":\"a\",\"key\":\"b\",\"type\":\"date\",\"type\":5},"
             "[1],7,{\"key\":\"\"},{\"key\":\"b\",\"type\":\"number\"}],\"export_headers\":[{\"key\":\"c\"}],"
             "\"items\":[{\"b\":\"2024-01-01\"}]}}",
             "{\"subscription\":{\"export_headers\":{\"key\":\"a\"},\"items\":[{\"x\":[1,[2,[3]]]}]}}",
             // NUL bytes after the answer (nlohmann reads a NUL as the end; found by the fuzz target).
             std::string("{\"errors\":[{\"status\":\"420\",\"detail\":\"bad\"}]}\0\0", 46),
             std::string("{\"subscription\":{\"items\":[]}}\0", 30), std::string("{\"subscription\":{\"it\0", 21),
         }) {
        EXPECT_EQ(analyticsParsersDiffer(body), "") << body;
    }
}

TEST(ActivePlatformScanner, MatchesNlohmannOnDeepNestingWithoutRecursion) {
    std::string deep = R"({"subscription":{"items":[{"x":)" + std::string(100000, '[') + std::string(100000, ']') +
                       R"(}],"skip":)" + std::string(100000, '[') + std::string(100000, ']') + "}}";
    EXPECT_EQ(analyticsParsersDiffer(deep), "");
}

TEST(ActivePlatformScanner, TwoParsersAreCompared) {
    // Syntax errors are worded by each parser: proof that the scanner, not the
    // reference twice, is what analyticsReportFromJson runs.
    auto a = analyticsReportFromJson(R"({"subscription":})");
    auto b = analyticsReportFromJsonNlohmann(R"({"subscription":})");
    ASSERT_FALSE(a.ok());
    ASSERT_FALSE(b.ok());
    EXPECT_EQ(a.error().message, "The answer is not valid JSON near byte 16: a value was expected");
    EXPECT_NE(a.error().message, b.error().message);
}

TEST(ActivePlatformScanner, TooManyFieldsIsAnErrorInBothParsers) {
    std::string body = R"({"subscription":{"items":[{)";
    for (int i = 0; i < 1001; ++i) body += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":1";
    body += "}]}}";
    auto r = analyticsReportFromJson(body);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message, "The answer has more than 1000 different fields.");
    EXPECT_EQ(analyticsParsersDiffer(body), "");
}
