// Token lifetime labels (every documented choice) and the signed-in header's
// expiry note, which must not say "never" when the expiry is unknown.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "core/particle/particle_api.h"
#include "core/particle/particle_token_text.h"

namespace ud::core {
namespace {

TEST(ParticleTokenText, EveryDocumentedLifetimeHasItsOwnLabel) {
    EXPECT_EQ(labelFromTokenLifetime(900), "15 minutes");
    EXPECT_EQ(labelFromTokenLifetime(3600), "1 hour");
    EXPECT_EQ(labelFromTokenLifetime(28800), "8 hours");
    EXPECT_EQ(labelFromTokenLifetime(86400), "1 day");
    EXPECT_EQ(labelFromTokenLifetime(7776000), "90 days");
    EXPECT_EQ(labelFromTokenLifetime(0), "Never expires");
    std::set<std::string> labels;
    for (std::int64_t s : kTokenLifetimeChoices) labels.insert(labelFromTokenLifetime(s));
    EXPECT_EQ(labels.size(), std::size(kTokenLifetimeChoices));
    EXPECT_TRUE(std::find(std::begin(kTokenLifetimeChoices), std::end(kTokenLifetimeChoices), kDefaultTokenLifetime) !=
                std::end(kTokenLifetimeChoices));
}

TEST(ParticleTokenText, UnreadableExpiryIsUnknownNotNever) {
    const Timestamp now = 1'000'000;
    EXPECT_EQ(tokenExpiryNote(TokenExpiryInfo::Unreadable, std::nullopt, now),
              "token expiry unknown: its details could not be read");
    EXPECT_EQ(tokenExpiryNote(TokenExpiryInfo::Known, std::nullopt, now), "token never expires");
    EXPECT_EQ(tokenExpiryNote(TokenExpiryInfo::Known, now + 3600 * 1000, now), "token expires in 1 h 00 min");
    EXPECT_EQ(tokenExpiryNote(TokenExpiryInfo::Checking, std::nullopt, now), "checking when the token expires...");
}

}  // namespace
}  // namespace ud::core
