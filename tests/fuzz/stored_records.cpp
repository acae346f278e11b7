// libFuzzer target: any bytes as stored data (the report list, one report
// record, a remembered token). Reading must never crash; what is read must
// write back and read again the same.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/base/remembered_token.h"
#include "core/particle/particle_report_records.h"

using namespace ud::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    StoredReports stored = storedReportsFromJson(text);
    (void)droppedReportsNotice(stored);
    if (!stored.newer_list) {
        StoredReports again = storedReportsFromJson(jsonFromStoredReports(stored.records, stored.newer));
        if (again.records.size() != stored.records.size() || !again.dropped.empty()) std::abort();
        for (std::size_t i = 0; i < stored.records.size(); ++i)
            if (jsonFromReportRecord(again.records[i]) != jsonFromReportRecord(stored.records[i])) std::abort();
    }
    if (auto one = reportRecordFromJson(text)) (void)resumeReportPoll(*one, 1780000000000LL);
    StoredToken token = storedTokenFromJson(text, "https://api.particle.io");
    if (token.state == StoredTokenState::Usable || token.state == StoredTokenState::OtherAddress) {
        StoredToken again = storedTokenFromJson(jsonFromRememberedToken(token.token), token.token.api);
        if (again.state != StoredTokenState::Usable || again.token.token != token.token.token) std::abort();
    }
    return 0;
}
