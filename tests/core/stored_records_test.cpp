// Stored records read field by field: a bad field drops its record alone (and
// says which), a newer version is kept untouched, numbers out of range are
// refused, and no input makes a parse throw.
#include <gtest/gtest.h>

#include "core/base/remembered_token.h"
#include "core/base/stored_fields.h"
#include "core/particle/particle_report_records.h"

namespace ud::core {
namespace {

const char* kGood =
    R"({"v":1,"id":"77","scope":"sandbox","agreement":"a1","type":"devices","start":"2026-06-01",)"
    R"("end":"2026-06-30","requested_at":1780000000000,"phase":"pending","next_check":1780000015000,)"
    R"("attempts":2,"network_failures":0,"message":"","expires_at":null})";

std::string withField(const std::string& field, const std::string& value) {
    nlohmann::json j = nlohmann::json::parse(kGood);
    j[field] = nlohmann::json::parse(value);
    return j.dump();
}

TEST(StoredRecords, GoodRecordReads) {
    auto r = reportRecordFromJson(kGood);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->id.value, "77");
    EXPECT_EQ(r->attempts, 2);
}

TEST(StoredRecords, EveryWrongTypeOrRangeIsRefusedNotThrown) {
    const std::vector<std::pair<std::string, std::string>> bad = {
        {"id", "12"},           {"scope", "true"},        {"type", "\"bogus\""},
        {"start", "\"2026-13-01\""}, {"end", "\"2026-05-01\""},  // before the start
        {"requested_at", "\"x\""}, {"requested_at", "-5"},   {"requested_at", "1.5"},
        {"requested_at", "18446744073709551615"},            // past int64
        {"next_check", "9223372036854775807"},               // past year 9999
        {"attempts", "4294967296"}, {"network_failures", "-1"}, {"expires_at", "\"soon\""},
        {"message", "[]"},      {"phase", "{}"},          {"agreement", "false"},
    };
    for (const auto& [field, value] : bad) {
        auto r = reportRecordFromJson(withField(field, value));
        EXPECT_FALSE(r.ok()) << field << " = " << value;
    }
}

TEST(StoredRecords, BadRecordIsDroppedAloneAndNamed) {
    std::string list = std::string(R"({"v":1,"reports":[)") + kGood + "," + withField("attempts", "\"many\"") + "," +
                       R"("not a record",)" + withField("id", "\"78\"") + "]}";
    StoredReports stored = storedReportsFromJson(list);
    EXPECT_EQ(stored.records.size(), 2u);
    ASSERT_EQ(stored.dropped.size(), 2u);
    EXPECT_NE(stored.dropped[0].find("report 77"), std::string::npos) << stored.dropped[0];
    EXPECT_NE(stored.dropped[0].find("attempts"), std::string::npos) << stored.dropped[0];
    const std::string notice = droppedReportsNotice(stored);
    EXPECT_NE(notice.find("2 saved reports could not be read and were dropped"), std::string::npos) << notice;
}

TEST(StoredRecords, NewerRecordsAndListsAreKeptUntouched) {
    const std::string newer = R"({"v":2,"id":"99","shape":"unknown to v1"})";
    StoredReports stored = storedReportsFromJson(std::string(R"({"v":1,"reports":[)") + kGood + "," + newer + "]}");
    EXPECT_EQ(stored.records.size(), 1u);
    ASSERT_EQ(stored.newer.size(), 1u);
    EXPECT_TRUE(stored.dropped.empty());
    // Written back with the newer record exactly as it was.
    StoredReports again = storedReportsFromJson(jsonFromStoredReports(stored.records, stored.newer));
    ASSERT_EQ(again.newer.size(), 1u);
    EXPECT_EQ(nlohmann::json::parse(again.newer[0]), nlohmann::json::parse(newer));
    EXPECT_TRUE(storedReportsFromJson(R"({"v":3,"whatever":1})").newer_list);
}

TEST(StoredRecords, BrokenListSaysSo) {
    for (const char* text : {"", "{", "[]", "null", R"({"v":1})", R"({"v":"x","reports":[]})", R"({"reports":7})"}) {
        StoredReports stored = storedReportsFromJson(text);
        EXPECT_TRUE(stored.records.empty()) << text;
        EXPECT_EQ(stored.dropped.size(), 1u) << text;
    }
}

TEST(RememberedToken, BelongsToTheAddressItWasSavedFor) {
    std::string saved = jsonFromRememberedToken({"tok", "https://api.particle.io", true});
    StoredToken here = storedTokenFromJson(saved, "https://api.particle.io/");
    EXPECT_EQ(here.state, StoredTokenState::Usable);
    EXPECT_EQ(here.token.token, "tok");
    EXPECT_TRUE(here.token.created_here);
    StoredToken elsewhere = storedTokenFromJson(saved, "http://127.0.0.1:9101");
    EXPECT_EQ(elsewhere.state, StoredTokenState::OtherAddress);
    EXPECT_EQ(elsewhere.token.api, "https://api.particle.io");
}

TEST(RememberedToken, BadOrOldRecordsAreNotUsed) {
    // The record that used to abort the page: created_here not a boolean.
    for (const char* text : {R"({"token":"t","created_here":"yes"})", R"({"v":1,"token":"t","api":"x","created_here":1})",
                             R"({"token":"t"})", R"({"v":1,"token":"","api":"x"})", R"({"v":1,"token":5,"api":"x"})",
                             "tok-as-plain-text", "[]", R"({"v":-1,"token":"t","api":"x"})"}) {
        StoredToken t = storedTokenFromJson(text, "x");
        EXPECT_EQ(t.state, StoredTokenState::Bad) << text;
        EXPECT_TRUE(t.token.token.empty()) << text;
        EXPECT_FALSE(t.problem.empty()) << text;
    }
    EXPECT_EQ(storedTokenFromJson(R"({"v":2,"secret":{}})", "x").state, StoredTokenState::Newer);
}

}  // namespace
}  // namespace ud::core
